import { LedeError } from '../lib/errors.js';
import type { Catalogue } from './catalogue.js';
import type { JobQueue } from './queue.js';

/**
 * Resolves once no job is running or due within `horizonMs` (default 60 s; retries scheduled
 * later, e.g. left by an earlier run, do not hold it up), e.g. for `lede ingest --once`.
 * Rejects with `queue_idle_timeout` after `timeoutMs`.
 */
export async function waitForIdle<C extends Catalogue>(
  queue: Pick<JobQueue<C>, 'pending'>,
  options: { pollMs?: number; timeoutMs?: number; horizonMs?: number } = {},
): Promise<void> {
  const pollMs = options.pollMs ?? 200;
  const horizonMs = options.horizonMs ?? 60_000;
  const deadline = Date.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY);
  for (;;) {
    const pending = await queue.pending(new Date(Date.now() + horizonMs));
    if (pending === 0) return;
    if (Date.now() >= deadline) throw new LedeError('queue_idle_timeout', `${pending} jobs still pending`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
