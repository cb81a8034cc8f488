// JobQueue on PostgreSQL with pg-boss 10 (the catalogue, the JobQueue contract and the
// StoreQueue's behaviour, on a queue every web/worker process on every machine shares).
// pg-boss stores the jobs and hands each to one fetcher (SKIP LOCKED); this runner fetches
// up to its concurrency, runs handlers with an AbortSignal, and records the outcome:
// - retries: attempts and backoff come from the catalogue (pg-boss retry_limit, then the
//   exact retry time written after fail(), see pgboss-sql.ts);
// - idempotency: a job with a key is not queued while one with the same key is live;
// - no job run twice: a job is only fetched by one runner; one that runs past its expiry
//   (expireInSeconds, default 15 min) is aborted here before pg-boss expires and retries it;
// - a runner that dies mid-job (killed, machine lost) gives its jobs back within seconds, not
//   at pg-boss's expiry: each started runner holds a liveness lock (pgboss-sql.ts) and records
//   the jobs it takes; every runner looks for jobs whose runner's lock is gone every
//   `reclaimIntervalMs` and fails them (an attempt counted) for an immediate retry. A runner
//   whose own lock connection breaks aborts its jobs and leaves them to be taken back;
// - stop(): running jobs get `timeoutMs` to finish, then are aborted and put back, uncounted.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { describeError, LedeError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import type { JobState } from '../storage/store.js';
import {
  type Backoff,
  type Catalogue,
  type LedeCatalogue,
  catalogue as ledeCatalogue,
  type PayloadOf,
} from './catalogue.js';
import { type BossJobRow, cleanUrl, LIVENESS_LOCK, lastMessage, STATES, sqlFor } from './pgboss-sql.js';
import { PollingQueue, type RunningJob } from './polling-queue.js';
import type { EnqueueOptions, JobInfo, JobQueue } from './queue.js';
import { retryDelayMs, validPayload } from './run-job.js';

export interface PgBossQueueOptions<C extends Catalogue> {
  /** postgres://… (Lede's own ?schema= and ?pool_max= parameters are ignored here) */
  connectionString: string;
  logger: Logger;
  catalogue?: C;
  /** pg-boss's schema; default "pgboss" */
  schema?: string;
  /** connections in pg-boss's pool; default 4 */
  max?: number;
  /** how often an idle runner looks for due jobs; default 1000 ms */
  pollIntervalMs?: number;
  /** a running job is aborted after this and then expired by pg-boss; default 900 s */
  expireInSeconds?: number;
  /** replaces every job type's backoff (tests and one-pass commands use short delays) */
  backoff?: Backoff;
  /** pg-boss maintenance (expiry, archiving) in this process; default true */
  supervise?: boolean;
  /** how often a started runner takes back the jobs of runners that died; default 5000 ms */
  reclaimIntervalMs?: number;
}

/** The lock session of a started runner: `key` names it in the job ownership records. */
interface Liveness {
  client: pg.Client;
  key: number;
}

type Fetched = PgBoss.JobWithMetadata<unknown>;

const STOPPED_RUNNER = 'the worker running this job stopped before it finished';

/** A job this runner took: `lost` once its liveness lock went (other runners take it back). */
interface RunningBossJob extends RunningJob {
  job: Fetched;
  lost: boolean;
}

