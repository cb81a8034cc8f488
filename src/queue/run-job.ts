// The rules both JobQueue runners (StoreQueue, PgBossQueue) apply the same way to a job:
// payload validation on enqueue, and whether and when a failed job is retried.
import { LedeError } from '../lib/errors.js';
import { type Backoff, backoffDelayMs, type Catalogue, type JobSpec } from './catalogue.js';

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
