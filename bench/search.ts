// bench:search — search latency by query kind on 1,000,000 synthetic articles (Zipf vocabulary).
// The store is built once under .bench-out/search/ (prepared inserts in large transactions,
// straight into the SQLite file the Store migrated; the FTS5 triggers index every row) and
// reused by later runs. Queries are made as the /search page makes them (its form turned into
// a Store query, PAGE_SIZE a page), one kind aside. Each query is timed in wall-clock and in process CPU time (the machine
// may be shared: CPU time is what the query itself cost). With --quality N, N queries per kind
// are also ranked exhaustively (the Store's scorer over every match, exact document
// frequencies: seconds per common query) and the share of that page which the Store's bounded
// search returns is reported (1.00: it found the exhaustive page).
// Usage: npm run bench:search [-- --articles N] [--rebuild] [--runs N] [--quality N] [--kind TEXT]...
// (--kind runs only the kinds whose name holds TEXT)
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { registerFold } from '../src/storage/sqlite/fold.js';
import { toFtsQuery } from '../src/storage/sqlite/fts-query.js';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import {
  type Candidate,
  LEAD_CHARS,
  phraseOf,
  queryTerms,
  rankCandidates,
} from '../src/storage/sqlite/search-rank.js';
import type { SearchQuery, Store } from '../src/storage/store.js';
import type { SearchForm } from '../src/web/pages/search.js';
import { PAGE_SIZE, searchQueryOf } from '../src/web/routes/queries.js';
import { generator, rng, vocabulary } from './synthetic.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000000' },
    rebuild: { type: 'boolean', default: false },
    runs: { type: 'string', default: '200' },
    quality: { type: 'string', default: '0' },
    kind: { type: 'string', multiple: true },
  },
});
const TOTAL = Number(values.articles);
const RUNS = Number(values.runs);
const QUALITY = Number(values.quality);
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

/**
 * Ids of the exhaustive ranking's page for a query: every match that passes the filters scored
 * by the Store's scorer (search-rank.ts) with exact document frequencies, in slices.
 */
function exhaustive(db: Database.Database, q: SearchQuery, limit: number): string[] {
  const match = toFtsQuery(q.q) ?? '';
  const filters: string[] = [];
  const params: unknown[] = [];
  for (const [column, value, op] of [
    ['source_id', q.sourceId, '='],
    ['category', q.category, '='],
    ['language', q.language, '='],
    ['sort_at', q.since && new Date(q.since).toISOString(), '>='],
    ['sort_at', q.before && new Date(q.before).toISOString(), '<'],
  ] as const) {
    if (value === undefined) continue;
    filters.push(`AND a.${column} ${op} ?`);
    params.push(value);
  }
  const count = db.prepare('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?');
  const totalDocs = (db.prepare('SELECT max(rowid) AS m FROM articles').get() as { m: number }).m;
  const terms = queryTerms(match).map((t) => ({ ...t, df: (count.get(t.fts) as { n: number }).n }));
  const rows = db
    .prepare(
      `SELECT a.rowid AS rid, a.id, a.title, a.description, substr(a.text, 1, ${LEAD_CHARS}) AS lead, a.sort_at AS sortAt
       FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
       WHERE articles_fts MATCH ? ${filters.join(' ')}`,
    )
    .iterate(match, ...params) as IterableIterator<Candidate>;
  const need = (q.offset ?? 0) + limit;
  const nowMs = Date.now();
  let best: Array<{ candidate: Candidate; score: number }> = [];
  const flush = (slice: Candidate[]) => {
    best = [...best, ...rankCandidates(slice, terms, totalDocs, nowMs, phraseOf(match))]
      .sort((a, b) => b.score - a.score)
      .slice(0, need);
  };
  let slice: Candidate[] = [];
  for (const row of rows) {
    slice.push(row);
    if (slice.length === 5000) {
      flush(slice);
      slice = [];
    }
  }
  flush(slice);
  return best.slice(q.offset ?? 0).map((x) => x.candidate.id);
}

/** Mean share of the exhaustive page that the Store's page holds, over `n` queries of a kind. */
async function quality(store: Store, db: Database.Database, make: () => SearchQuery, n: number) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const q = make();
    const ideal = exhaustive(db, q, q.limit ?? PAGE_SIZE);
    const got = new Set((await store.search.search(q)).hits.map((h) => h.article.id));
    sum += ideal.length === 0 ? 1 : ideal.filter((id) => got.has(id)).length / ideal.length;
  }
  return sum / n;
}

