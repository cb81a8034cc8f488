// npm run bench:fetch — throughput and CPU of feed refreshes through the safe client, and its
// memory while slow servers trickle. Servers run in a child process so the CPU figures are the
// client's alone.
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { createFetcher } from '../src/pipeline/fetch/client.js';

const FEEDS = 1000;
const ROUNDS = 5;
const SLOW_SERVERS = 50;

// Plain JS for the child: `feeds` serves 1,000 feeds (ETag-aware, gzip); `trickle` opens 50
// servers that send 16 KB every 100 ms for 5 s.
const SERVER = `
const http = require('node:http'), zlib = require('node:zlib');
const items = Array.from({ length: 40 }, (_, i) =>
  '<item><title>Story ' + i + ' about the news of the day</title><link>https://news.example/s/' + i +
  '</link><description>' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8) +
  '</description><pubDate>Sat, 28 Nov 2026 10:' + String(i).padStart(2, '0') + ':00 GMT</pubDate></item>').join('');
const body = Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title>' + items + '</channel></rss>');
const gz = zlib.gzipSync(body);
const listen = (server) => new Promise((r) => server.listen(0, '127.0.0.1', () => r(server.address().port)));
(async () => {
  if (process.argv[1] === 'feeds') {
    const server = http.createServer((req, res) => {
      const etag = '"' + req.url + '-v1"';
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
      const gzip = /gzip/.test(req.headers['accept-encoding'] || '');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag,
        'last-modified': 'Sat, 28 Nov 2026 10:39:00 GMT', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
      res.end(gzip ? gz : body);
    });
    server.keepAliveTimeout = 30000;
    console.log(JSON.stringify({ ports: [await listen(server)], bytes: body.length, gzipBytes: gz.length }));
  } else {
    const chunk = Buffer.alloc(16 * 1024, 'x');
    const ports = [];
    for (let i = 0; i < ${SLOW_SERVERS}; i++) {
      ports.push(await listen(http.createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        let sent = 0;
        const t = setInterval(() => { if (++sent > 50) { clearInterval(t); res.end(); } else res.write(chunk); }, 100);
        res.on('close', () => clearInterval(t));
      })));
    }
    console.log(JSON.stringify({ ports }));
  }
})();
`;

interface Child {
  proc: ChildProcess;
  ports: number[];
  info: Record<string, number>;
}

async function startChild(mode: 'feeds' | 'trickle'): Promise<Child> {
  const proc = spawn(process.execPath, ['-e', SERVER, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const info = JSON.parse(line);
  return { proc, ports: info.ports, info };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

interface Round {
  refreshesPerSec: number;
  cpuUsPerRefresh: number;
  notModified: number;
  ms: number;
}

async function refreshRound(fetcher: ReturnType<typeof createFetcher>, port: number): Promise<Round> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const results = await Promise.all(
    Array.from({ length: FEEDS }, (_, n) => {
      const path = `/feed/${n}.xml`;
      // even feeds unchanged since last time (304), odd feeds changed (200)
      const etag = n % 2 === 0 ? `"${path}-v1"` : null;
      return fetcher.fetch(`http://127.0.0.1:${port}${path}`, { kind: 'feed', etag });
    }),
  );
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return {
    refreshesPerSec: FEEDS / (ms / 1000),
    cpuUsPerRefresh: (used.user + used.system) / FEEDS,
    notModified: results.filter((r) => r.notModified).length,
    ms,
  };
}

async function refreshBench(): Promise<void> {
  const child = await startChild('feeds');
  const fetcher = createFetcher({
    allow: ['127.0.0.1'],
    concurrency: 16,
    perHost: 16,
    minHostIntervalMs: 0,
    robots: true,
  });
  try {
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS + 1; i++) rounds.push(await refreshRound(fetcher, child.ports[0]));
    const [cold, ...warm] = rounds;
    console.log(
      `\n## ${FEEDS} feed refreshes, local server (feed ${child.info.bytes} B, ${child.info.gzipBytes} B gzipped; half 304)`,
    );
    console.log('concurrency 16, perHost 16, robots.txt on (cached), keep-alive pool');
    console.log(
      `one run (cold: new connections, robots.txt): ${cold.refreshesPerSec.toFixed(0)} refreshes/s, ` +
        `${cold.cpuUsPerRefresh.toFixed(0)} µs CPU/refresh, ${cold.notModified} x 304, ${cold.ms.toFixed(0)} ms`,
    );
    console.log(
      `median of ${ROUNDS} warm runs: ${median(warm.map((r) => r.refreshesPerSec)).toFixed(0)} refreshes/s, ` +
        `${median(warm.map((r) => r.cpuUsPerRefresh)).toFixed(0)} µs CPU/refresh`,
    );
    console.log(`warm runs: ${warm.map((r) => r.refreshesPerSec.toFixed(0)).join(', ')} refreshes/s`);
  } finally {
    await fetcher.close();
    child.proc.kill();
  }
}

async function trickleBench(): Promise<void> {
  const child = await startChild('trickle');
  const fetcher = createFetcher({
    allow: ['127.0.0.1'],
    concurrency: 64,
    perHost: 64,
    minHostIntervalMs: 0,
    robots: false,
    timeoutMs: 20_000,
  });
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  let peakExternal = base.external + base.arrayBuffers;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);
  }, 25);
  const start = performance.now();
  try {
    const results = await Promise.all(
      child.ports.map((port) => fetcher.fetch(`http://127.0.0.1:${port}/slow.xml`, { kind: 'feed' })),
    );
    const received = results.reduce((n, r) => n + r.body.length, 0);
    console.log(`\n## memory while ${SLOW_SERVERS} slow servers trickle (16 KB / 100 ms, 5 s each)`);
    console.log(
      `one run: ${((performance.now() - start) / 1000).toFixed(1)} s, received ${mb(received)} in total`,
    );
    console.log(`RSS baseline ${mb(base.rss)}, peak ${mb(peakRss)} (+${mb(peakRss - base.rss)})`);
    console.log(
      `heap baseline ${mb(base.heapUsed)}, peak ${mb(peakHeap)} (+${mb(peakHeap - base.heapUsed)})`,
    );
    console.log(
      `external+arrayBuffers baseline ${mb(base.external + base.arrayBuffers)}, peak ${mb(peakExternal)}`,
    );
  } finally {
    clearInterval(sampler);
    await fetcher.close();
    child.proc.kill();
  }
}

console.log(`lede fetch benchmark — node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`);
// Memory first, so its baseline is not inflated by the refresh rounds' garbage.
await trickleBench();
await refreshBench();