export class PgBossQueue<C extends Catalogue = LedeCatalogue>
  extends PollingQueue<C, RunningBossJob>
  implements JobQueue<C>
{
  readonly workerId = randomUUID().slice(0, 8);
  private readonly names: string[];
  private readonly sql: ReturnType<typeof sqlFor>;
  private readonly expireInSeconds: number;
  private readonly reclaimIntervalMs: number;
  private liveness: Liveness | null = null;
  private reclaimedAt = 0;

  private constructor(
    private readonly boss: PgBoss,
    private readonly options: PgBossQueueOptions<C>,
  ) {
    super(
      options.logger,
      options.catalogue ?? (ledeCatalogue as unknown as C),
      options.pollIntervalMs ?? 1000,
    );
    this.names = Object.keys(this.catalogue);
    this.sql = sqlFor(options.schema ?? 'pgboss');
    this.expireInSeconds = options.expireInSeconds ?? 900;
    this.reclaimIntervalMs = options.reclaimIntervalMs ?? 5000;
  }

  /** Starts pg-boss (creating or migrating its schema) and declares the catalogue's queues. */
  static async open<C extends Catalogue = LedeCatalogue>(
    options: PgBossQueueOptions<C>,
  ): Promise<PgBossQueue<C>> {
    const boss = new PgBoss({
      connectionString: cleanUrl(options.connectionString),
      schema: options.schema ?? 'pgboss',
      max: options.max ?? 4,
      supervise: options.supervise ?? true,
      schedule: false,
    });
    boss.on('error', (error) => options.logger.error({ err: error }, 'pg-boss error'));
    await boss.start();
    const queue = new PgBossQueue(boss, options);
    try {
      for (const name of queue.names) {
        const settings = queue.queueSettings(name);
        await boss.createQueue(name, settings);
        await boss.updateQueue(name, settings);
      }
      await queue.db(queue.sql.liveKeyIndex, []);
      await queue.db(queue.sql.ownerTable, []);
    } catch (error) {
      await boss.stop({ graceful: false, close: true }).catch(() => {});
      throw error;
    }
    return queue;
  }

  private queueSettings(name: string) {
    const spec = this.catalogue[name];
    return {
      name,
      policy: 'standard' as const,
      retryLimit: Math.max(0, (spec?.maxAttempts ?? 1) - 1),
      // pg-boss's own schedule only applies if this runner dies between fail() and retryAfter
      retryDelay: Math.max(1, Math.ceil((spec?.backoff.capMs ?? 60_000) / 1000)),
      retryBackoff: false,
      expireInSeconds: this.expireInSeconds,
    };
  }

  private async db<T>(text: string, values: unknown[]): Promise<T[]> {
    const result = await this.boss.getDb().executeSql(text, values);
    return result.rows as T[];
  }

  async enqueue<K extends keyof C & string>(type: K, payload: PayloadOf<C[K]>, options: EnqueueOptions = {}) {
    const { spec, data } = validPayload(this.catalogue, type, payload);
    const key = spec.key(data);
    const id = await this.boss.send(type, data as object, {
      ...this.queueSettings(type),
      singletonKey: key ?? undefined,
      startAfter: options.runAt === undefined ? undefined : new Date(options.runAt),
    });
    if (id !== null && this.running) this.wakeup.wake();
    return id;
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (!this.loop) return;
    const left = await this.drain(options.timeoutMs);
    for (const r of left)
      await this.release(r.job).catch((e) => this.log.error({ err: e }, 'release failed'));
    this.loop = null;
    await this.dropLiveness();
    this.log.info({ worker_id: this.workerId }, 'queue stopped');
  }

  /** Stops the runner and closes pg-boss's connections. */
  async close(): Promise<void> {
    await this.stop();
    await this.boss.stop({ graceful: false, close: true, wait: true });
  }

  async counts(): Promise<Record<JobState, number>> {
    const out: Record<JobState, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    const rows = await this.db<{ state: BossJobRow['state']; n: number }>(this.sql.counts, [this.names]);
    for (const r of rows) out[STATES[r.state]] += Number(r.n);
    return out;
  }

  async pending(until: Date): Promise<number> {
    const rows = await this.db<{ n: number }>(this.sql.pending, [this.names, until.toISOString()]);
    return Number(rows[0]?.n ?? 0);
  }

  async get(id: string): Promise<JobInfo | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [r] = await this.db<BossJobRow>(this.sql.get, [this.names, id]);
    if (!r) return null;
    return {
      id: r.id,
      type: r.name,
      state: STATES[r.state],
      attempts: r.started_on === null ? 0 : r.retry_count + 1,
      maxAttempts: this.catalogue[r.name]?.maxAttempts ?? r.retry_limit + 1,
      runAt: new Date(r.start_after).toISOString(),
      lastError: r.error,
    };
  }

  protected async run(): Promise<void> {
    let next = 0;
    while (this.running) {
      try {
        // jobs are only taken while this runner's liveness lock is held
        const liveness = this.liveness ?? (await this.holdLiveness());
        if (performance.now() - this.reclaimedAt >= this.reclaimIntervalMs) await this.reclaim();
        // round robin over the types, so one busy type does not starve the others
        for (let i = 0; i < this.types.length && this.running && this.active.size < this.concurrency; i++) {
          if (this.liveness !== liveness) break;
          const name = this.types[(next + i) % this.types.length];
          const jobs = await this.boss.fetch<unknown>(name, {
            batchSize: this.concurrency - this.active.size,
            includeMetadata: true,
          });
          if (jobs.length === 0) continue;
          await this.own(jobs, liveness);
          // the lock went while they were taken: other runners take them back, not this one
          if (this.liveness !== liveness) break;
          for (const job of jobs) this.launch(job);
        }
        next = (next + 1) % Math.max(1, this.types.length);
      } catch (error) {
        this.log.error({ err: error, worker_id: this.workerId }, 'job fetch failed');
      }
      if (this.running) await this.wakeup.idle(this.pollIntervalMs);
    }
  }

  /** Takes the liveness lock on a connection of its own, under a key no other runner holds. */
  private async holdLiveness(): Promise<Liveness> {
    const client = new pg.Client({ connectionString: cleanUrl(this.options.connectionString) });
    client.on('error', () => {});
    await client.connect();
    try {
      for (;;) {
        const key = 1 + Math.floor(Math.random() * 0x7fff_fffe);
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
          LIVENESS_LOCK,
          key,
        ]);
        if (!rows[0]?.ok) continue;
        const liveness = { client, key };
        client.on('end', () => this.livenessLost(liveness));
        this.liveness = liveness;
        return liveness;
      }
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
  }

  /**
   * The lock session ended under a running runner: other runners may already be taking its jobs
   * back, so they are aborted here and nothing is recorded for them; the next loop locks anew.
   */
  private livenessLost(liveness: Liveness): void {
    if (this.liveness !== liveness) return;
    this.liveness = null;
    this.log.error({ worker_id: this.workerId }, 'queue liveness connection lost; running jobs aborted');
    for (const run of this.active.values()) {
      run.lost = true;
      run.controller.abort(new LedeError('job_interrupted', 'queue liveness connection lost'));
    }
    this.wakeup.wake();
  }

  private async dropLiveness(): Promise<void> {
    const liveness = this.liveness;
    this.liveness = null;
    await liveness?.client.end().catch(() => {});
  }

  private async own(jobs: Fetched[], liveness: Liveness): Promise<void> {
    try {
      await this.db(this.sql.own, [jobs.map((j) => j.id), jobs.map((j) => j.name), liveness.key]);
    } catch (error) {
      // the jobs still run; should this runner die, pg-boss's expiry gives them back instead
      this.log.error({ err: error, worker_id: this.workerId }, 'could not record job ownership');
    }
  }

  /** Fails the jobs of runners that died (an attempt counted) and makes their retries due now. */
  private async reclaim(): Promise<void> {
    this.reclaimedAt = performance.now();
    const rows = await this.db<{ id: string; name: string }>(this.sql.orphans, []);
    const byName = new Map<string, string[]>();
    for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r.id]);
    for (const [name, ids] of byName) {
      for (const id of ids) await this.boss.fail(name, id, { message: STOPPED_RUNNER });
      await this.db(this.sql.retryNow, [name, ids]);
      this.log.warn(
        { worker_id: this.workerId, job_type: name, job_ids: ids },
        'jobs of a stopped worker taken back',
      );
    }
  }

  private launch(job: Fetched): void {
    const controller = new AbortController();
    const run = { job, controller, done: Promise.resolve(), lost: false };
    run.done = this.execute(job, controller, () => run.lost).finally(() => {
      this.active.delete(job.id);
      this.wakeup.wake();
    });
    this.active.set(job.id, run);
  }

  private async execute(job: Fetched, controller: AbortController, lost: () => boolean): Promise<void> {
    const log = this.log.child({ job_id: job.id, job_type: job.name });
    const attempt = job.retryCount + 1;
    const started = performance.now();
    // abort well before pg-boss would expire the job and hand it to another runner
    const expiry = setTimeout(
      () => controller.abort(new LedeError('job_timeout', `job ran past ${this.expireInSeconds} s`)),
      Math.max(1000, this.expireInSeconds * 1000 - 30_000),
    );
    try {
      const spec = this.catalogue[job.name];
      const handler = this.handlers[job.name as keyof C];
      if (!spec || !handler)
        throw Object.assign(new Error(`no handler for ${job.name}`), { retryable: false });
      const parsed = spec.schema.safeParse(job.data);
      if (!parsed.success) throw Object.assign(new Error(parsed.error.message), { retryable: false });
      const ctx = {
        jobId: job.id,
        type: job.name,
        attempt,
        maxAttempts: spec.maxAttempts,
        signal: controller.signal,
        log,
      };
      await Promise.resolve().then(() => handler(parsed.data, ctx));
      if (lost() || (this.stopping && controller.signal.aborted)) return;
      // the last failure stays on record (as with StoreQueue), even once a retry succeeded
      const previous = lastMessage(job.output);
      await this.boss.complete(job.name, job.id, previous === null ? {} : { message: previous });
      log.info({ attempt, duration_ms: Math.round(performance.now() - started) }, 'job done');
    } catch (error) {
      // put back by stop(), or taken back by other runners once this one lost its lock
      if (lost() || (this.stopping && controller.signal.aborted)) return;
      await this.recordFailure(job, attempt, error, log, performance.now() - started);
    } finally {
      clearTimeout(expiry);
      if (!lost()) await this.disown(job);
    }
  }

  private async disown(job: Fetched): Promise<void> {
    const key = this.liveness?.key;
    if (key === undefined) return;
    await this.db(this.sql.disown, [job.id, key]).catch((e) =>
      this.log.error({ err: e, job_id: job.id }, 'could not clear job ownership'),
    );
  }

  private async recordFailure(job: Fetched, attempt: number, error: unknown, log: Logger, ms: number) {
    const message = describeError(error).slice(0, 4000);
    const spec = this.catalogue[job.name];
    const delay = retryDelayMs(error, attempt, spec?.maxAttempts ?? 1, this.options.backoff ?? spec?.backoff);
    const final = delay === null;
    const fields = { attempt, duration_ms: Math.round(ms), error: message, retry_in_ms: delay };
    try {
      if (final) await this.db(this.sql.lastAttempt, [job.name, job.id]);
      await this.boss.fail(job.name, job.id, { message });
      if (delay !== null) await this.db(this.sql.retryAfter, [job.name, job.id, delay]);
    } catch (dbError) {
      log.error({ ...fields, err: dbError }, 'could not record job failure');
      return;
    }
    if (final) log.error(fields, 'job failed');
    else log.warn(fields, 'job failed; will retry');
  }

  private async release(job: Fetched): Promise<void> {
    await this.db(this.sql.release, [job.name, [job.id]]);
  }
}
