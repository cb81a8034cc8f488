// Applies pending migrations in one transaction under an advisory lock, so two processes
// starting at once never apply the same version twice (DDL is transactional in PostgreSQL).
import type { Pool } from 'pg';
import { LedeError } from '../../lib/errors.js';
import { migrations as all, type Migration } from './migrations/index.js';

export async function currentVersion(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ v: number | null }>(
    `SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0
       ELSE (SELECT coalesce(max(version), 0) FROM schema_migrations) END AS v`,
  );
  return Number(rows[0]?.v ?? 0);
}

/** Returns the versions applied by this call (empty when the schema was up to date). */
export async function migrate(pool: Pool, migrations: readonly Migration[] = all): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ s: string }>('SELECT current_schema() AS s');
    const schema = rows[0]?.s;
    if (!schema) throw new LedeError('storage_open_failed', 'no current schema: check search_path');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lede:migrate:${schema}`]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const res = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const start = Number(res.rows[0]?.v ?? 0);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (start > known) {
      throw new LedeError(
        'storage_schema_newer',
        `database schema version ${start} is newer than this build knows (${known}); upgrade Lede`,
      );
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= start) continue;
      try {
        await m.up(client);
      } catch (error) {
        if (error instanceof LedeError) throw error;
        throw new LedeError('storage_migration_failed', `migration ${m.version} (${m.name}) failed`, {
          cause: error,
        });
      }
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
