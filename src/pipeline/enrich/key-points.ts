// Key points: 3-4 sentences of the article that summarise it, chosen extractively (so they are
// grounded by construction). News puts the gist in the lead, so the score starts from position,
// adds centrality (similarity to the whole article and to the headline) and a length prior, and
// selection uses MMR so that two points never say the same thing.
import type { KeyPoint } from '../../domain/types.js';
import { splitSentences } from './sentences.js';
import type { Enricher } from './types.js';

const STOP = new Set(
  (
    'a an the and or but of at by for with to from in on off as is are was were be been being has have had do does ' +
    'did it its this that these those he she they we you i his her their our your him them who which what when ' +
    'where how not no so than then there here also just will would can could should may might said says say'
  ).split(' '),
);

export interface KeyPointOptions {
  /** how many points at most (and at least, when the text has that many usable sentences) */
  count?: number;
  /** weight of the position prior, of centrality, of the headline, and the MMR trade-off */
  position?: number;
  centrality?: number;
  headline?: number;
  lambda?: number;
}

const DEFAULTS: Required<KeyPointOptions> = {
  count: 3,
  position: 1,
  centrality: 0.3,
  headline: 0.3,
  lambda: 0.8,
};

type Vec = Map<string, number>;

function words(text: string): string[] {
  const out: string[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0].toLowerCase();
    if (!STOP.has(w)) out.push(w.length > 5 ? w.slice(0, 5) : w); // crude stem: prefix
  }
  return out;
}

function vec(ws: string[]): Vec {
  const v: Vec = new Map();
  for (const w of ws) v.set(w, (v.get(w) ?? 0) + 1);
  return v;
}

/** Weighted vector with its norm, so each cosine costs one pass over the smaller vector. */
interface WVec {
  v: Map<string, number>;
  norm: number;
}

function weigh(v: Vec, idf: Map<string, number>): WVec {
  const w = new Map<string, number>();
  let norm = 0;
  for (const [k, x] of v) {
    const y = x * (idf.get(k) ?? 1);
    w.set(k, y);
    norm += y * y;
  }
  return { v: w, norm: Math.sqrt(norm) };
}

function cosine(a: WVec, b: WVec): number {
  if (!a.norm || !b.norm) return 0;
  const [small, large] = a.v.size <= b.v.size ? [a.v, b.v] : [b.v, a.v];
  let dot = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y) dot += x * y;
  }
  return dot / (a.norm * b.norm);
}

/** Length prior: very short lines (datelines, captions) and run-on blocks make poor points. */
function lengthPrior(n: number): number {
  if (n < 5) return 0.2;
  if (n < 9) return 0.7;
  if (n > 60) return 0.6;
  if (n > 40) return 0.85;
  return 1;
}

export function selectKeyPoints(title: string, text: string, options: KeyPointOptions = {}): KeyPoint[] {
  const o = { ...DEFAULTS, ...options };
  const sentences = splitSentences(text);
  if (!sentences.length) return [];
  const ws = sentences.map((s) => words(text.slice(s.start, s.end)));
  const vs = ws.map(vec);
  // sentence frequency as idf: words in every sentence carry no signal
  const sf = new Map<string, number>();
  for (const v of vs) for (const w of v.keys()) sf.set(w, (sf.get(w) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [w, n] of sf) idf.set(w, Math.log(1 + sentences.length / n));
  const doc: Vec = new Map();
  for (const v of vs) for (const [w, x] of v) doc.set(w, (doc.get(w) ?? 0) + x);
  const wv = vs.map((v) => weigh(v, idf));
  const wdoc = weigh(doc, idf);
  const head = weigh(vec(words(title)), idf);
  const base = wv.map((v, i) => {
    if (ws[i].length < 3) return Number.NEGATIVE_INFINITY;
    const pos = 1 / Math.sqrt(1 + i);
    const score =
      o.position * pos + o.centrality * cosine(v, wdoc) + (head.norm ? o.headline * cosine(v, head) : 0);
    return score * lengthPrior(ws[i].length);
  });
  const chosen: number[] = [];
  const limit = Math.min(o.count, sentences.length);
  while (chosen.length < limit) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < sentences.length; i++) {
      if (chosen.includes(i) || base[i] === Number.NEGATIVE_INFINITY) continue;
      let redundancy = 0;
      for (const j of chosen) redundancy = Math.max(redundancy, cosine(wv[i], wv[j]));
      const mmr = o.lambda * base[i] - (1 - o.lambda) * redundancy;
      if (mmr > bestScore) {
        bestScore = mmr;
        best = i;
      }
    }
    if (best < 0) break;
    chosen.push(best);
  }
  return chosen
    .sort((a, b) => a - b)
    .map((i) => ({
      text: text.slice(sentences[i].start, sentences[i].end),
      start: sentences[i].start,
      end: sentences[i].end,
    }));
}

export const keyPointsEnricher: Enricher = {
  name: 'keyPoints',
  enrich(input, result) {
    result.keyPoints = selectKeyPoints(input.title, input.text);
  },
};
