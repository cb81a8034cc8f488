// A floor on real pages: every 6th page of the shared extraction benchmark (read-only, never
// copied here), scored with the benchmark's own evaluator (4-word shingles, mean P and R, F1).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract.js';

const BENCH = resolve(
  process.env.LEDE_BENCH_DIR ?? join(import.meta.dirname, '../../../../shared/bench/extraction'),
);
const present = existsSync(join(BENCH, 'data', 'ground-truth.json'));

type TpFpFn = [number, number, number];
interface Evaluator {
  pageTpFpFn(truth: string, predicted: string): TpFpFn;
  aggregate(rows: TpFpFn[]): { f1: number; precision: number; recall: number };
}

describe.skipIf(!present)('extraction on a sample of the shared benchmark', () => {
  it('keeps F1 above the floor with no empty page', async () => {
    const evaluator = (await import(pathToFileURL(join(BENCH, 'evaluate.mjs')).href)) as Evaluator;
    const truth = JSON.parse(readFileSync(join(BENCH, 'data', 'ground-truth.json'), 'utf8')) as Record<
      string,
      { articleBody: string; url?: string }
    >;
    const ids = Object.keys(truth)
      .sort()
      .filter((_, i) => i % 6 === 0);
    const rows: TpFpFn[] = [];
    let empty = 0;
    for (const id of ids) {
      const html = gunzipSync(readFileSync(join(BENCH, 'data', 'html', `${id}.html.gz`))).toString('utf8');
      const { text } = extractArticle(html, truth[id].url ?? '');
      if (!text) empty++;
      rows.push(evaluator.pageTpFpFn(truth[id].articleBody, text));
    }
    const m = evaluator.aggregate(rows);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(empty).toBe(0);
    expect(m.f1).toBeGreaterThan(0.93);
  });
});
