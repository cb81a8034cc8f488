// Export/import rows of a PostgreSQL database (see ../dump/format.ts): rows are read through a
// server-side cursor (bounded memory), converted to SQLite's shapes, and written back with the
// derived columns (sort_at, rank_at, the search vector) rebuilt as the repos would.
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { DERIVED, type Dumper, orderTables, type Row } from '../dump/format.js';
import { toArticle } from '../sql/article-row.js';
import { postgresCodec } from '../sql/postgres-codec.js';
import { articleValues } from './articles.js';
import { openPool } from './index.js';
import { migrate } from './migrate.js';
import type { DB } from './schema.js';
import { SearchConfigs } from './search-configs.js';

const BATCH = 1000;

export async function openPostgresDumper(url: string): Promise<Dumper> {
  const { pool } = await openPool(url);
  await migrate(pool);
  const { rows: cfg } = await pool.query<{ cfgname: string }>(
    `SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'lede\\_%' AND cfgnamespace = current_schema()::regnamespace`,
  );
  const configs = new SearchConfigs(new Set(cfg.map((r) => r.cfgname)));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const types = new Map<string, Map<string, string>>();
  const { rows: columns } = await pool.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  for (const c of columns) {
    if (!types.has(c.table_name)) types.set(c.table_name, new Map());
    types.get(c.table_name)?.set(c.column_name, c.data_type);
  }
  let inserted = false;
  const tableNames = () => [...types.keys()].filter((t) => t !== 'schema_migrations');

  const toNeutral = (table: string, row: Row): Row => {
    const t = types.get(table);
    for (const c of DERIVED[table] ?? []) delete row[c];
    for (const [k, v] of Object.entries(row)) {
      const type = t?.get(k);
      if (type === 'boolean' && v !== null) row[k] = v ? 1 : 0;
      else if (type === 'jsonb' && v !== null) row[k] = JSON.stringify(v);
    }
    return row;
  };
  const fromNeutral = (table: string, row: Row): Row => {
    const t = types.get(table);
    const out: Row = {};
    for (const [k, v] of Object.entries(row))
      out[k] = t?.get(k) === 'boolean' && v !== null ? v === 1 || v === true : v;
    return out;
  };

  return {
    async tables() {
      return orderTables(tableNames());
    },
    async *rows(table) {
      const client: pg.PoolClient = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`DECLARE lede_dump NO SCROLL CURSOR FOR SELECT * FROM "${table}"`);
        for (;;) {
          const { rows } = await client.query<Row>(`FETCH ${BATCH} FROM lede_dump`);
          for (const r of rows) yield toNeutral(table, r);
          if (rows.length < BATCH) break;
        }
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    },
    async insert(table, rows) {
      if (rows.length === 0) return;
      inserted = true;
      if (table === 'articles') {
        const values = rows.map((r) => {
          const record = { ...fromNeutral(table, r) } as Row;
          for (const k of ['lead_image', 'images', 'enrichment'])
            record[k] = record[k] == null ? null : JSON.parse(String(record[k]));
          const a = toArticle(record as Parameters<typeof toArticle>[0], postgresCodec);
          return { id: a.id, ...articleValues(a, configs) };
        });
        await db.insertInto('articles').values(values).execute();
        return;
      }
      const values = rows.map((r) => {
        const out = fromNeutral(table, r);
        if (table === 'stories')
          out.rank_at = postgresCodec.orderingTime(
            out.last_published_at as string | null,
            String(out.updated_at),
          );
        return out;
      });
      // biome-ignore lint/suspicious/noExplicitAny: tables are known only at run time here
      await (db as Kysely<any>).insertInto(table).values(values).execute();
    },
    async isEmpty() {
      for (const t of tableNames()) {
        const { rows } = await pool.query(`SELECT 1 FROM "${t}" LIMIT 1`);
        if (rows.length > 0) return false;
      }
      return true;
    },
    async close() {
      // fresh planner statistics for what was loaded: without them the search planner guesses
      // (see search.ts), and autovacuum may take a while to get to a table loaded in one go
      if (inserted) for (const t of tableNames()) await pool.query(`ANALYZE "${t}"`);
      await db.destroy();
    },
  };
}
