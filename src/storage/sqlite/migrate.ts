// Applies pending migrations at open. Each runs in its own IMMEDIATE transaction with its
// schema_migrations row, so two processes opening the same file cannot both apply one.
import type { Database } from 'better-sqlite3';
import { LedeError } from '../../lib/errors.js';
import { migrations as all, type Migration } from './migrations/index.js';

export function currentVersion(db: Database): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** Returns the versions applied by this call (empty when the schema was up to date). */
export function migrate(db: Database, migrations: readonly Migration[] = all): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const start = currentVersion(db);
  if (start > known) {
    throw new LedeError(
      'storage_schema_newer',
      `database schema version ${start} is newer than this build knows (${known}); upgrade Lede`,
    );
  }
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const apply = db.transaction(() => {
      // re-checked inside the lock: another process may have applied it meanwhile
      if (currentVersion(db) >= m.version) return false;
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      return true;
    });
    try {
      if (apply.immediate()) applied.push(m.version);
    } catch (error) {
      throw new LedeError('storage_migration_failed', `migration ${m.version} (${m.name}) failed`, {
        cause: error,
      });
    }
  }
  return applied;
}
