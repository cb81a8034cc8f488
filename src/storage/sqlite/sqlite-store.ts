import { type Kysely, sql } from 'kysely';
import { OuterStoreGuard } from '../sql/outer-store-guard.js';
import { runSavepoint, runTransaction } from '../sql/run-transaction.js';
import { sqliteCodec } from '../sql/sqlite-codec.js';
import { SqlStoreRepos } from '../sql/store-repos.js';
import { sqlTables } from '../sql/tables.js';
import type { Store } from '../store.js';
import { SqliteArticleRepo } from './articles.js';
import { peopleRepos } from './people-repos.js';
import type { DB } from './schema.js';
import { SqliteSearchRepo } from './search.js';

/**
 * The repos over one Kysely executor: the pooled database at the top level, a single held
 * connection inside a transaction. Kysely's SQLite driver serialises access to its one
 * connection, so other callers wait while a transaction is open.
 */
export class SqliteStore extends SqlStoreRepos implements Store {
  readonly kind = 'sqlite' as const;
  readonly articles: SqliteArticleRepo;
  readonly search: SqliteSearchRepo;
  private savepoints = 0;

  constructor(
    /** unguarded: transactions take their connection from it */
    private readonly db: Kysely<DB>,
    /** true for the view handed to a transaction callback */
    private readonly inTransaction = false,
    private readonly onClose: () => Promise<void> = async () => {},
    /** a parameter only so that the repos below can be built on it before super() */
    private readonly guard = new OuterStoreGuard(),
  ) {
    const repoDb = inTransaction ? db : db.withPlugin(guard);
    super(sqlTables(repoDb), sqliteCodec, peopleRepos(repoDb));
    this.articles = new SqliteArticleRepo(repoDb);
    this.search = new SqliteSearchRepo(repoDb);
  }

  /**
   * BEGIN IMMEDIATE takes the write lock up front, so a read-then-write transaction never fails
   * halfway with SQLITE_BUSY because another process wrote in between. Nested calls use
   * savepoints. Inside `fn`, use only `tx`: the outer store waits for this transaction to end.
   */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return runSavepoint(this.db, `lede_sp_${++this.savepoints}`, () => fn(this));
    return this.db.connection().execute(async (conn) => {
      const tx = new SqliteStore(conn, true);
      return runTransaction(conn, sql`BEGIN IMMEDIATE`, this.guard, () => fn(tx));
    });
  }

  async close(): Promise<void> {
    if (this.inTransaction) throw new Error('close() called on a transaction; close the store instead');
    await this.onClose();
  }
}
