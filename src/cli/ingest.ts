// `lede ingest --once`: refresh due sources, process their new articles, exit.
import { jobHandlers, openRuntime } from '../main.js';
import { createPoller } from '../pipeline/poller.js';
import { seedDefaultSources } from '../pipeline/seed-sources.js';
import { waitForIdle } from '../queue/idle.js';
import { parseCommandArgs } from './args.js';
import { type CliContext, type Command, UsageError } from './command.js';

const usage = `Usage: lede ingest --once [--timeout SECONDS]
  Refreshes every due source, processes the new articles, and exits when the queue is empty.`;

async function run(ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(
    ctx.argv,
    { once: { type: 'boolean' }, timeout: { type: 'string' } },
    usage,
  );
  if (!values.once) throw new UsageError('lede ingest runs one pass: add --once (lede serve keeps polling)');
  const timeoutSec = values.timeout === undefined ? 1800 : Number(values.timeout);
  if (!(timeoutSec > 0))
    throw new UsageError(`--timeout must be a positive number of seconds, not "${values.timeout}"`);
  // one pass: retries come quickly, so the command ends in minutes, not hours
  const runtime = await openRuntime(ctx.config, { queue: { backoff: { baseMs: 1000, capMs: 5000 } } });
  const { store, queue, logger } = runtime;
  try {
    await seedDefaultSources(store);
    const poller = createPoller({
      store,
      logger,
      enqueueRefresh: (sourceId) => queue.enqueue('refresh-source', { sourceId }),
    });
    const queued = await poller.tick();
    const before = await store.articles.count();
    queue.start(jobHandlers(runtime), { concurrency: ctx.config.workers });
    await waitForIdle(queue, { timeoutMs: timeoutSec * 1000 });
    const after = await store.articles.count();
    const counts = await queue.counts();
    ctx.stdout.write(
      `refreshed ${queued} sources; ${after - before} new articles (${after} stored); ${counts.failed} jobs failed\n`,
    );
    return 0;
  } finally {
    await runtime.close();
  }
}

export const command: Command = {
  name: 'ingest',
  summary: 'one pass: refresh due sources and process new articles',
  usage,
  run,
};
