// Politeness against a local server: conditional GET, Retry-After, robots.txt, per-host and
// global limits, the User-Agent.
import { afterEach, describe, expect, it } from 'vitest';
import { LedeError } from '../../lib/errors.js';
import { createFetcher, type FetcherOptions } from './client.js';
import { FetchError } from './errors.js';
import { type Handler, startServer } from './testing/hostile-server.js';
import type { Fetcher } from './types.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

async function setup(routes: Record<string, Handler>, options: FetcherOptions = {}) {
  const server = await startServer(routes);
  const fetcher = createFetcher({
    allow: ['127.0.0.1'],
    robots: false,
    minHostIntervalMs: 0,
    timeoutMs: 3000,
    contactUrl: 'https://news.example/contact',
    ...options,
  });
  cleanup.push(
    () => fetcher.close(),
    () => server.close(),
  );
  return { server, fetcher };
}

async function failure(fetcher: Fetcher, url: string): Promise<LedeError> {
  try {
    await fetcher.fetch(url);
  } catch (error) {
    expect(error).toBeInstanceOf(LedeError);
    return error as LedeError;
  }
  throw new Error('expected a failure');
}

const slow: Handler = (_req, res) => {
  setTimeout(() => res.writeHead(200).end('slow'), 150);
};

describe('conditional GET', () => {
  it('sends the validators and reports 304 as notModified', async () => {
    const { server, fetcher } = await setup({
      '/feed.xml': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, { etag: '"v1"', 'last-modified': 'Sat, 28 Nov 2026 10:00:00 GMT' }).end('<rss/>');
      },
    });
    const first = await fetcher.fetch(server.url('/feed.xml'), { kind: 'feed' });
    expect(first.notModified).toBe(false);
    expect(first.etag).toBe('"v1"');
    const second = await fetcher.fetch(server.url('/feed.xml'), {
      kind: 'feed',
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second.status).toBe(304);
    expect(second.notModified).toBe(true);
    expect(second.body.length).toBe(0);
    expect(server.log[1].headers['if-modified-since']).toBe('Sat, 28 Nov 2026 10:00:00 GMT');
  });

  it('introduces itself honestly', async () => {
    const { server, fetcher } = await setup({ '/': (_req, res) => res.end('x') });
    await fetcher.fetch(server.url('/'), { kind: 'feed' });
    expect(server.log[0].headers['user-agent']).toBe('Lede/0.1 (+https://news.example/contact)');
    expect(server.log[0].headers['accept-encoding']).toContain('gzip');
    expect(server.log[0].headers.accept).toContain('application/rss+xml');
  });
});

describe('Retry-After', () => {
  it('reports it on 503 and keeps away from the host until then', async () => {
    let calls = 0;
    const { server, fetcher } = await setup({
      '/busy': (_req, res) => {
        calls++;
        if (calls === 1) return void res.writeHead(503, { 'retry-after': '1' }).end();
        res.end('ok');
      },
    });
    const err = await failure(fetcher, server.url('/busy'));
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).status).toBe(503);
    expect((err as FetchError).retryAfterSec).toBe(1);
    const res = await fetcher.fetch(server.url('/busy'));
    expect(res.body.toString()).toBe('ok');
    expect(server.log[1].at - server.log[0].at).toBeGreaterThanOrEqual(900);
  });

  it('retries after the advertised delay when asked to', async () => {
    let calls = 0;
    const { server, fetcher } = await setup({
      '/rate': (_req, res) => {
        calls++;
        if (calls === 1) return void res.writeHead(429, { 'retry-after': '1' }).end();
        res.end('ok');
      },
    });
    const res = await fetcher.fetch(server.url('/rate'), { retries: 1 });
    expect(res.body.toString()).toBe('ok');
    expect(server.log[1].at - server.log[0].at).toBeGreaterThanOrEqual(900);
  });

  it('fails fast with fetch_host_backoff when the wait exceeds the time limit', async () => {
    const { server, fetcher } = await setup({
      '/gone-for-an-hour': (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end(),
    });
    await failure(fetcher, server.url('/gone-for-an-hour'));
    const start = Date.now();
    const err = await failure(fetcher, server.url('/gone-for-an-hour'));
    expect(err.code).toBe('fetch_host_backoff');
    expect((err as FetchError).retryAfterSec).toBeGreaterThan(3500);
    expect(Date.now() - start).toBeLessThan(200);
    expect(server.hits('/gone-for-an-hour')).toBe(1);
  });
});

describe('retries', () => {
  it('retries a reset connection with backoff when asked to', async () => {
    let calls = 0;
    const { server, fetcher } = await setup({
      '/flaky': (req, res) => {
        calls++;
        if (calls === 1) return void req.socket.resetAndDestroy();
        res.end('second time lucky');
      },
    });
    const res = await fetcher.fetch(server.url('/flaky'), { retries: 2 });
    expect(res.body.toString()).toBe('second time lucky');
    expect(server.hits('/flaky')).toBe(2);
  });

  it('does not retry by default', async () => {
    const { server, fetcher } = await setup({ '/reset': (req) => req.socket.resetAndDestroy() });
    expect((await failure(fetcher, server.url('/reset'))).code).toBe('fetch_connection_reset');
    expect(server.hits('/reset')).toBe(1);
  });
});

