// JobQueue on the Store's jobs table: one polling loop per runner claims jobs up to the
// concurrency limit. A claim is a lease renewed by a heartbeat while the handler runs, so a
// long job is never taken by another runner, and a crashed runner's jobs come back once their
// lease expires.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { describeError, LedeError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import type { Job, JobState, Store } from '../storage/store.js';
import {
  type Backoff,
  type Catalogue,
  type LedeCatalogue,
  catalogue as ledeCatalogue,
  type PayloadOf,
} from './catalogue.js';
import { PollingQueue, type RunningJob } from './polling-queue.js';
import type { EnqueueOptions, JobInfo, JobQueue } from './queue.js';
import { retryDelayMs, validPayload } from './run-job.js';

export interface StoreQueueOptions<C extends Catalogue> {
  store: Store;
  logger: Logger;
  catalogue?: C;
  /** unique per runner; default host:pid:random */
  workerId?: string;
  /** how often an idle runner looks for due jobs; default 1000 ms */
  pollIntervalMs?: number;
  /** how long a claim holds a job without a heartbeat; default 60 s */
  leaseMs?: number;
  /** heartbeat period; default leaseMs / 3 */
  heartbeatMs?: number;
  /** replaces every job type's backoff (tests use tiny delays) */
  backoff?: Backoff;
  /** finished jobs older than this are deleted now and then; default 7 days, 0 keeps them */
  retainMs?: number;
}

/** Throw this (or any error with `retryable: false`) to fail a job without retrying it. */
export class NonRetryableError extends LedeError {
  readonly retryable = false;
}

const PURGE_EVERY_MS = 10 * 60_000;

