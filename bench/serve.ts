// bench:serve — the article page under load. Builds (once, under .bench-out/) a SQLite store of
// 100,000 synthetic articles through the Store API in transactions, serves it from a child
// process, then with autocannon on loopback: (1) 1,000 req/s for 10 s on an article page:
// p99 latency and errors; (2) the maximum req/s of the same page, beside plain node:http
// serving the same bytes from memory.  Usage: npm run bench:serve [-- --articles N] [--rebuild]
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { addSyntheticArticles } from './synthetic-store.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    rebuild: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    rate: { type: 'string', default: '1000' },
  },
});
const TOTAL = Number(values.articles);
const DURATION = Number(values.duration);
const dir = join('.bench-out', `serve-${TOTAL}`);
const file = join(dir, 'lede.db');
const done = join(dir, 'complete');
const TARGET = 'bench-target';

async function build(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = await openSqliteStore(file);
  const started = performance.now();
  await addSyntheticArticles(store, {
    total: TOTAL,
    days: 365,
    longId: TARGET,
    onBatch: (stored) => {
      if ((stored / 2000) % 10 === 0)
        process.stderr.write(
          `  ${stored} articles, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
        );
    },
  });
  await store.close();
  writeFileSync(done, `${TOTAL}\n`);
  console.log(
    `built ${TOTAL} articles through the Store in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

function start(args: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/serve-server.ts', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('listening')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function main() {
  if (values.rebuild || !existsSync(done)) await build();
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const url = `http://127.0.0.1:${port}/article/${TARGET}`;
  const app = await start(['app', file, String(port)]);
  try {
    const page = Buffer.from(await (await fetch(url)).arrayBuffer());
    console.log(
      `article page: ${page.length} bytes (${gzipSync(page).length} gzip) on a store of ${TOTAL} articles`,
    );
    await autocannon({ url, connections: 10, duration: 2 }); // warm up
    const rated = await autocannon({
      url,
      connections: 50,
      duration: DURATION,
      overallRate: Number(values.rate),
    });
    console.log(
      `${values.rate} req/s for ${DURATION} s: ${rated.requests.total} requests, p50 ${rated.latency.p50} ms, p99 ${rated.latency.p99} ms, max ${rated.latency.max} ms, errors ${rated.errors}, timeouts ${rated.timeouts}, non-2xx ${rated.non2xx}`,
    );
    const max = await autocannon({ url, connections: 50, duration: DURATION });
    console.log(
      `Lede max: ${Math.round(max.requests.average)} req/s (p99 ${max.latency.p99} ms, errors ${max.errors})`,
    );
    const bytes = join(dir, 'page.html');
    writeFileSync(bytes, page);
    await stop(app);
    const plain = await start(['plain', bytes, String(port + 1)]);
    try {
      const base = await autocannon({
        url: `http://127.0.0.1:${port + 1}/`,
        connections: 50,
        duration: DURATION,
      });
      console.log(`plain node:http, same bytes from memory: ${Math.round(base.requests.average)} req/s`);
      console.log(`ratio: ${(max.requests.average / base.requests.average).toFixed(2)} (bar: >= 0.5)`);
      const ok =
        rated.latency.p99 < 50 &&
        rated.errors === 0 &&
        rated.non2xx === 0 &&
        max.requests.average >= base.requests.average / 2;
      console.log(ok ? 'PASS' : 'FAIL');
    } finally {
      await stop(plain);
    }
  } finally {
    if (app.exitCode === null) await stop(app);
  }
}

await main();
