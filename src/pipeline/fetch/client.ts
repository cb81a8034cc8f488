// The Fetcher: undici keep-alive pool behind the address guard, with manual redirects (each
// hop re-checked), robots.txt, per-host and global limits, time limits and byte caps.
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { LedeError } from '../../lib/errors.js';
import type { Logger } from '../../lib/log.js';
import { parseAllowList } from './address.js';
import { readBody } from './body.js';
import { FetchError, parseRetryAfter, toFetchError } from './errors.js';
import { guardedConnector } from './guard.js';
import { discard, flatHeaders, parseUrl } from './http.js';
import { HostGates, Semaphore, sleep } from './limits.js';
import { ACCEPT, capFor, type FetcherOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { RobotsCache } from './robots.js';
import { backoffDelayMs } from './schedule.js';
import type { Fetcher, FetchKind, FetchOptions, FetchResponse } from './types.js';

export type { FetcherOptions };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RETRYABLE = new Set(['fetch_connection_reset', 'fetch_connection_refused', 'fetch_bad_response']);

interface Call {
  kind: FetchKind;
  options: FetchOptions;
  /** robots.txt loads see 4xx/5xx as data, not errors */
  rawStatus: boolean;
}

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  return new SafeFetcher(options);
}

class SafeFetcher implements Fetcher {
  private readonly agent: Agent;
  private readonly global: Semaphore;
  private readonly hosts: HostGates;
  private readonly robots: RobotsCache | null;
  private readonly userAgent: string;
  private readonly o: ResolvedOptions;
  private readonly logger?: Logger;

  constructor(options: FetcherOptions) {
    this.o = resolveOptions(options);
    this.userAgent = options.userAgent ?? `Lede/0.1 (+${this.o.contactUrl})`;
    this.logger = options.logger;
    const allow = parseAllowList(options.allow ?? []);
    this.agent = new Agent({
      connect: guardedConnector({
        allow,
        connectTimeoutMs: this.o.connectTimeoutMs,
        resolve: options.resolve,
      }),
      headersTimeout: this.o.headersTimeoutMs,
      bodyTimeout: this.o.idleTimeoutMs,
      maxHeaderSize: this.o.maxHeaderBytes,
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
    });
    this.global = new Semaphore(this.o.concurrency);
    this.hosts = new HostGates({ perHost: this.o.perHost, minIntervalMs: this.o.minHostIntervalMs });
    this.robots = this.o.robots
      ? new RobotsCache({
          agent: 'Lede',
          ttlMs: this.o.robotsTtlMs,
          maxCrawlDelayMs: this.o.maxCrawlDelayMs,
          // shared by every caller waiting on this host: bounded by its own time limit, not theirs
          load: (robotsUrl) =>
            this.run(robotsUrl, { kind: 'robots', options: { robots: false }, rawStatus: true }),
        })
      : null;
  }

  fetch(url: string, options: FetchOptions = {}): Promise<FetchResponse> {
    return this.run(url, { kind: options.kind ?? 'other', options, rawStatus: false });
  }