describe('robots.txt', () => {
  const robots: Handler = (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/plain' })
      .end(
        'User-agent: *\nDisallow: /private\nCrawl-delay: 0.3\n\nUser-agent: Lede\nDisallow: /no-lede\nCrawl-delay: 0.3\n',
      );

  it('refuses disallowed paths without requesting them, and caches the file', async () => {
    const { server, fetcher } = await setup(
      { '/robots.txt': robots, '/no-lede': slow, '/private': slow, '/public': slow },
      { robots: true },
    );
    const err = await failure(fetcher, server.url('/no-lede'));
    expect(err.code).toBe('fetch_robots_disallowed');
    expect(server.hits('/no-lede')).toBe(0);
    await fetcher.fetch(server.url('/public'));
    await fetcher.fetch(server.url('/public'));
    expect(server.hits('/robots.txt')).toBe(1);
    // Crawl-delay 0.3 s between request starts (robots.txt itself counts as a request)
    const starts = server.log.map((r) => r.at);
    // (server-side arrival times: allow for scheduling jitter on a loaded machine)
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(220);
  });

  it('treats a missing robots.txt as allow-all and a 5xx as disallow', async () => {
    let status = 404;
    const { server, fetcher } = await setup(
      { '/robots.txt': (_req, res) => res.writeHead(status).end(), '/page': (_req, res) => res.end('p') },
      { robots: true, robotsTtlMs: 1 },
    );
    expect((await fetcher.fetch(server.url('/page'))).body.toString()).toBe('p');
    status = 503;
    expect((await failure(fetcher, server.url('/page'))).code).toBe('fetch_robots_disallowed');
  });

  it('can be skipped per request', async () => {
    const { server, fetcher } = await setup({ '/robots.txt': robots, '/private': slow }, { robots: true });
    const res = await fetcher.fetch(server.url('/private'), { robots: false });
    expect(res.status).toBe(200);
  });
});

describe('limits', () => {
  it('keeps at most perHost requests in flight on one host', async () => {
    const { server, fetcher } = await setup({ '/slow': slow }, { perHost: 2 });
    await Promise.all(Array.from({ length: 6 }, () => fetcher.fetch(server.url('/slow'))));
    expect(server.maxInFlight).toBe(2);
  });

  it('spaces request starts on one host by minHostIntervalMs', async () => {
    const { server, fetcher } = await setup(
      { '/x': (_req, res) => res.end('x') },
      { minHostIntervalMs: 200 },
    );
    await Promise.all(Array.from({ length: 3 }, () => fetcher.fetch(server.url('/x'))));
    const [a, b, c] = server.log.map((r) => r.at);
    expect(b - a).toBeGreaterThanOrEqual(150);
    expect(c - b).toBeGreaterThanOrEqual(150);
    expect(c - a).toBeGreaterThanOrEqual(380);
  });

  it('applies the global limit across hosts', async () => {
    const { server, fetcher } = await setup(
      { '/slow': slow },
      { concurrency: 1, perHost: 4, allow: ['127.0.0.0/8'] },
    );
    // 127.0.0.1 and localhost are different hosts for the per-host limit; both reach the server
    const other = `http://localhost:${server.port}/slow`;
    const start = Date.now();
    await Promise.all([
      fetcher.fetch(server.url('/slow')),
      fetcher.fetch(other),
      fetcher.fetch(server.url('/slow')),
    ]);
    expect(server.maxInFlight).toBe(1);
    expect(Date.now() - start).toBeGreaterThanOrEqual(440);
  });

  it('gives up waiting for a busy host after queueTimeoutMs', async () => {
    const { server, fetcher } = await setup(
      { '/hold': (_req, res) => setTimeout(() => res.end('held'), 800) },
      { perHost: 1, queueTimeoutMs: 200 },
    );
    const first = fetcher.fetch(server.url('/hold'));
    const start = Date.now();
    const err = await failure(fetcher, server.url('/hold'));
    expect(err.code).toBe('fetch_timeout');
    expect(err.message).toMatch(/slot/);
    expect(Date.now() - start).toBeLessThan(600);
    expect((await first).body.toString()).toBe('held');
  });

  it('gives up waiting out a long politeness interval after queueTimeoutMs', async () => {
    const { server, fetcher } = await setup(
      { '/x': (_req, res) => res.end('x') },
      { minHostIntervalMs: 5000, queueTimeoutMs: 150 },
    );
    await fetcher.fetch(server.url('/x'));
    const start = Date.now();
    const err = await failure(fetcher, server.url('/x'));
    expect(err.code).toBe('fetch_timeout');
    expect(Date.now() - start).toBeLessThan(500);
    expect(server.hits('/x')).toBe(1);
  });
});
