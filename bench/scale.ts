// bench:scale — (1) ingest from a loopback fixture server with 1, 2 and 4 `lede worker`
// processes against one database (PostgreSQL when TEST_DATABASE_URL/DATABASE_URL is set),
// articles per second and scaling; (2) search p50/p99 at 100,000 articles (and 1,000,000 with
// --million) on SQLite and PostgreSQL side by side.
// Usage: npm run bench:scale [-- --articles 10000] [--workers 1,2,4] [--search 100000] [--million]
//   [--skip-ingest] [--skip-search] [--only sqlite|postgres] [--keep]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { silentLogger } from '../src/lib/log.js';
import { openQueue } from '../src/main.js';
import { openStore } from '../src/storage/open.js';
import { searchBench } from './scale-search.js';
import { generator } from './synthetic.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    workers: { type: 'string', default: '1,2,4' },
    concurrency: { type: 'string', default: '8' },
    search: { type: 'string', default: '100000' },
    million: { type: 'boolean', default: false },
    'skip-ingest': { type: 'boolean', default: false },
    'skip-search': { type: 'boolean', default: false },
    /** search on these stores only: sqlite, postgres or both (default) */
    only: { type: 'string' },
    /** keep the search stores in .bench-out / lede_bench_N and reuse them on the next run */
    keep: { type: 'boolean', default: false },
  },
});
const ARTICLES = Number(values.articles);
const FEEDS = Math.max(1, Math.ceil(ARTICLES / 100));
const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? null;

/** FEEDS feeds of 100 items each, and a page per item, generated on the fly. */
async function fixtureServer(): Promise<{ port: number; close(): Promise<void> }> {
  const next = generator({ seed: 11, days: 3, end: new Date() });
  const articles = Array.from({ length: ARTICLES }, (_, i) => next(i, ARTICLES));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let port = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const feed = /^\/feed\/(\d+)\.xml$/.exec(path);
    const page = /^\/a\/(\d+)$/.exec(path);
    if (feed) {
      const f = Number(feed[1]);
      const items = articles
        .slice(f * 100, f * 100 + 100)
        .map(
          (a, k) =>
            `<item><title>${esc(a.title)}</title><link>${host(f * 100 + k, port)}/a/${f * 100 + k}</link><pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate></item>`,
        );
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${f}</title><link>${host(f, port)}/</link>${items.join('')}</channel></rss>`,
      );
    } else if (page && articles[Number(page[1])]) {
      const a = articles[Number(page[1])];
      const body = a.text
        .split('\n')
        .map((p) => `<p>${esc(p)}</p>`)
        .join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en"><head><title>${esc(a.title)}</title><meta property="article:published_time" content="${a.publishedAt}"></head><body><article><h1>${esc(a.title)}</h1>${body}</article></body></html>`,
      );
    } else res.writeHead(404).end();
  });
  // articles spread over HOSTS loopback addresses: the fetcher is polite per host (one
  // request start per second by default), as it would be with real publishers
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  port = (server.address() as AddressInfo).port;
  const others: Array<ReturnType<typeof createServer>> = [];
  for (let h = 1; h < HOSTS; h++) {
    const extra = createServer((req, res) => server.emit('request', req, res));
    await new Promise<void>((resolve) => extra.listen(port, `127.0.0.${2 + h}`, resolve));
    others.push(extra);
  }
  const close = (x: ReturnType<typeof createServer>) =>
    new Promise<void>((resolve) => x.close(() => resolve()));
  return { port, close: async () => void (await Promise.all([server, ...others].map(close))) };
}

const HOSTS = 64;
const host = (f: number, port: number) => `http://127.0.0.${2 + (f % HOSTS)}:${port}`;

/**
 * CPU seconds (user + system, all threads) a process has used so far, from /proc (Linux); null
 * elsewhere. Wall-clock rates on a shared machine follow the other load; CPU per article does not.
 */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux architecture Node runs on */
const CLOCK_TICKS = 100;

