import { type Kysely, sql } from 'kysely';
import { SqlJobRepo } from '../sql/jobs.js';
import { OuterStoreGuard } from '../sql/outer-store-guard.js';
import { runTransaction } from '../sql/run-transaction.js';
import { SqlSourceRepo } from '../sql/sources.js';
import { sqliteCodec } from '../sql/sqlite-codec.js';
import { SqlStoryRepo } from '../sql/stories.js';
import { sqlTables } from '../sql/tables.js';
import { SqlTagRepo } from '../sql/tags.js';
import type { Store } from '../store.js';
import { SqliteArticleRepo } from './articles.js';
import { SqliteCommentRepo, SqliteReportRepo } from './comments.js';
import {
  SqliteBookmarkRepo,
  SqliteFollowRepo,
  SqliteHistoryRepo,
  SqliteModerationLogRepo,
  SqliteMuteRepo,
  SqliteRateRepo,
  SqliteSettingRepo,
} from './people.js';
import type { DB } from './schema.js';
import { SqliteSearchRepo } from './search.js';
import { SqlitePasswordResetRepo, SqliteSessionRepo, SqliteUserRepo } from './users.js';

/**
 * The repos over one Kysely executor: the pooled database at the top level, a single held
 * connection inside a transaction. Kysely's SQLite driver serialises access to its one
 * connection, so other callers wait while a transaction is open.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly sources: SqlSourceRepo;
  readonly articles: SqliteArticleRepo;
  readonly stories: SqlStoryRepo;
  readonly tags: SqlTagRepo;
  readonly search: SqliteSearchRepo;
  readonly jobs: SqlJobRepo;
  readonly users: SqliteUserRepo;
  readonly sessions: SqliteSessionRepo;
  readonly passwordResets: SqlitePasswordResetRepo;
  readonly comments: SqliteCommentRepo;
  readonly reports: SqliteReportRepo;
  readonly follows: SqliteFollowRepo;
  readonly bookmarks: SqliteBookmarkRepo;
  readonly mutes: SqliteMuteRepo;
  readonly history: SqliteHistoryRepo;
  readonly moderationLog: SqliteModerationLogRepo;
  readonly settings: SqliteSettingRepo;
  readonly rates: SqliteRateRepo;
  private savepoints = 0;
  private readonly guard = new OuterStoreGuard();

  constructor(
    /** unguarded: transactions take their connection from it */
    private readonly db: Kysely<DB>,
    /** true for the view handed to a transaction callback */
    private readonly inTransaction = false,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    const repoDb = inTransaction ? db : db.withPlugin(this.guard);
    const tables = sqlTables(repoDb);
    this.sources = new SqlSourceRepo(tables, sqliteCodec);
    this.articles = new SqliteArticleRepo(repoDb);
    this.stories = new SqlStoryRepo(tables, sqliteCodec);
    this.tags = new SqlTagRepo(tables, sqliteCodec);
    this.search = new SqliteSearchRepo(repoDb);
    this.jobs = new SqlJobRepo(tables, sqliteCodec);
    this.users = new SqliteUserRepo(repoDb);
    this.sessions = new SqliteSessionRepo(repoDb);
    this.passwordResets = new SqlitePasswordResetRepo(repoDb);
    this.comments = new SqliteCommentRepo(repoDb);
    this.reports = new SqliteReportRepo(repoDb);
    this.follows = new SqliteFollowRepo(repoDb);
    this.bookmarks = new SqliteBookmarkRepo(repoDb);
    this.mutes = new SqliteMuteRepo(repoDb);
    this.history = new SqliteHistoryRepo(repoDb);
    this.moderationLog = new SqliteModerationLogRepo(repoDb);
    this.settings = new SqliteSettingRepo(repoDb);
    this.rates = new SqliteRateRepo(repoDb);
  }

  /**
   * BEGIN IMMEDIATE takes the write lock up front, so a read-then-write transaction never fails
   * halfway with SQLITE_BUSY because another process wrote in between. Nested calls use
   * savepoints. Inside `fn`, use only `tx`: the outer store waits for this transaction to end.
   */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return this.savepoint(fn);
    return this.db.connection().execute(async (conn) => {
      const tx = new SqliteStore(conn, true);
      return runTransaction(conn, sql`BEGIN IMMEDIATE`, this.guard, () => fn(tx));
    });
  }

  private async savepoint<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const name = sql.raw(`lede_sp_${++this.savepoints}`);
    await sql`SAVEPOINT ${name}`.execute(this.db);
    try {
      const result = await fn(this);
      await sql`RELEASE ${name}`.execute(this.db);
      return result;
    } catch (error) {
      await sql`ROLLBACK TO ${name}`.execute(this.db);
      await sql`RELEASE ${name}`.execute(this.db);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.inTransaction) throw new Error('close() called on a transaction; close the store instead');
    await this.onClose();
  }
}
