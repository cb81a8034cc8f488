import { LedeError } from '../lib/errors.js';
import type { Catalogue } from './catalogue.js';
import type { JobQueue } from './queue.js';

/**
 * Resolves once no job is queued or running (jobs waiting for a retry count as queued), e.g.
 * for `lede ingest --once`. Rejects with `queue_idle_timeout` after `timeoutMs`.
 */
export async function waitForIdle<C extends Catalogue>(
  queue: Pick<JobQueue<C>, 'counts'>,
  options: { pollMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const pollMs = options.pollMs ?? 200;
  const deadline = Date.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY);
  for (;;) {
    const c = await queue.counts();
    if (c.queued === 0 && c.running === 0) return;
    if (Date.now() >= deadline) {
      throw new LedeError(
        'queue_idle_timeout',
        `jobs still pending: ${c.queued} queued, ${c.running} running`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
