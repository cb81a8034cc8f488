// Export/import rows of a SQLite database (see ../dump/format.ts).
import Database from 'better-sqlite3';
import { DERIVED, type Dumper, orderTables, type Row } from '../dump/format.js';
import { utc } from '../sql/util.js';
import { registerFold } from './fold.js';
import { migrate } from './migrate.js';

export function openSqliteDumper(file: string): Dumper {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  registerFold(db);
  migrate(db);
  const tableNames = (): string[] =>
    (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT LIKE 'articles_fts%' AND name <> 'schema_migrations'`,
        )
        .all() as Array<{ name: string }>
    ).map((r) => r.name);
  return {
    async tables() {
      return orderTables(tableNames());
    },
    async *rows(table) {
      const skip = new Set(DERIVED[table] ?? []);
      for (const row of db.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<Row>) {
        for (const c of skip) delete row[c];
        yield row;
      }
    },
    async insert(table, rows) {
      if (rows.length === 0) return;
      const derived = (r: Row): Row => {
        if (table === 'articles') return { ...r, sort_at: utc(String(r.published_at ?? r.fetched_at)) };
        if (table === 'stories') return { ...r, rank_at: utc(String(r.last_published_at ?? r.updated_at)) };
        return r;
      };
      const first = derived(rows[0]);
      const cols = Object.keys(first);
      const stmt = db.prepare(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      db.transaction(() => {
        for (const r of rows) {
          const full = derived(r);
          stmt.run(cols.map((c) => full[c] ?? null));
        }
      })();
    },
    async isEmpty() {
      return tableNames().every(
        (t) => (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n === 0,
      );
    },
    async close() {
      db.close();
    },
  };
}