async function main() {
  if (values.rebuild || !existsSync(done)) await build();
  const store = await openSqliteStore(file);
  const words = vocabulary(50_000, rng(7));
  const random = rng(99);
  const pickFrom = (from: number, to: number) => words[from + Math.floor(random() * (to - from))];
  // the first n letters of a word longer than that, among the 20,000 most common, and a star
  const prefixOf = (n: number): string => {
    let word = pickFrom(0, 20_000);
    while (word.length <= n) word = pickFrom(0, 20_000);
    return `${word.slice(0, n)}*`;
  };
  const categories = ['world', 'politics', 'business', 'sports'] as const;
  // what the /search page asks the Store for a form and a page number
  const page = (form: Partial<SearchForm>, n = 1): SearchQuery => ({
    ...searchQueryOf({ q: '', source: '', category: '', language: '', date: '', ...form }),
    limit: PAGE_SIZE,
    offset: (n - 1) * PAGE_SIZE,
  });
  const kinds: Record<string, () => SearchQuery> = {
    'rare word': () => page({ q: pickFrom(20_000, 50_000) }),
    'common word': () => page({ q: pickFrom(3, 60) }),
    'two common words': () => page({ q: `${pickFrom(3, 60)} ${pickFrom(3, 60)}` }),
    'phrase of common words': () => page({ q: `"${pickFrom(0, 12)} ${pickFrom(0, 12)}"` }),
    'common word + filters': () =>
      page({ q: pickFrom(3, 60), category: categories[Math.floor(random() * 4)], language: 'en' }),
    'rare word, past month': () => page({ q: pickFrom(5_000, 20_000), date: 'month' }),
    // not a form of the page (it has no "before"), a Store query the feeds and API can make
    'common word, old date range': () => ({
      q: pickFrom(3, 60),
      before: '2025-06-01T00:00:00Z',
      limit: PAGE_SIZE,
    }),
    'page 3 of a common word': () => page({ q: pickFrom(3, 60) }, 3),
    // a reader completing a word: its first letters and a star, as toFtsQuery keeps them
    'prefix of 2-3 letters': () => page({ q: prefixOf(2 + Math.floor(random() * 2)) }),
    'prefix of 5-6 letters': () => page({ q: prefixOf(5 + Math.floor(random() * 2)) }),
    'prefix of 4 letters': () => page({ q: prefixOf(4) }),
  };
  console.log(
    `search on ${(await store.articles.count()).toLocaleString('en')} articles, ${RUNS} queries per kind, ${PAGE_SIZE} per page as /search asks`,
  );
  console.log(
    `kind                          p50 ms   p99 ms   max ms   cpu p50  cpu p99   avg hits${QUALITY > 0 ? '   page agreement' : ''}`,
  );
  const all: number[] = [];
  const allCpu: number[] = [];
  const db = QUALITY > 0 ? new Database(file, { readonly: true }) : null;
  const fixed = (n: number) => n.toFixed(1).padStart(7);
  const chosen = Object.entries(kinds).filter(
    ([kind]) => !values.kind || values.kind.some((text) => kind.includes(text)),
  );
  if (chosen.length === 0) throw new Error(`no bench kind holds ${values.kind?.join(', ')}`);
  for (const [kind, make] of chosen) {
    const times: number[] = [];
    const cpu: number[] = [];
    let hits = 0;
    await store.search.search(make()); // warm the page cache for this kind
    for (let i = 0; i < RUNS; i++) {
      const q = make();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await store.search.search(q);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      hits += result.hits.length;
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    all.push(...times);
    allCpu.push(...cpu);
    const agreement = db ? `   ${(await quality(store, db, make, QUALITY)).toFixed(2).padStart(8)}` : '';
    console.log(
      `${kind.padEnd(28)} ${fixed(percentile(times, 50))}  ${fixed(percentile(times, 99))}  ${fixed(times[times.length - 1])}  ${fixed(percentile(cpu, 50))}  ${fixed(percentile(cpu, 99))}   ${(hits / RUNS).toFixed(1).padStart(6)}${agreement}`,
    );
  }
  all.sort((a, b) => a - b);
  allCpu.sort((a, b) => a - b);
  console.log(
    `all kinds: p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms; cpu p50 ${percentile(allCpu, 50).toFixed(1)} ms, p99 ${percentile(allCpu, 99).toFixed(1)} ms`,
  );
  db?.close();
  await store.close();
}

await main();
