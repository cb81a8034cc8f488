// Search latency side by side: the same synthetic articles (bench/synthetic.ts) loaded into
// SQLite and PostgreSQL through the export/import row writers, then the same queries on both.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDumper } from '../src/storage/dump/run.js';
import { openStore } from '../src/storage/open.js';
import type { SearchQuery, Store } from '../src/storage/store.js';
import { generator, rng, vocabulary } from './synthetic.js';

const BATCH = 1000;

async function load(databaseUrl: string, total: number): Promise<number> {
  const dumper = await openDumper({ databaseUrl, dataDir: '.bench-out' });
  const next = generator({ seed: 7, days: 730, end: new Date() });
  const started = performance.now();
  try {
    for (let from = 0; from < total; from += BATCH) {
      const rows = [];
      for (let i = from; i < Math.min(total, from + BATCH); i++) {
        const a = next(i, total);
        const url = `https://news.example/${a.id}`;
        rows.push({
          id: a.id,
          url,
          canonical_url: url,
          source_id: null,
          title: a.title,
          byline: null,
          description: a.description,
          published_at: a.publishedAt,
          modified_at: null,
          language: a.language,
          site_name: null,
          section: null,
          paywalled: 0,
          text: a.text,
          html: '',
          lead_image: null,
          images: '[]',
          category: a.category,
          enrichment: null,
          story_id: null,
          content_hash: null,
          duplicate_of: null,
          fetched_at: a.publishedAt,
          updated_at: a.publishedAt,
        });
      }
      await dumper.insert('articles', rows);
      if ((from / BATCH) % 50 === 0)
        process.stderr.write(`  ${databaseUrl.split(':')[0]}: ${from + rows.length}\n`);
    }
  } finally {
    await dumper.close();
  }
  return (performance.now() - started) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function queries(): Array<[string, () => SearchQuery]> {
  const words = vocabulary(50_000, rng(7));
  const random = rng(99);
  const pick = (from: number, to: number) => words[from + Math.floor(random() * (to - from))];
  return [
    ['rare word', () => ({ q: pick(20_000, 50_000) })],
    ['common word', () => ({ q: pick(3, 60) })],
    ['two common words', () => ({ q: `${pick(3, 60)} ${pick(3, 60)}` })],
    ['phrase', () => ({ q: `"${pick(0, 12)} ${pick(0, 12)}"` })],
    ['common word + filters', () => ({ q: pick(3, 60), category: 'world', language: 'en' })],
    ['page 3 of a common word', () => ({ q: pick(3, 60), offset: 40 })],
  ];
}

async function measure(store: Store, runs: number): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const [kind, make] of queries()) {
    await store.search.search({ ...make(), limit: 20 });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const q = make();
      const t0 = performance.now();
      await store.search.search({ ...q, limit: 20 });
      times.push(performance.now() - t0);
    }
    out.set(
      kind,
      times.sort((a, b) => a - b),
    );
  }
  return out;
}

export interface SearchBenchOptions {
  /** queries per kind */
  runs?: number;
  /** which stores to measure */
  backends?: ReadonlyArray<'sqlite' | 'postgres'>;
  /** keep the loaded stores after the run and reuse them when they already hold `total` articles */
  keep?: boolean;
}

/**
 * Loads `total` articles into a fresh SQLite file and (when given) a fresh PostgreSQL schema,
 * unless `keep` finds them already loaded by an earlier run, then runs the same queries on both.
 */
export async function searchBench(
  total: number,
  pgUrl: string | null,
  options: SearchBenchOptions = {},
): Promise<string> {
  const runs = options.runs ?? 40;
  const wanted = options.backends ?? ['sqlite', 'postgres'];
  const keep = options.keep ?? false;
  const dir = join('.bench-out', `scale-search-${total}`);
  const schema = `lede_bench_${total}`;
  mkdirSync(dir, { recursive: true });
  const backends: Array<[string, string]> = [];
  if (wanted.includes('sqlite')) backends.push(['SQLite', `sqlite:${join(dir, 'lede.db')}`]);
  if (pgUrl && wanted.includes('postgres')) {
    const u = new URL(pgUrl);
    u.searchParams.set('schema', schema);
    backends.push(['PostgreSQL', u.toString()]);
  }
  const results = new Map<string, Map<string, number[]>>();
  const lines: string[] = [];
  for (const [name, url] of backends) {
    const drop = async () => {
      if (name === 'PostgreSQL') await dropSchema(pgUrl!, schema);
      else for (const f of ['lede.db', 'lede.db-wal', 'lede.db-shm']) rmSync(join(dir, f), { force: true });
    };
    if (keep && (await loaded(url, dir)) === total)
      lines.push(`${name}: reused ${total.toLocaleString('en')} articles`);
    else {
      await drop();
      const seconds = await load(url, total);
      lines.push(`${name}: loaded ${total.toLocaleString('en')} articles in ${seconds.toFixed(0)} s`);
    }
    const store = await openStore({ databaseUrl: url, dataDir: dir });
    results.set(name, await measure(store, runs));
    await store.close();
    if (!keep) await drop();
  }
  lines.push(`search at ${total.toLocaleString('en')} articles, ${runs} queries per kind, limit 20 (ms)`);
  lines.push(
    `kind                        ${backends.map(([n]) => `${n.padStart(10)} p50    p99`).join('  ')}`,
  );
  for (const [kind] of queries()) {
    const cells = backends.map(([n]) => {
      const t = results.get(n)?.get(kind) ?? [0];
      return `${percentile(t, 50).toFixed(1).padStart(14)} ${percentile(t, 99).toFixed(1).padStart(6)}`;
    });
    lines.push(`${kind.padEnd(26)} ${cells.join('  ')}`);
  }
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return lines.join('\n');
}

/** Articles a kept store holds (0 when there is none). */
async function loaded(url: string, dir: string): Promise<number> {
  if (url.startsWith('sqlite:') && !existsSync(url.slice('sqlite:'.length))) return 0;
  const store = await openStore({ databaseUrl: url, dataDir: dir });
  try {
    return await store.articles.count();
  } finally {
    await store.close();
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}
