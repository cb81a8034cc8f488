// The job queue seen by the rest of Lede, backend-neutral: StoreQueue runs it on the Store's
// jobs table; a pg-boss runner can implement the same interface.
import type { Logger } from '../lib/log.js';
import type { JobState } from '../storage/store.js';
import type { Catalogue, LedeCatalogue, PayloadOf } from './catalogue.js';

export interface JobContext {
  jobId: string;
  type: string;
  /** 1 on the first run */
  attempt: number;
  maxAttempts: number;
  /** aborted when the runner stops before the job ends, or when the job's lease is lost */
  signal: AbortSignal;
  /** child logger carrying job_id and job_type */
  log: Logger;
}

export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;

/** Handlers by job type; a runner only takes jobs of the types it has a handler for. */
export type Handlers<C extends Catalogue> = { [K in keyof C]?: JobHandler<PayloadOf<C[K]>> };

export interface EnqueueOptions {
  /** do not run before this time (ISO string or Date); default now */
  runAt?: string | Date;
}

export interface StartOptions {
  /** jobs run at once by this runner; default 4 */
  concurrency?: number;
}

export interface JobInfo {
  id: string;
  type: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
}

export interface JobQueue<C extends Catalogue = LedeCatalogue> {
  /**
   * Validates the payload against the type's schema (throws LedeError `job_invalid_payload`)
   * and queues it. Returns the job id, or null when a job with the same key is already queued
   * or running.
   */
  enqueue<K extends keyof C & string>(
    type: K,
    payload: PayloadOf<C[K]>,
    options?: EnqueueOptions,
  ): Promise<string | null>;
  /** Starts taking jobs. Calling it twice is an error. */
  start(handlers: Handlers<C>, options?: StartOptions): void;
  /**
   * Graceful stop: takes no new jobs, waits up to `timeoutMs` (default 10 s) for running ones,
   * then aborts and puts the rest back in the queue for another runner.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  counts(): Promise<Record<JobState, number>>;
  /** Jobs running, plus queued ones due by `until` (later retries are not counted). */
  pending(until: Date): Promise<number>;
  get(id: string): Promise<JobInfo | null>;
}
