// The SQLite Store: one better-sqlite3 connection per process, behind Kysely.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { LedeError } from '../../lib/errors.js';
import type { Store } from '../store.js';
import { registerFold } from './fold.js';
import { migrate } from './migrate.js';
import type { DB } from './schema.js';
import { SqliteStore } from './sqlite-store.js';

export interface SqliteOptions {
  /** how long a statement waits for another process's write lock before failing */
  busyTimeoutMs?: number;
}

/** Opens (creating if needed) the database file, applies pending migrations, returns the Store. */
export async function openSqliteStore(file: string, options: SqliteOptions = {}): Promise<Store> {
  const memory = file === ':memory:';
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  let raw: Database.Database;
  try {
    raw = new Database(file);
  } catch (error) {
    throw new LedeError('storage_open_failed', `cannot open SQLite database ${file}`, { cause: error });
  }
  try {
    raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (!memory) raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    registerFold(raw);
    migrate(raw);
  } catch (error) {
    raw.close();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
  let closed = false;
  return new SqliteStore(db, false, async () => {
    if (closed) return;
    closed = true;
    try {
      raw.pragma('optimize');
    } catch {
      // best effort: the database closes either way
    }
    await db.destroy();
  });
}
