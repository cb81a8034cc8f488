// The tasks of `npm run bench:enrich`: each runs our enrichers over one evaluation set, writes
// predictions in the shared scorer's format, and returns the scorer's numbers (evaluation only:
// nothing here feeds back into a model).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Category } from '../src/domain/types.js';
import { categoryEnricher } from '../src/pipeline/enrich/category.js';
import { createEmptyEnrichment, ENRICHERS, enrichArticle } from '../src/pipeline/enrich/index.js';
import type { EnrichInput } from '../src/pipeline/enrich/types.js';
import { extractArticle } from '../src/pipeline/extract/index.js';

/** The label mapping for scoring: our slug -> the set's label (unlisted slugs stay wrong). */
export const LABEL_MAPS: Record<'bbc' | 'ag', Partial<Record<Category, string>>> = {
  bbc: {
    politics: 'politics',
    world: 'politics',
    technology: 'tech',
    science: 'tech',
    business: 'business',
    entertainment: 'entertainment',
    sports: 'sport',
  },
  ag: {
    world: 'World',
    politics: 'World',
    technology: 'Sci/Tech',
    science: 'Sci/Tech',
    health: 'Sci/Tech',
    environment: 'Sci/Tech',
    business: 'Business',
    sports: 'Sports',
  },
};

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The first file in `dir` whose name starts with `prefix` and ends with .jsonl, or null. */
export function findSet(dir: string, prefix: string): string | null {
  if (!existsSync(dir)) return null;
  const name = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl'))
    .sort()[0];
  return name ? join(dir, name) : null;
}

function score(
  scorers: string,
  scorer: string,
  pred: string,
  gold: string,
  extra: string[] = [],
): Record<string, unknown> {
  const out = execFileSync('node', [join(scorers, scorer), pred, gold, ...extra, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out) as Record<string, unknown>;
}

export function benchCategory(scorers: string, gold: string, set: 'bbc' | 'ag', tmp: string) {
  const rows = readJsonl<{ id: string; title: string; text: string }>(gold);
  const lines = rows.map((r) => {
    const result = createEmptyEnrichment();
    categoryEnricher.enrich({ title: r.title, text: r.text }, result);
    const slug = result.category;
    return JSON.stringify({ id: r.id, label: (slug && LABEL_MAPS[set][slug]) ?? slug ?? '' });
  });
  const pred = join(tmp, `${set}.pred.jsonl`);
  writeFileSync(pred, `${lines.join('\n')}\n`);
  const s = score(scorers, 'accuracy.mjs', pred, gold) as { accuracy: number; macro_f1?: number };
  return {
    docs: rows.length,
    accuracy: 100 * s.accuracy,
    macroF1: s.macro_f1 !== undefined ? 100 * s.macro_f1 : null,
  };
}

export function benchKeyPoints(scorers: string, gold: string, tmp: string) {
  const rows = readJsonl<{ id: string; article: string }>(gold);
  const lines = rows.map((r) => {
    const e = enrichArticle({ title: '', text: r.article });
    return JSON.stringify({
      id: r.id,
      summary: e.keyPoints.map((k) => k.text.replace(/\n/g, ' ')).join('\n'),
    });
  });
  const pred = join(tmp, 'summaries.pred.jsonl');
  writeFileSync(pred, `${lines.join('\n')}\n`);
  // rouge.mjs reports x100 already
  const s = score(scorers, 'rouge.mjs', pred, gold) as Record<
    'rouge1' | 'rouge2' | 'rougeLsum',
    { f1: number }
  >;
  return { docs: rows.length, rouge1: s.rouge1.f1, rouge2: s.rouge2.f1, rougeLsum: s.rougeLsum.f1 };
}

export function benchQuotes(scorers: string, gold: string, tmp: string) {
  const rows = readJsonl<{ id: string; title: string; text: string; date: string }>(gold);
  const lines = rows.map((r) => {
    const e = enrichArticle({ title: r.title, text: r.text, published: r.date });
    // the metric scores the speaker as written: our `mention`
    return JSON.stringify({
      id: r.id,
      quotes: e.quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.mention })),
    });
  });
  const pred = join(tmp, 'quotes.pred.jsonl');
  writeFileSync(pred, `${lines.join('\n')}\n`);
  type Prf = { p: number; r: number; f1: number };
  const s = score(scorers, 'quote-attribution.mjs', pred, gold) as {
    detection: Prf;
    attribution_lenient: Prf;
    attribution_strict: Prf;
  };
  const pct = (x: Prf) => ({ p: 100 * x.p, r: 100 * x.r, f1: 100 * x.f1 });
  return {
    docs: rows.length,
    detection: pct(s.detection),
    lenient: pct(s.attribution_lenient),
    strict: pct(s.attribution_strict),
  };
}

/** Article texts of the dev pages, through our extractor; the ground truth's body if it finds none. */
export function loadPages(dir: string): EnrichInput[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url?: string }
  >;
  const out: EnrichInput[] = [];
  for (const [id, gt] of Object.entries(truth)) {
    const file = join(dir, 'html', `${id}.html.gz`);
    let input: EnrichInput = { title: '', text: gt.articleBody };
    if (existsSync(file)) {
      try {
        const a = extractArticle(gunzipSync(readFileSync(file)).toString('utf8'), gt.url ?? '');
        if (a.text.trim())
          input = { title: a.title ?? '', text: a.text, published: a.published, language: a.language };
      } catch {
        // keep the ground-truth body
      }
    }
    out.push(input);
  }
  return out;
}

/**
 * CPU time (process.cpuUsage: the machine is shared, wall time is not comparable) of the whole
 * chain and of each enricher, per pass over the pages after one warm-up; the median pass is reported.
 * Each pass times the chain alone, then each enricher in a second run (timing every enricher call
 * costs CPU of its own, which is not the chain's).
 */
export function benchSpeed(pages: EnrichInput[], passes = 3) {
  for (const p of pages) enrichArticle(p);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const chain: number[] = [];
  const per = new Map<string, number[]>(ENRICHERS.map((e) => [String(e.name), []]));
  for (let pass = 0; pass < Math.max(1, passes); pass++) {
    const cpu0 = process.cpuUsage();
    for (const p of pages) enrichArticle(p);
    const cpu = process.cpuUsage(cpu0);
    chain.push((cpu.user + cpu.system) / 1e6);
    const sums = new Map<string, number>();
    for (const p of pages) {
      const result = createEmptyEnrichment();
      for (const e of ENRICHERS) {
        const t0 = process.cpuUsage();
        e.enrich(p, result);
        const d = process.cpuUsage(t0);
        sums.set(String(e.name), (sums.get(String(e.name)) ?? 0) + d.user + d.system);
      }
    }
    for (const [k, v] of sums) per.get(k)?.push(v / 1000 / pages.length);
  }
  return {
    articles: pages.length,
    passes: chain.length,
    avgChars: Math.round(pages.reduce((s, p) => s + p.text.length, 0) / Math.max(1, pages.length)),
    articlesPerCpuSecond: pages.length / median(chain),
    perPass: chain.map((seconds) => pages.length / seconds),
    cpuMsPerArticle: Object.fromEntries([...per].map(([k, v]) => [k, median(v)])),
  };
}