  async close(): Promise<void> {
    // close() waits for running requests; a hostile server must not hold shutdown.
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 2000);
    });
    await Promise.race([this.agent.close(), grace]);
    clearTimeout(timer);
    await this.agent.destroy();
  }

  private async run(url: string, call: Call): Promise<FetchResponse> {
    const started = Date.now();
    const total = call.options.timeoutMs ?? this.o.timeoutMs;
    const retries = call.options.method === 'POST' ? 0 : (call.options.retries ?? this.o.retries);
    const timer = new AbortController();
    let timeout: NodeJS.Timeout | undefined;
    // The total limit starts when the request first gets a slot, so polite queueing is not a timeout.
    const queueTimer = setTimeout(() => {
      const message = `waited more than ${this.o.queueTimeoutMs} ms for a connection slot (${url})`;
      timer.abort(new FetchError('fetch_timeout', message, { url }));
    }, this.o.queueTimeoutMs);
    const armTotal = () => {
      clearTimeout(queueTimer);
      timeout ??= setTimeout(() => {
        timer.abort(new FetchError('fetch_timeout', `took longer than ${total} ms (${url})`, { url }));
      }, total);
    };
    // Linked by hand rather than AbortSignal.any, which leaks on long-lived signals in Node 20.
    const userSignal = call.options.signal;
    const onUserAbort = () =>
      timer.abort(new FetchError('fetch_aborted', `aborted (${url})`, { url, cause: userSignal?.reason }));
    if (userSignal?.aborted) onUserAbort();
    else userSignal?.addEventListener('abort', onUserAbort, { once: true });
    const signal = timer.signal;
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const response = await this.follow(url, call, signal, armTotal, started + total);
          this.logger?.debug(
            { stage: 'fetch', url, status: response.status, duration_ms: Date.now() - started },
            'fetched',
          );
          return response;
        } catch (error) {
          const failure = this.explain(error, url, signal);
          const wait = this.retryDelay(failure, attempt, retries);
          if (wait === null || Date.now() + wait > started + total) throw failure;
          await sleep(wait, signal);
        }
      }
    } catch (error) {
      const failure = this.explain(error, url, signal);
      this.logger?.info(
        { stage: 'fetch', url, err_code: failure.code, duration_ms: Date.now() - started },
        failure.message,
      );
      throw failure;
    } finally {
      clearTimeout(queueTimer);
      clearTimeout(timeout);
      userSignal?.removeEventListener('abort', onUserAbort);
    }
  }

  private explain(error: unknown, url: string, signal: AbortSignal): LedeError {
    // After an abort, undici and streams throw their own AbortErrors; the reason is the truth.
    if (signal.aborted && signal.reason instanceof LedeError) return signal.reason;
    return toFetchError(error, url);
  }

  private retryDelay(failure: LedeError, attempt: number, retries: number): number | null {
    if (attempt >= retries) return null;
    if (failure instanceof FetchError && failure.code === 'fetch_http_status') {
      const status = failure.status ?? 0;
      if (status !== 429 && status < 500) return null;
      if (failure.retryAfterSec !== null) return failure.retryAfterSec * 1000;
    } else if (!RETRYABLE.has(failure.code)) {
      return null;
    }
    return backoffDelayMs(attempt, { baseMs: 500, maxMs: 10_000 });
  }

  private async follow(
    startUrl: string,
    call: Call,
    signal: AbortSignal,
    armTotal: () => void,
    deadline: number,
  ): Promise<FetchResponse> {
    const started = Date.now();
    const seen = new Set<string>();
    let current = parseUrl(startUrl);
    let method = call.options.method ?? 'GET';
    let body = call.options.body;
    const checkRobots = call.kind !== 'robots' && this.robots && (call.options.robots ?? true);
    for (let hop = 0; ; hop++) {
      const href = current.href;
      if (seen.has(href))
        throw new FetchError('fetch_redirect_loop', `redirect loop at ${href}`, { url: href });
      seen.add(href);
      let crawlDelayMs = 0;
      if (checkRobots && this.robots) {
        const verdict = await this.robots.check(current, signal);
        if (!verdict.allowed) {
          throw new FetchError('fetch_robots_disallowed', `${verdict.reason}: ${href}`, { url: href });
        }
        crawlDelayMs = verdict.crawlDelayMs;
      }
      const host = current.hostname.toLowerCase();
      const releaseHost = await this.hosts.acquire(host, {
        intervalMs: crawlDelayMs,
        signal,
        deadline,
        url: href,
      });
      try {
        const releaseGlobal = await this.global.acquire(signal);
        try {
          armTotal();
          const res = await request(current, {
            dispatcher: this.agent,
            method,
            body: body ?? null,
            headers: this.headers(call, method),
            signal,
          });
          const headers = flatHeaders(res.headers);
          const status = res.statusCode;
          if (REDIRECTS.has(status) && headers.location) {
            await discard(res.body);
            if (hop >= this.o.maxRedirects) {
              throw new FetchError(
                'fetch_too_many_redirects',
                `more than ${this.o.maxRedirects} redirects from ${startUrl}`,
                {
                  url: href,
                },
              );
            }
            current = parseUrl(headers.location, current);
            if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
              method = 'GET';
              body = undefined;
            }
            continue;
          }
          return await this.finish(res.body, { url: href, status, headers, call, signal, host, started });
        } finally {
          releaseGlobal();
        }
      } finally {
        releaseHost();
      }
    }
  }

  private async finish(
    stream: Readable,
    r: {
      url: string;
      status: number;
      headers: Record<string, string>;
      call: Call;
      signal: AbortSignal;
      host: string;
      started: number;
    },
  ): Promise<FetchResponse> {
    const { url, status, headers, call } = r;
    const base = {
      url,
      status,
      headers,
      contentType: headers['content-type'] ?? null,
      etag: headers.etag ?? null,
      lastModified: headers['last-modified'] ?? null,
    };
    if (status === 304) {
      await discard(stream);
      return { ...base, notModified: true, body: Buffer.alloc(0), durationMs: Date.now() - r.started };
    }
    if (status === 429 || status === 503) {
      const retryAfterSec = parseRetryAfter(headers['retry-after']);
      if (retryAfterSec !== null) {
        this.hosts.block(r.host, Date.now() + Math.min(retryAfterSec, this.o.maxRetryAfterSec) * 1000);
      }
      if (!call.rawStatus) {
        await discard(stream);
        throw new FetchError('fetch_http_status', `HTTP ${status} from ${url}`, {
          url,
          status,
          retryAfterSec,
        });
      }
    }
    if (status >= 300 && !call.rawStatus) {
      await discard(stream);
      throw new FetchError('fetch_http_status', `HTTP ${status} from ${url}`, { url, status });
    }
    const maxBytes = call.options.maxBytes ?? capFor(this.o, call.kind);
    const declared = Number(headers['content-length']);
    if (!headers['content-encoding'] && Number.isFinite(declared) && declared > maxBytes) {
      stream.destroy();
      throw new FetchError('fetch_too_large', `declared ${declared} bytes, limit ${maxBytes} (${url})`, {
        url,
      });
    }
    const body = await readBody(stream, {
      url,
      contentEncoding: headers['content-encoding'] ?? null,
      maxBytes,
    });
    return { ...base, notModified: false, body, durationMs: Date.now() - r.started };
  }

  private headers(call: Call, method: string): Record<string, string> {
    const h: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: ACCEPT[call.kind],
      'accept-encoding': 'gzip, deflate, br',
      ...call.options.headers,
    };
    if (method === 'GET' && call.options.etag) h['if-none-match'] = call.options.etag;
    if (method === 'GET' && call.options.lastModified) h['if-modified-since'] = call.options.lastModified;
    return h;
  }
}
