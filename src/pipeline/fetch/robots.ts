// robots.txt per origin, cached, fetched through the same safe client (RFC 9309 semantics:
// 4xx = no rules, 5xx = disallow for a while, unreachable = try the request and ask again soon).
import robotsParserModule from 'robots-parser';
import { LedeError } from '../../lib/errors.js';
import type { FetchResponse } from './types.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// The package is CommonJS whose typings claim an ES default export; at runtime the default
// import is the function itself.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robot;

export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay in ms (already capped), 0 when none */
  crawlDelayMs: number;
  /** why a disallow happened, for the error message */
  reason?: string;
}

interface Entry {
  robot: Robot | null;
  /** true when the file could not be read because of a 5xx: everything is disallowed */
  serverError: boolean;
  expiresAt: number;
}

export interface RobotsOptions {
  /** product token matched against User-agent lines */
  agent: string;
  /** fetches robots.txt; throws LedeError on failure, returns 4xx/5xx responses as they are */
  load: (robotsUrl: string) => Promise<FetchResponse>;
  ttlMs?: number;
  maxCrawlDelayMs?: number;
  maxEntries?: number;
}

const HOUR = 3_600_000;

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();
  constructor(private readonly options: RobotsOptions) {}

  async check(url: URL, signal?: AbortSignal): Promise<RobotsVerdict> {
    const entry = await this.entry(url.origin, signal);
    if (entry.serverError) {
      return { allowed: false, crawlDelayMs: 0, reason: 'robots.txt answered with a server error' };
    }
    if (!entry.robot) return { allowed: true, crawlDelayMs: 0 };
    const agent = this.options.agent;
    const allowed = entry.robot.isAllowed(url.href, agent) !== false;
    const delaySec = Number(entry.robot.getCrawlDelay(agent) ?? 0);
    const cap = this.options.maxCrawlDelayMs ?? 30_000;
    const crawlDelayMs = Number.isFinite(delaySec) && delaySec > 0 ? Math.min(delaySec * 1000, cap) : 0;
    return { allowed, crawlDelayMs, reason: allowed ? undefined : 'disallowed by robots.txt' };
  }

  private async entry(origin: string, signal?: AbortSignal): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > Date.now()) return cached;
    let pending = this.inFlight.get(origin);
    if (!pending) {
      pending = this.load(origin).finally(() => this.inFlight.delete(origin));
      this.inFlight.set(origin, pending);
    }
    const entry = await abortable(pending, signal);
    this.entries.delete(origin);
    if (this.entries.size >= (this.options.maxEntries ?? 10_000)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(origin, entry);
    return entry;
  }

  private async load(origin: string): Promise<Entry> {
    const ttl = this.options.ttlMs ?? 24 * HOUR;
    const robotsUrl = `${origin}/robots.txt`;
    let response: FetchResponse;
    try {
      response = await this.options.load(robotsUrl);
    } catch (error) {
      // A refused address is final; anything else: let the real request find out, ask again soon.
      if (error instanceof LedeError && error.code.startsWith('fetch_refused')) throw error;
      return { robot: null, serverError: false, expiresAt: Date.now() + Math.min(ttl, 5 * 60_000) };
    }
    if (response.status >= 500) {
      return { robot: null, serverError: true, expiresAt: Date.now() + Math.min(ttl, 10 * 60_000) };
    }
    if (response.status >= 400) return { robot: null, serverError: false, expiresAt: Date.now() + ttl };
    const text = response.body.toString('utf8');
    return { robot: robotsParser(robotsUrl, text), serverError: false, expiresAt: Date.now() + ttl };
  }
}

/** Lets one waiter give up on a shared promise without cancelling it for the others. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
