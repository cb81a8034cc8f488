import { LedeError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import type { Catalogue } from './catalogue.js';
import type { Handlers, StartOptions } from './queue.js';
import { Wakeup } from './wakeup.js';

/** The job types `handlers` has a handler for; LedeError when one is not in the catalogue. */
function handledTypes<C extends Catalogue>(catalogue: C, handlers: Handlers<C>): string[] {
  const types = Object.keys(handlers).filter((t) => handlers[t] !== undefined);
  for (const t of types) {
    if (!catalogue[t]) throw new LedeError('job_unknown_type', `handler for unknown job type ${t}`);
  }
  return types;
}

/** Whether all of `runs` settle within `timeoutMs`. */
async function settleWithin(runs: Promise<void>[], timeoutMs: number): Promise<boolean> {
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

/** A job this runner is running: stop() waits for `done`, then aborts it. */
export interface RunningJob {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * The life of a JobQueue runner that polls for jobs, the same for every backend: start() checks
 * the handlers and starts the subclass's `run()` loop; `drain()` begins stop().
 */
export abstract class PollingQueue<C extends Catalogue, R extends RunningJob> {
  abstract readonly workerId: string;
  protected handlers: Handlers<C> = {};
  protected types: string[] = [];
  protected concurrency = 4;
  protected running = false;
  /** stop() gave up waiting: the aborted jobs' outcome no longer counts, they go back */
  protected stopping = false;
  protected loop: Promise<void> | null = null;
  protected readonly active = new Map<string, R>();
  protected readonly wakeup = new Wakeup();

  protected constructor(
    protected readonly log: Logger,
    protected readonly catalogue: C,
    protected readonly pollIntervalMs: number,
  ) {}

  /** Takes and launches jobs until `running` is false; `wakeup.idle()` between polls. */
  protected abstract run(): Promise<void>;

  start(handlers: Handlers<C>, options: StartOptions = {}): void {
    if (this.running || this.loop)
      throw new LedeError('queue_running', 'this queue runner is already started');
    this.types = handledTypes(this.catalogue, handlers);
    this.handlers = handlers;
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
    this.running = true;
    this.stopping = false;
    this.log.info(
      { worker_id: this.workerId, job_types: this.types, concurrency: this.concurrency },
      'queue started',
    );
    this.loop = this.run();
  }

  /**
   * The first half of stop(), once started: ends the loop and waits up to `timeoutMs` for the
   * running jobs. Returns those still running then, aborted, for the subclass to put back.
   */
  protected async drain(timeoutMs = 10_000): Promise<R[]> {
    this.running = false;
    this.wakeup.wake();
    await this.loop;
    const pending = [...this.active.values()];
    if (
      pending.length === 0 ||
      (await settleWithin(
        pending.map((r) => r.done),
        timeoutMs,
      ))
    )
      return [];
    this.stopping = true;
    const left = [...this.active.values()];
    for (const r of left) r.controller.abort(new LedeError('job_interrupted', 'runner stopped'));
    return left;
  }
}
