// Jobs as rows. Every state change is a single statement, so it is atomic across processes
// without holding a transaction open: claim is one UPDATE … WHERE id = (SELECT …) RETURNING.
// (With PostgreSQL the queue itself runs on pg-boss, see src/queue/pgboss-queue.ts.)
import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Job, JobRepo, JobState, NewJob } from '../store.js';
import type { SqlCodec } from './codec.js';
import type { JobTable, SqlTables } from './tables.js';
import { utc } from './util.js';

const DEFAULT_MAX_ATTEMPTS = 5;

const plusMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** The JobRepo of both backends. */
export class SqlJobRepo implements JobRepo {
  constructor(
    private readonly db: Kysely<SqlTables>,
    private readonly codec: SqlCodec,
  ) {}

  async enqueue(job: NewJob): Promise<string | null> {
    const now = new Date().toISOString();
    const id = randomUUID();
    // the partial unique index on live keys turns a duplicate into a no-op
    const res = await sql`
      INSERT INTO jobs (id, type, payload, key, state, attempts, max_attempts, run_at, created_at, updated_at)
      VALUES (${id}, ${job.type}, ${JSON.stringify(job.payload ?? null)}, ${job.key ?? null}, 'queued', 0,
        ${job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS}, ${utc(job.runAt ?? now)}, ${now}, ${now})
      ON CONFLICT (key) WHERE key IS NOT NULL AND state IN ('queued', 'running') DO NOTHING`.execute(this.db);
    return Number(res.numAffectedRows ?? 0) > 0 ? id : null;
  }

  async claim(workerId: string, now: string, leaseMs: number, types?: string[]): Promise<Job | null> {
    if (types && types.length === 0) return null;
    const at = utc(now);
    // A lapsed lease is taken over only by another worker: the holder may still be running it
    // (a starved heartbeat) and must not start it twice. A job whose worker died on its last
    // allowed attempt is failed, not run again forever.
    await this.db
      .updateTable('jobs')
      .set({
        state: 'failed',
        last_error: sql`coalesce(last_error, 'lease expired: worker stopped responding')`,
        locked_by: null,
        locked_until: null,
        updated_at: at,
      })
      .where('state', '=', 'running')
      .where('locked_until', '<', at)
      .where('locked_by', 'is distinct from', workerId)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .execute();
    const typeFilter = types ? sql`AND type IN (${sql.join(types)})` : sql``;
    const res = await sql<Selectable<JobTable>>`
      UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ${workerId},
        locked_until = ${plusMs(at, leaseMs)}, updated_at = ${at}
      WHERE id = (
        SELECT id FROM jobs
        WHERE ((state = 'queued' AND run_at <= ${at})
          OR (state = 'running' AND locked_until < ${at} AND locked_by IS DISTINCT FROM ${workerId}))
          ${typeFilter}
        ORDER BY run_at, created_at, id
        LIMIT 1
        ${this.codec.skipLocked})
      RETURNING *`.execute(this.db);
    const row = res.rows[0];
    return row ? this.toJob(row) : null;
  }

  /** Extends a held lease (heartbeat); false when the lease was lost to another worker. */
  async renew(id: string, workerId: string, now: string, leaseMs: number): Promise<boolean> {
    const res = await this.db
      .updateTable('jobs')
      .set({ locked_until: plusMs(utc(now), leaseMs) })
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async complete(id: string, workerId: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ state: 'done', locked_by: null, locked_until: null, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .where('state', '=', 'running')
      .execute();
  }

  async fail(id: string, workerId: string, error: string, retryAt: string | null): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({
        state: retryAt === null ? 'failed' : 'queued',
        run_at: retryAt === null ? sql`run_at` : utc(retryAt),
        // PostgreSQL text cannot hold NUL; dropped on both so jobs move between backends alike
        last_error: error.replaceAll('\u0000', '').slice(0, 4000),
        locked_by: null,
        locked_until: null,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .where('state', '=', 'running')
      .execute();
  }

  async release(workerId: string): Promise<number> {
    // an interrupted attempt is not the job's fault, so it is not counted
    const res = await this.db
      .updateTable('jobs')
      .set({
        state: 'queued',
        attempts: this.codec.greatest(sql<number>`attempts - 1`, sql<number>`0`),
        locked_by: null,
        locked_until: null,
        updated_at: new Date().toISOString(),
      })
      .where('locked_by', '=', workerId)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  async get(id: string): Promise<Job | null> {
    const r = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? this.toJob(r) : null;
  }

  async counts(): Promise<Record<JobState, number>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select((eb) => ['state', eb.fn.countAll().as('n')])
      .groupBy('state')
      .execute();
    const out: Record<JobState, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    // a number on SQLite, a bigint's text on PostgreSQL
    for (const r of rows) out[r.state as JobState] = Number(r.n);
    return out;
  }

  async pending(until: string): Promise<number> {
    const r = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) =>
        eb.or([
          eb('state', '=', 'running'),
          eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', utc(until))]),
        ]),
      )
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Deletes finished (done or failed) jobs last updated before `before`. */
  async purge(before: string): Promise<number> {
    const res = await this.db
      .deleteFrom('jobs')
      .where('state', 'in', ['done', 'failed'])
      .where('updated_at', '<', utc(before))
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  private toJob(r: Selectable<JobTable>): Job {
    return {
      id: r.id,
      type: r.type,
      payload: this.codec.fromJson<unknown>(r.payload, null),
      key: r.key,
      state: r.state as JobState,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      runAt: r.run_at,
      lockedBy: r.locked_by,
      lockedUntil: r.locked_until,
      lastError: r.last_error,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }
}
