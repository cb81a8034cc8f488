// The rules both JobQueue runners (StoreQueue, PgBossQueue) apply the same way: payload
// validation on enqueue, the handlers a runner may start with, the wait for running jobs on
// stop, and when a failed job is retried.
import { LedeError } from '../lib/errors.js';
import { type Backoff, backoffDelayMs, type Catalogue, type JobSpec } from './catalogue.js';
import type { Handlers } from './queue.js';

/** The type's spec and its payload as the schema parsed it; LedeError on an unknown type or bad payload. */
export function validPayload<C extends Catalogue>(
  catalogue: C,
  type: string,
  payload: unknown,
): { spec: JobSpec; data: unknown } {
  const spec = catalogue[type];
  if (!spec) throw new LedeError('job_unknown_type', `unknown job type ${type}`);
  const parsed = spec.schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LedeError(
      'job_invalid_payload',
      `${type}: ${issue?.path.join('.') || 'payload'}: ${issue?.message}`,
    );
  }
  return { spec, data: parsed.data };
}

/** The job types `handlers` has a handler for; LedeError when one is not in the catalogue. */
export function handledTypes<C extends Catalogue>(catalogue: C, handlers: Handlers<C>): string[] {
  const types = Object.keys(handlers).filter((t) => handlers[t] !== undefined);
  for (const t of types) {
    if (!catalogue[t]) throw new LedeError('job_unknown_type', `handler for unknown job type ${t}`);
  }
  return types;
}

/** Whether all of `runs` settle within `timeoutMs`. */
export async function settleWithin(runs: Promise<void>[], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    Promise.allSettled(runs).then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  return !timedOut;
}

/**
 * How long until a job that failed with `error` on `attempt` runs again, or null when it does
 * not (out of attempts, or the error says `retryable: false`).
 */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  maxAttempts: number,
  backoff: Backoff = { baseMs: 1000, capMs: 60_000 },
): number | null {
  const retryable = (error as { retryable?: unknown } | null)?.retryable !== false;
  if (!retryable || attempt >= maxAttempts) return null;
  return backoffDelayMs(backoff, attempt);
}
