import { type Kysely, sql } from 'kysely';
import { OuterStoreGuard } from '../sql/outer-store-guard.js';
import { postgresCodec } from '../sql/postgres-codec.js';
import { runSavepoint, runTransaction } from '../sql/run-transaction.js';
import { SqlStoreRepos } from '../sql/store-repos.js';
import { sqlTables } from '../sql/tables.js';
import type { Store } from '../store.js';
import { PgArticleRepo } from './articles.js';
import { pgPeopleRepos } from './people.js';
import type { DB } from './schema.js';
import { PgSearchRepo } from './search.js';
import type { SearchConfigs } from './search-configs.js';

/**
 * Transactions open in this process. The Store contract says other callers wait for an open
 * transaction and then see its writes (SQLite gives that by having one connection): a query
 * through the outer store first waits for the transactions that were open when it was issued
 * (never for later ones, so nothing starves). Other processes are not held back.
 */
export class TxGate {
  private readonly open = new Set<Promise<void>>();

  async wait(): Promise<void> {
    if (this.open.size > 0) await Promise.allSettled([...this.open]);
  }

  enter(): () => void {
    let done!: () => void;
    const p = new Promise<void>((resolve) => {
      done = resolve;
    });
    this.open.add(p);
    return () => {
      this.open.delete(p);
      done();
    };
  }
}

export interface PgStoreParts {
  /** queries of the outer store: connections taken through the gate */
  gated: Kysely<DB>;
  /** connections for transactions */
  direct: Kysely<DB>;
  gate: TxGate;
  configs: SearchConfigs;
  close(): Promise<void>;
}

export class PgStore extends SqlStoreRepos implements Store {
  readonly kind = 'postgres' as const;
  readonly articles: PgArticleRepo;
  readonly search: PgSearchRepo;
  private savepoints = 0;

  constructor(
    private readonly parts: PgStoreParts,
    /** set for the view handed to a transaction callback: its single connection */
    private readonly txDb: Kysely<DB> | null = null,
    /** a parameter only so that the repos below can be built on it before super() */
    private readonly guard = new OuterStoreGuard(),
  ) {
    const db = txDb ?? parts.gated.withPlugin(guard);
    super(sqlTables(db), postgresCodec, pgPeopleRepos(db));
    this.articles = new PgArticleRepo(db, parts.configs);
    this.search = new PgSearchRepo(db, parts.configs);
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.txDb) return runSavepoint(this.txDb, `lede_sp_${++this.savepoints}`, () => fn(this));
    const leave = this.parts.gate.enter();
    try {
      return await this.parts.direct.connection().execute(async (conn) => {
        const tx = new PgStore(this.parts, conn);
        return runTransaction(conn, sql`BEGIN`, this.guard, () => fn(tx));
      });
    } finally {
      leave();
    }
  }

  async close(): Promise<void> {
    if (this.txDb) throw new Error('close() called on a transaction; close the store instead');
    await this.parts.close();
  }
}
