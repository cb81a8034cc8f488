// Politeness in time: a global concurrency limit and, per host, a concurrency limit, a minimum
// interval between request starts (raised by Crawl-delay) and a "not before" set by Retry-After.
import { FetchError } from './errors.js';

export type Release = () => void;

function once(fn: () => void): Release {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}

/** Resolves after `ms`, or rejects when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(done, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits for `wake` to be called (by a release) or the signal to abort. */
function waitTurn(waiters: Array<() => void>, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const wake = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = () => {
      const i = waiters.indexOf(wake);
      if (i >= 0) waiters.splice(i, 1);
      reject(abortError(signal!));
    };
    waiters.push(wake);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A counting semaphore (FIFO). */
export class Semaphore {
  private active = 0;
  private readonly waiters: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async acquire(signal?: AbortSignal): Promise<Release> {
    while (this.active >= this.limit) await waitTurn(this.waiters, signal);
    this.active++;
    return once(() => {
      this.active--;
      this.waiters.shift()?.();
    });
  }
}

interface HostState {
  active: number;
  /** start of the latest request; the interval is measured from it when the next one asks */
  lastStartAt: number;
  notBefore: number;
  waiters: Array<() => void>;
}

export interface HostGateOptions {
  perHost: number;
  minIntervalMs: number;
}

/** Per-host limits. Keys are lower-case host names. */
export class HostGates {
  private readonly hosts = new Map<string, HostState>();
  constructor(private readonly options: HostGateOptions) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      if (this.hosts.size > 10_000) this.prune();
      s = { active: 0, lastStartAt: 0, notBefore: 0, waiters: [] };
      this.hosts.set(host, s);
    }
    return s;
  }

  private prune(): void {
    const now = Date.now();
    for (const [host, s] of this.hosts) {
      if (s.active === 0 && s.waiters.length === 0 && Math.max(s.lastStartAt + 60_000, s.notBefore) < now) {
        this.hosts.delete(host);
      }
    }
  }

  /** The host asked us to stay away until `untilMs` (Retry-After). */
  block(host: string, untilMs: number): void {
    const s = this.state(host);
    s.notBefore = Math.max(s.notBefore, untilMs);
  }

  /**
   * Waits for a slot on `host`. `intervalMs` raises the configured minimum interval (Crawl-delay).
   * Fails with fetch_host_backoff when the host asked us to stay away past `deadline` (epoch ms).
   */
  async acquire(
    host: string,
    opts: { intervalMs?: number; signal?: AbortSignal; deadline: number; url: string },
  ): Promise<Release> {
    const s = this.state(host);
    const interval = Math.max(this.options.minIntervalMs, opts.intervalMs ?? 0);
    let woken = false;
    try {
      for (;;) {
        const now = Date.now();
        const readyAt = Math.max(s.lastStartAt + interval, s.notBefore);
        if (s.active < this.options.perHost && now >= readyAt) break;
        // A server's Retry-After longer than this request may take fails fast, for the scheduler
        // to come back later; politeness intervals are simply waited for (the queue timer bounds it).
        if (s.notBefore > now && s.notBefore > opts.deadline) {
          const retryAfterSec = Math.ceil((s.notBefore - now) / 1000);
          throw new FetchError('fetch_host_backoff', `host ${host} asked to wait ${retryAfterSec}s`, {
            url: opts.url,
            retryAfterSec,
          });
        }
        if (s.active >= this.options.perHost) {
          await waitTurn(s.waiters, opts.signal);
          woken = true;
        } else {
          await sleep(readyAt - now, opts.signal);
        }
      }
    } catch (error) {
      // A woken waiter that gives up passes its turn on, or the freed slot would sit unused.
      if (woken) s.waiters.shift()?.();
      throw error;
    }
    s.active++;
    s.lastStartAt = Date.now();
    return once(() => {
      s.active--;
      // One waiter per freed slot: waking all of them is quadratic with a long queue.
      s.waiters.shift()?.();
    });
  }
}
