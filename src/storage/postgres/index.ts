// The PostgreSQL Store (pg through Kysely's PostgresDialect). Loaded only when DATABASE_URL is
// postgres://… (see ../open.ts). A `schema` query parameter (postgres://…/db?schema=lede)
// puts every table in that schema, created when missing; the default is the user's search_path.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { LedeError } from '../../lib/errors.js';
import type { Store } from '../store.js';
import { migrate } from './migrate.js';
import { PgStore, TxGate } from './pg-store.js';
import type { DB } from './schema.js';
import { SearchConfigs } from './search-configs.js';

export interface PostgresOptions {
  /** schema for Lede's tables; overrides ?schema= in the URL */
  schema?: string;
  /** connections in the pool (default 10, or ?pool_max= in the URL) */
  max?: number;
  /** apply pending migrations at open (default true) */
  migrate?: boolean;
}

export interface PgConnection {
  connectionString: string;
  schema: string | null;
  max: number | null;
}

/** Splits Lede's own parameters (schema, pool_max) off a postgres:// URL. */
export function parsePostgresUrl(url: string): PgConnection {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  const max = u.searchParams.get('pool_max');
  u.searchParams.delete('schema');
  u.searchParams.delete('pool_max');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) {
    throw new LedeError('config_invalid', `DATABASE_URL schema "${schema}" must be a plain identifier`);
  }
  return { connectionString: u.toString(), schema, max: max === null ? null : Number(max) };
}

/** A pg pool whose connections use `schema` first (created when missing). */
export async function openPool(
  url: string,
  options: PostgresOptions = {},
): Promise<{ pool: pg.Pool; schema: string | null }> {
  const conn = parsePostgresUrl(url);
  const schema = options.schema ?? conn.schema;
  const pool = new pg.Pool({
    connectionString: conn.connectionString,
    max: options.max ?? conn.max ?? 10,
    options: schema ? `-c search_path=${schema},public` : undefined,
  });
  // an idle client losing its server must not crash the process; the next query reconnects
  pool.on('error', () => {});
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // two processes creating the schema at once: the loser sees a duplicate, which is fine
    if ((error as { code?: string }).code === '23505') return { pool, schema };
    await pool.end();
    throw new LedeError(
      'storage_open_failed',
      `cannot open PostgreSQL database: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return { pool, schema };
}

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const { pool } = await openPool(url, options);
  try {
    if (options.migrate !== false) await migrate(pool);
    const { rows } = await pool.query<{ cfgname: string }>(
      `SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'lede\\_%' AND cfgnamespace = current_schema()::regnamespace`,
    );
    const configs = new SearchConfigs(new Set(rows.map((r) => r.cfgname)));
    const gate = new TxGate();
    const gated = new Kysely<DB>({
      dialect: new PostgresDialect({
        pool: {
          connect: async () => {
            await gate.wait();
            return pool.connect();
          },
          end: async () => {},
        },
      }),
    });
    const direct = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: { connect: () => pool.connect(), end: async () => {} } }),
    });
    let closed = false;
    return new PgStore({
      gated,
      direct,
      gate,
      configs,
      async close() {
        if (closed) return;
        closed = true;
        await gated.destroy();
        await direct.destroy();
        await pool.end();
      },
    });
  } catch (error) {
    await pool.end();
    if (error instanceof LedeError) throw error;
    throw new LedeError(
      'storage_open_failed',
      `cannot open PostgreSQL database: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

export { migrate } from './migrate.js';