export class StoreQueue<C extends Catalogue = LedeCatalogue>
  extends PollingQueue<C, RunningJob>
  implements JobQueue<C>
{
  readonly workerId: string;
  private readonly store: Store;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly retainMs: number;
  private lastPurge = 0;

  constructor(private readonly options: StoreQueueOptions<C>) {
    super(
      options.logger,
      options.catalogue ?? (ledeCatalogue as unknown as C),
      options.pollIntervalMs ?? 1000,
    );
    this.store = options.store;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(10, Math.floor(this.leaseMs / 3));
    this.retainMs = options.retainMs ?? 7 * 24 * 3_600_000;
  }

  async enqueue<K extends keyof C & string>(
    type: K,
    payload: PayloadOf<C[K]>,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const { spec, data } = validPayload(this.catalogue, type, payload);
    const key = spec.key(data);
    const runAt = options.runAt instanceof Date ? options.runAt.toISOString() : options.runAt;
    const id = await this.store.jobs.enqueue({
      type,
      payload: data,
      // keys are per type, so two job types may use the same natural key
      key: key === null ? null : `${type}:${key}`,
      runAt,
      maxAttempts: spec.maxAttempts,
    });
    if (id !== null && this.running) this.wakeup.wake();
    return id;
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (!this.loop) return;
    // jobs still running are aborted; released below, their outcome no longer counts
    await this.drain(options.timeoutMs);
    let released = 0;
    try {
      released = await this.store.jobs.release(this.workerId);
    } catch (error) {
      this.log.error({ err: error, worker_id: this.workerId }, 'could not release running jobs');
    }
    this.loop = null;
    this.log.info({ worker_id: this.workerId, released }, 'queue stopped');
  }

  counts(): Promise<Record<JobState, number>> {
    return this.store.jobs.counts();
  }

  pending(until: Date): Promise<number> {
    return this.store.jobs.pending(until.toISOString());
  }

  async get(id: string): Promise<JobInfo | null> {
    const j = await this.store.jobs.get(id);
    if (!j) return null;
    const { type, state, attempts, maxAttempts, runAt, lastError } = j;
    return { id, type, state, attempts, maxAttempts, runAt, lastError };
  }

  protected async run(): Promise<void> {
    try {
      // jobs a crashed earlier run under this same worker id left behind
      await this.store.jobs.release(this.workerId);
    } catch (error) {
      this.log.error({ err: error, worker_id: this.workerId }, 'could not release leftover jobs');
    }
    while (this.running) {
      try {
        while (this.running && this.active.size < this.concurrency) {
          const job = await this.store.jobs.claim(
            this.workerId,
            new Date().toISOString(),
            this.leaseMs,
            this.types,
          );
          if (!job) break;
          this.launch(job);
        }
        await this.maybePurge();
      } catch (error) {
        // a database hiccup must not end the loop: try again after the poll interval
        this.log.error({ err: error, worker_id: this.workerId }, 'job claim failed');
      }
      if (this.running) await this.wakeup.idle(this.pollIntervalMs);
    }
  }

  private async maybePurge(): Promise<void> {
    if (this.retainMs <= 0 || Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    await this.store.jobs.purge(new Date(Date.now() - this.retainMs).toISOString());
  }

  private launch(job: Job): void {
    const controller = new AbortController();
    const done = this.execute(job, controller).finally(() => {
      this.active.delete(job.id);
      this.wakeup.wake();
    });
    this.active.set(job.id, { controller, done });
  }

  private async execute(job: Job, controller: AbortController): Promise<void> {
    const log = this.log.child({ job_id: job.id, job_type: job.type });
    const started = performance.now();
    const heartbeat = setInterval(() => {
      this.store.jobs
        .renew(job.id, this.workerId, new Date().toISOString(), this.leaseMs)
        .then((held) => {
          if (!held && !controller.signal.aborted) {
            log.warn({ attempt: job.attempts }, 'job lease lost; aborting');
            controller.abort(new LedeError('job_lease_lost', 'lease taken over by another runner'));
          }
        })
        .catch((error: unknown) => log.warn({ err: error }, 'job heartbeat failed'));
    }, this.heartbeatMs);
    try {
      const spec = this.catalogue[job.type];
      const handler = this.handlers[job.type as keyof C];
      if (!spec || !handler) throw new NonRetryableError('job_unknown_type', `no handler for ${job.type}`);
      const parsed = spec.schema.safeParse(job.payload);
      if (!parsed.success) throw new NonRetryableError('job_invalid_payload', parsed.error.message);
      const ctx = {
        jobId: job.id,
        type: job.type,
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
        signal: controller.signal,
        log,
      };
      // a handler that throws synchronously is treated like one that rejects
      await Promise.resolve().then(() => handler(parsed.data, ctx));
      clearInterval(heartbeat);
      const fields = { attempt: job.attempts, duration_ms: Math.round(performance.now() - started) };
      if (controller.signal.aborted) {
        // the lease went to another runner (or stop() released it): that run's outcome counts
        log.warn(fields, 'job finished after losing its lease; result not recorded');
        return;
      }
      await this.store.jobs.complete(job.id, this.workerId);
      log.info(fields, 'job done');
    } catch (error) {
      clearInterval(heartbeat);
      if (this.stopping && controller.signal.aborted) return; // released by stop()
      await this.recordFailure(job, error, log, performance.now() - started);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async recordFailure(job: Job, error: unknown, log: Logger, ms: number): Promise<void> {
    const message = describeError(error);
    const spec = this.catalogue[job.type];
    const delay = retryDelayMs(error, job.attempts, job.maxAttempts, this.options.backoff ?? spec?.backoff);
    const final = delay === null;
    const retryAt = final ? null : new Date(Date.now() + delay).toISOString();
    const fields = { attempt: job.attempts, duration_ms: Math.round(ms), error: message, retry_at: retryAt };
    try {
      await this.store.jobs.fail(job.id, this.workerId, message, retryAt);
    } catch (storeError) {
      // the lease will expire and the job will be retried by whoever claims it next
      log.error({ ...fields, err: storeError }, 'could not record job failure');
      return;
    }
    if (final) log.error(fields, 'job failed');
    else log.warn(fields, 'job failed; will retry');
  }
}
