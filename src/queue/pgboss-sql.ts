// The few statements PgBossQueue runs on pg-boss 10's job table (pinned version) for what its
// API does not offer: one live job per key, catalogue backoff to the millisecond, putting an
// interrupted job back without counting the attempt, reading a job or counts by state, and
// taking back the jobs of runners that died (see LIVENESS_LOCK below).
// pg-boss's job_state enum orders created < retry < active < completed < cancelled < failed.
import type { JobState } from '../storage/store.js';

export interface BossJobRow {
  id: string;
  name: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retry_count: number;
  retry_limit: number;
  started_on: Date | null;
  start_after: Date;
  error: string | null;
}

export const STATES: Record<BossJobRow['state'], JobState> = {
  created: 'queued',
  retry: 'queued',
  active: 'running',
  completed: 'done',
  cancelled: 'failed',
  failed: 'failed',
};

export function cleanUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.delete('schema');
  u.searchParams.delete('pool_max');
  return u.toString();
}

export function lastMessage(output: unknown): string | null {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null | undefined;
  const m = o?.message ?? o?.value?.message;
  return typeof m === 'string' ? m : null;
}

/**
 * A started runner holds the session advisory lock (LIVENESS_LOCK, its own key) on a connection
 * of its own for as long as it lives: PostgreSQL drops the lock the moment that session ends
 * (process killed, machine gone, connection cut), so a job whose runner's lock is missing is
 * one nobody is running. pg-boss 10 has no heartbeat; this needs none.
 */
export const LIVENESS_LOCK = 0x1ede_b055;

const ident = (schema: string) => `"${schema.replaceAll('"', '""')}"`;

export function sqlFor(schema: string) {
  const s = ident(schema);
  const states = (w: string) => `${w}::${s}.job_state`;
  return {
    /** at most one created, retry or active job per (name, singleton key); inserts that would
     * break it are dropped by pg-boss's own ON CONFLICT DO NOTHING, so send() returns null */
    liveKeyIndex: `CREATE UNIQUE INDEX IF NOT EXISTS lede_job_live_key ON ${s}.job (name, singleton_key)
      WHERE singleton_key IS NOT NULL AND state < 'completed'`,
    /** retry at now() + delay (catalogue backoff, with its jitter) instead of pg-boss's schedule */
    retryAfter: `UPDATE ${s}.job SET start_after = now() + $3 * interval '1 millisecond'
      WHERE name = $1 AND id = $2::uuid AND state = 'retry'`,
    /** no more attempts: the fail() that follows ends the job for good */
    lastAttempt: `UPDATE ${s}.job SET retry_limit = retry_count
      WHERE name = $1 AND id = $2::uuid AND state = 'active'`,
    /** an interrupted run goes back to the queue and is not counted as an attempt */
    release: `UPDATE ${s}.job SET
        state = CASE WHEN retry_count > 0 THEN ${states("'retry'")} ELSE ${states("'created'")} END,
        retry_count = greatest(retry_count - 1, 0),
        started_on = CASE WHEN retry_count > 0 THEN started_on ELSE NULL END,
        start_after = now()
      WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`,
    get: `SELECT id, name, state, retry_count, retry_limit, started_on, start_after,
        coalesce(output->>'message', output->'value'->>'message', output->>'value') AS error
      FROM (SELECT id, name, state, retry_count, retry_limit, started_on, start_after, output
              FROM ${s}.job WHERE name = ANY($1) AND id = $2::uuid
            UNION ALL
            SELECT id, name, state, retry_count, retry_limit, started_on, start_after, output
              FROM ${s}.archive WHERE name = ANY($1) AND id = $2::uuid) j
      LIMIT 1`,
    /** which runner (its liveness lock key) runs which job */
    ownerTable: `CREATE TABLE IF NOT EXISTS ${s}.lede_job_owner (
        job_id uuid PRIMARY KEY,
        name text NOT NULL,
        runner integer NOT NULL,
        taken_at timestamptz NOT NULL DEFAULT now())`,
    own: `INSERT INTO ${s}.lede_job_owner (job_id, name, runner)
      SELECT unnest($1::uuid[]), unnest($2::text[]), $3
      ON CONFLICT (job_id) DO UPDATE SET name = excluded.name, runner = excluded.runner, taken_at = now()`,
    disown: `DELETE FROM ${s}.lede_job_owner WHERE job_id = $1::uuid AND runner = $2`,
    /** the ownership of jobs whose runner holds no liveness lock any more, deleted and returned
     * with whether the job is still active (its runner died mid-run) */
    orphans: `WITH gone AS (
        DELETE FROM ${s}.lede_job_owner o
        WHERE NOT EXISTS (
          SELECT 1 FROM pg_locks l
          WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid = ${LIVENESS_LOCK}::oid AND l.objid = o.runner::oid)
        RETURNING job_id, name)
      SELECT g.job_id::text AS id, g.name FROM gone g
      JOIN ${s}.job j ON j.name = g.name AND j.id = g.job_id AND j.state = 'active'`,
    /** a reclaimed job is retried at once (its attempt counted by the fail() before) */
    retryNow: `UPDATE ${s}.job SET start_after = now()
      WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'retry'`,
    counts: `SELECT state, count(*)::int AS n FROM ${s}.job WHERE name = ANY($1) GROUP BY state`,
    pending: `SELECT count(*)::int AS n FROM ${s}.job WHERE name = ANY($1)
      AND (state = 'active' OR (state < 'active' AND start_after <= $2::timestamptz))`,
  };
}
