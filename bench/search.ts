// bench:search — search latency by query kind on 1,000,000 synthetic articles (Zipf vocabulary).
// The store is built once under .bench-out/search/ (prepared inserts in large transactions,
// straight into the SQLite file the Store migrated; the FTS5 triggers index every row) and
// reused by later runs. Usage: npm run bench:search [-- --articles N] [--rebuild]
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { registerFold } from '../src/storage/sqlite/fold.js';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import type { SearchQuery } from '../src/storage/store.js';
import { generator, rng, vocabulary } from './synthetic.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000000' },
    rebuild: { type: 'boolean', default: false },
    runs: { type: 'string', default: '60' },
  },
});
const TOTAL = Number(values.articles);
const RUNS = Number(values.runs);
const dir = join('.bench-out', `search-${TOTAL}`);
const file = join(dir, 'lede.db');
const done = join(dir, 'complete');

async function build(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = await openSqliteStore(file);
  const sourceIds: string[] = [];
  for (let i = 0; i < 50; i++) {
    const { source } = await store.sources.add({
      name: `Source ${i}`,
      feedUrl: `https://s${i}.example/feed`,
      language: 'en',
    });
    sourceIds.push(source.id);
  }
  await store.close();
  const db = new Database(file);
  registerFold(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insert =
    db.prepare(`INSERT INTO articles (id, url, canonical_url, source_id, title, byline, description,
    published_at, language, paywalled, text, html, images, category, fetched_at, updated_at, sort_at)
    VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, ?, '', '[]', ?, ?, ?, ?)`);
  const next = generator({ seed: 7, days: 730, end: new Date('2026-11-28T00:00:00Z') });
  const started = performance.now();
  const batch = 20_000;
  for (let from = 0; from < TOTAL; from += batch) {
    db.transaction(() => {
      for (let i = from; i < Math.min(TOTAL, from + batch); i++) {
        const a = next(i, TOTAL);
        const url = `https://news.example/${a.id}`;
        insert.run(
          a.id,
          url,
          url,
          sourceIds[a.sourceIndex],
          a.title,
          a.description,
          a.publishedAt,
          a.language,
          a.text,
          a.category,
          a.publishedAt,
          a.publishedAt,
          a.publishedAt,
        );
      }
    })();
    if ((from / batch) % 10 === 0)
      process.stderr.write(
        `  ${from + batch} articles, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
      );
  }
  db.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('optimize')`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  writeFileSync(done, `${TOTAL}\n`);
  console.log(`built ${TOTAL} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  if (values.rebuild || !existsSync(done)) await build();
  const store = await openSqliteStore(file);
  const words = vocabulary(50_000, rng(7));
  const random = rng(99);
  const pickFrom = (from: number, to: number) => words[from + Math.floor(random() * (to - from))];
  const categories = ['world', 'politics', 'business', 'sports'] as const;
  const kinds: Record<string, () => SearchQuery> = {
    'rare word': () => ({ q: pickFrom(20_000, 50_000) }),
    'common word': () => ({ q: pickFrom(3, 60) }),
    'two common words': () => ({ q: `${pickFrom(3, 60)} ${pickFrom(3, 60)}` }),
    'phrase of common words': () => ({ q: `"${pickFrom(0, 12)} ${pickFrom(0, 12)}"` }),
    'common word + filters': () => ({
      q: pickFrom(3, 60),
      category: categories[Math.floor(random() * 4)],
      language: 'en',
    }),
    'rare word + date filter': () => ({ q: pickFrom(5_000, 20_000), since: '2026-10-01T00:00:00Z' }),
    'page 3 of a common word': () => ({ q: pickFrom(3, 60), offset: 40 }),
  };
  console.log(
    `search on ${(await store.articles.count()).toLocaleString('en')} articles, ${RUNS} queries per kind, limit 20`,
  );
  console.log('kind                          p50 ms   p99 ms   max ms   avg hits');
  const all: number[] = [];
  for (const [kind, make] of Object.entries(kinds)) {
    const times: number[] = [];
    let hits = 0;
    await store.search.search({ ...make(), limit: 20 }); // warm the page cache for this kind
    for (let i = 0; i < RUNS; i++) {
      const q = make();
      const t0 = performance.now();
      const result = await store.search.search({ ...q, limit: 20 });
      times.push(performance.now() - t0);
      hits += result.hits.length;
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    console.log(
      `${kind.padEnd(28)} ${percentile(times, 50).toFixed(1).padStart(7)}  ${percentile(times, 99).toFixed(1).padStart(7)}  ${times[times.length - 1].toFixed(1).padStart(7)}   ${(hits / RUNS).toFixed(1).padStart(6)}`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `all kinds: p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms`,
  );
  await store.close();
}

await main();
