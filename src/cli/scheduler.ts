// `lede scheduler`: the poller alone. Exactly one is active: on PostgreSQL it holds an
// advisory lock; a second one waits for the lock and takes over when the first dies (its
// connection drops, PostgreSQL frees the lock). On SQLite (one machine) it simply runs.
import { createLogger } from '../lib/log.js';
import { openQueue } from '../main.js';
import { createPoller } from '../pipeline/poller.js';
import { seedDefaultSources } from '../pipeline/seed-sources.js';
import { openStore } from '../storage/open.js';
import { parseCommandArgs } from './args.js';
import type { CliContext, Command } from './command.js';
import { untilSignal } from './worker.js';

const usage = `Usage: lede scheduler [--lock-poll SECONDS]
  Queues a refresh-source job for every due source, every 30 s. Run one or more for
  failover: only the holder of the scheduler lock polls, the others wait.
  --lock-poll S   how often a waiting scheduler tries the lock (default 5)`;

async function run(ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(ctx.argv, { 'lock-poll': { type: 'string' } }, usage);
  const pollMs = Math.max(100, Number(values['lock-poll'] ?? 5) * 1000);
  const logger = createLogger(ctx.config.logLevel);
  const store = await openStore(ctx.config);
  const queue = await openQueue(ctx.config, store, logger);
  const stop = new AbortController();
  const stopped = untilSignal().then((signal) => {
    logger.info({ signal }, 'scheduler shutting down');
    stop.abort(new Error(signal));
  });
  let lock: Awaited<ReturnType<typeof import('../storage/postgres/locks.js')['openSessionLock']>> | null =
    null;
  let status = 0;
  try {
    if (store.kind === 'postgres' && ctx.config.databaseUrl) {
      const { openSessionLock } = await import('../storage/postgres/locks.js');
      lock = await openSessionLock(ctx.config.databaseUrl, 'scheduler');
      logger.info('waiting for the scheduler lock');
      await lock.acquire({ pollMs, signal: stop.signal });
    }
    await seedDefaultSources(store);
    const poller = createPoller({
      store,
      logger,
      enqueueRefresh: (sourceId) => queue.enqueue('refresh-source', { sourceId }),
    });
    poller.start();
    logger.info({ store: store.kind }, 'scheduler active');
    const lost = lock ? lock.lost.then((e) => e) : new Promise<Error>(() => {});
    const outcome = await Promise.race([stopped.then(() => null), lost]);
    await poller.stop();
    if (outcome) {
      // the lock went with the connection: another scheduler may be active now
      logger.error({ err: outcome }, 'scheduler lock lost; exiting');
      status = 1;
    }
  } catch (error) {
    if (!stop.signal.aborted) throw error;
  } finally {
    await lock?.close().catch(() => {});
    await (queue as { close?: () => Promise<void> }).close?.();
    await store.close();
  }
  return status;
}

export const command: Command = {
  name: 'scheduler',
  summary: 'poll sources and queue refreshes (one active at a time)',
  usage,
  run,
};