async function ingestRun(
  workers: number,
  port: number,
): Promise<{ seconds: number; stored: number; cpu: number | null }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lede-scale-'));
  const schema = `lede_scale_${workers}`;
  let databaseUrl: string | null = null;
  if (pgUrl) {
    const u = new URL(pgUrl);
    u.searchParams.set('schema', schema);
    databaseUrl = u.toString();
    await dropSchemas(schema);
  }
  const config = { databaseUrl, dataDir };
  const store = await openStore(config);
  const queue = await openQueue(config, store, silentLogger);
  for (let f = 0; f < FEEDS; f++) {
    const { source } = await store.sources.add({
      name: `Feed ${f}`,
      feedUrl: `${host(f, port)}/feed/${f}.xml`,
    });
    await queue.enqueue('refresh-source', { sourceId: source.id });
  }
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl ?? '',
    LEDE_DATA_DIR: dataDir,
    LEDE_FETCH_ALLOW: '127.0.0.0/8',
    LEDE_FETCH_PER_HOST: '64',
    LEDE_FETCH_CONCURRENCY: '64',
    LEDE_LOG_LEVEL: process.env.LEDE_LOG_LEVEL ?? 'error',
  };
  const started = performance.now();
  const children: ChildProcess[] = [];
  for (let w = 0; w < workers; w++) {
    children.push(
      spawn(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--concurrency', String(values.concurrency)],
        {
          env,
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      ),
    );
  }
  let stored = 0;
  const deadline = Date.now() + 30 * 60_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    stored = await store.articles.count();
    if (stored >= ARTICLES) break;
    if ((await queue.pending(new Date(Date.now() + 60_000))) === 0 && stored > 0) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = children.map((c) => cpuSeconds(c.pid));
  const cpu = used.every((u) => u !== null) ? used.reduce((a, b) => a + (b ?? 0), 0) : null;
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
  );
  await (queue as { close?: () => Promise<void> }).close?.();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (pgUrl) await dropSchemas(schema);
  return { seconds, stored, cpu };
}

async function dropSchemas(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl! });
  await client.connect();
  for (const s of [schema, `${schema}_pgboss`]) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await client.end();
}

async function main() {
  if (!values['skip-ingest']) {
    const server = await fixtureServer();
    const counts = String(values.workers).split(',').map(Number);
    console.log(
      `ingest of ${ARTICLES.toLocaleString('en')} articles (${FEEDS} feeds) on ${pgUrl ? 'PostgreSQL + pg-boss' : 'SQLite'}, ` +
        `worker processes of --concurrency ${values.concurrency}`,
    );
    console.log('workers   seconds   articles/s   scaling   worker CPU s   CPU ms/article');
    let single = 0;
    for (const w of counts) {
      const { seconds, stored, cpu } = await ingestRun(w, server.port);
      const rate = stored / seconds;
      if (w === counts[0]) single = rate / w;
      const cpuCells =
        cpu === null
          ? '             -                -'
          : `${cpu.toFixed(0).padStart(14)}   ${((cpu * 1000) / Math.max(1, stored)).toFixed(1).padStart(14)}`;
      console.log(
        `${String(w).padStart(7)}  ${seconds.toFixed(1).padStart(8)}  ${rate.toFixed(1).padStart(11)}   ${`${(rate / single).toFixed(2)}x`.padStart(7)}${cpuCells}${stored < ARTICLES ? `  (${stored} stored)` : ''}`,
      );
    }
    await server.close();
  }
  if (!values['skip-search']) {
    const sizes = [Number(values.search), ...(values.million ? [1_000_000] : [])];
    const only = values.only;
    if (only !== undefined && only !== 'sqlite' && only !== 'postgres')
      throw new Error(`--only must be sqlite or postgres, not "${only}"`);
    if (only === 'postgres' && !pgUrl)
      throw new Error('--only postgres needs TEST_DATABASE_URL or DATABASE_URL (postgres://…)');
    const backends: Array<'sqlite' | 'postgres'> = only ? [only] : ['sqlite', 'postgres'];
    for (const n of sizes) console.log(await searchBench(n, pgUrl, { backends, keep: values.keep }));
  }
}

await main();
