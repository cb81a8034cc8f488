// `npm run bench:enrich [-- --data DIR] [--pages DIR] [--only category,keypoints,quotes,ner,speed] [--passes N] [--json]`:
// every enricher against the shared scorers (../shared/corpus/nlp/scorers) and the chain's speed
// on the dev pages. --data points at a held-out copy of corpus/nlp (same layout: topics/,
// summarization/, quotes/, ner/); --pages at a held-out page set (html/ + ground-truth.json).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  benchCategory,
  benchKeyPoints,
  benchQuotes,
  benchSpeed,
  findSet,
  loadPages,
} from './enrich-tasks.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(here, '..', '..', 'shared');
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    pages: { type: 'string' },
    only: { type: 'string' },
    json: { type: 'boolean' },
    passes: { type: 'string' },
  },
});
const corpus = resolve(values.data ?? join(shared, 'corpus', 'nlp'));
const scorers = existsSync(join(corpus, 'scorers'))
  ? join(corpus, 'scorers')
  : join(shared, 'corpus', 'nlp', 'scorers');
const pagesDir = resolve(values.pages ?? join(shared, 'bench', 'extraction', 'data'));
const only = new Set((values.only ?? 'category,keypoints,quotes,ner,speed').split(','));
const tmp = mkdtempSync(join(tmpdir(), 'lede-enrich-'));

// the bars of issue 6
const BARS = { bbc: 93, ag: 85, rouge1: 41, quotesLenient: 75, ner: 75, speed: 200 };
const report: Record<string, unknown> = { corpus, pages: pagesDir };
const lines: string[] = [];
const bar = (ok: boolean) => (ok ? 'PASS' : 'BELOW BAR');
const f = (x: number | null | undefined) => (x === null || x === undefined ? '-' : x.toFixed(2));

if (only.has('category')) {
  for (const [set, prefix] of [
    ['bbc', 'bbc'],
    ['ag', 'agnews'],
  ] as const) {
    const gold = findSet(join(corpus, 'topics'), prefix);
    if (!gold) continue;
    const r = benchCategory(scorers, gold, set, tmp);
    report[`category_${set}`] = r;
    lines.push(
      `category ${set.padEnd(4)} accuracy ${f(r.accuracy)} (macro-F1 ${f(r.macroF1)}, ${r.docs} docs)  bar ${BARS[set]}: ${bar(r.accuracy >= BARS[set])}`,
    );
  }
}
if (only.has('keypoints')) {
  const gold = findSet(join(corpus, 'summarization'), 'cnndm');
  if (gold) {
    const r = benchKeyPoints(scorers, gold, tmp);
    report.keyPoints = r;
    lines.push(
      `key points  ROUGE-1 F1 ${f(r.rouge1)} / R2 ${f(r.rouge2)} / RLsum ${f(r.rougeLsum)} (${r.docs} docs)  bar ${BARS.rouge1}: ${bar(r.rouge1 >= BARS.rouge1)}`,
    );
  }
}
if (only.has('quotes')) {
  const gold = findSet(join(corpus, 'quotes'), 'polnear');
  if (gold) {
    const r = benchQuotes(scorers, gold, tmp);
    report.quotes = r;
    lines.push(
      `quotes      attribution lenient F1 ${f(r.lenient.f1)} (P ${f(r.lenient.p)} R ${f(r.lenient.r)}), strict F1 ${f(r.strict.f1)}, detection F1 ${f(r.detection.f1)} (${r.docs} docs)  bar ${BARS.quotesLenient}: ${bar(r.lenient.f1 >= BARS.quotesLenient)}`,
    );
  }
}
if (only.has('ner')) {
  // the entity benchmark belongs to the entities enricher; run it when it is there
  const ner = join(here, 'enrich-ner.ts');
  const gold = findSet(join(corpus, 'ner'), 'conll');
  if (existsSync(ner) && gold) {
    try {
      const mod = (await import(pathToFileURL(ner).href)) as {
        benchNer?: (o: { gold?: string }) => { f1: number; docs: number };
      };
      if (mod.benchNer) {
        const r = mod.benchNer({ gold });
        report.entities = r;
        const f1 = r.f1 <= 1 ? 100 * r.f1 : r.f1;
        lines.push(`entities    F1 ${f(f1)} (${r.docs} docs)  bar ${BARS.ner}: ${bar(f1 >= BARS.ner)}`);
      }
    } catch (error) {
      lines.push(
        `entities    not run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
  }
}
if (only.has('speed') && existsSync(join(pagesDir, 'ground-truth.json'))) {
  const pages = loadPages(pagesDir);
  const r = benchSpeed(pages, Number(values.passes ?? 3));
  report.speed = r;
  const per = Object.entries(r.cpuMsPerArticle)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
  lines.push(
    `speed       ${r.articlesPerCpuSecond.toFixed(0)} articles per CPU-second (one core; median of ${r.passes} passes: ${r.perPass.map((x) => x.toFixed(0)).join(' ')}; ${r.articles} pages, ${r.avgChars} chars avg)  bar ${BARS.speed}: ${bar(r.articlesPerCpuSecond >= BARS.speed)}`,
    `            CPU ms per article (median pass): ${per}`,
  );
}
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${lines.join('\n')}\n`);
