// Decides *when* sources are refreshed: every tick, due sources become refresh-source jobs.
// The job key (the source id) keeps a source from being queued twice.
import type { Logger } from '../lib/log.js';
import type { Store } from '../storage/store.js';

export interface PollerOptions {
  store: Store;
  enqueueRefresh(sourceId: string): Promise<string | null>;
  logger: Logger;
  intervalMs?: number;
  batch?: number;
  now?: () => string;
}

export interface Poller {
  /** one pass: enqueues every due source; returns how many were queued */
  tick(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createPoller(options: PollerOptions): Poller {
  const { store, logger } = options;
  const intervalMs = options.intervalMs ?? 30_000;
  const batch = options.batch ?? 200;
  const now = options.now ?? (() => new Date().toISOString());
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function tick(): Promise<number> {
    const due = await store.sources.due(now(), batch);
    let queued = 0;
    for (const source of due) if (await options.enqueueRefresh(source.id)) queued++;
    if (queued > 0) logger.info({ queued, stage: 'poll' }, 'sources queued for refresh');
    return queued;
  }

  function guardedTick(): void {
    if (running) return;
    running = tick()
      .catch((error: unknown) => {
        logger.error({ err: error, stage: 'poll' }, 'poll tick failed');
        return 0;
      })
      .finally(() => {
        running = null;
      });
  }

  return {
    tick,
    start() {
      if (timer) return;
      guardedTick();
      timer = setInterval(guardedTick, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
