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

/** Content words of `text`: letters and digits, lower-cased, stop words out, cut to a 5-letter prefix. */
export function contentWords(text: string, from = 0, to = text.length): string[] {
  return asciiWords(text, from, to) ?? unicodeWords(text.slice(from, to));
}

/** Crude stem: a prefix of this many letters. */
const STEM = 5;
/** No stop word is longer: a longer word needs only its stem lower-cased. */
const LONGEST_STOP = Math.max(...[...STOP].map((w) => w.length));

function keep(out: string[], word: string): void {
  const w = word.toLowerCase();
  if (!STOP.has(w)) out.push(w.length > STEM ? w.slice(0, STEM) : w);
}

function unicodeWords(text: string): string[] {
  const out: string[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) keep(out, m[0]);
  return out;
}

/** Punctuation outside ASCII that news text is full of (quotes, dashes, ellipsis, no-break space). */
const WIDE_SEPARATORS = new Set([0xa0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026]);

/** The same words of text[from, to) by a character scan, or null when it has letters outside ASCII. */
function asciiWords(text: string, from: number, to: number): string[] | null {
  const out: string[] = [];
  let start = -1;
  let upper = false;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if (c >= 65 && c <= 90) {
      if (start < 0) start = i;
      upper = true;
      continue;
    }
    if (c >= 128 && !WIDE_SEPARATORS.has(c)) return null;
    if (start < 0) continue;
    // as keep(), building only the strings it needs: ASCII lower case keeps the length
    if (i - start > LONGEST_STOP) {
      const stem = text.slice(start, start + STEM);
      out.push(upper ? stem.toLowerCase() : stem);
    } else {
      const word = text.slice(start, i);
      const w = upper ? word.toLowerCase() : word;
      if (!STOP.has(w)) out.push(w.length > STEM ? w.slice(0, STEM) : w);
    }
    start = -1;
    upper = false;
  }
  return out;
}

/**
 * A weighted bag of words: word ids (numbered per article) in order of first occurrence, their
 * weights, and the norm. Sums run in that order, so scores do not depend on the representation.
 */
interface Bag {
  ids: number[];
  weights: number[];
  norm: number;
}

/**
 * Word ids of `ws` in order of first occurrence, with counts; new words get the next free id.
 * `slot` (by id, -1 everywhere, as large as the ids can grow) is scratch, left as it was found.
 */
function count(
  ws: string[],
  dict: Map<string, number>,
  slot: Int32Array,
): { ids: number[]; counts: number[] } {
  const ids: number[] = [];
  const counts: number[] = [];
  for (const w of ws) {
    let id = dict.get(w);
    if (id === undefined) {
      id = dict.size;
      dict.set(w, id);
    }
    const k = slot[id];
    if (k < 0) {
      slot[id] = ids.length;
      ids.push(id);
      counts.push(1);
    } else counts[k]++;
  }
  for (const id of ids) slot[id] = -1;
  return { ids, counts };
}

function weigh(ids: number[], counts: ArrayLike<number>, idf: Float64Array): Bag {
  const weights = new Array<number>(ids.length);
  let norm = 0;
  for (let k = 0; k < ids.length; k++) {
    const y = counts[k] * idf[ids[k]];
    weights[k] = y;
    norm += y * y;
  }
  return { ids, weights, norm: Math.sqrt(norm) };
}

/** The bag's weights by word id, in `into` (zeros elsewhere). */
function spread(b: Bag, into: Float64Array): Float64Array {
  for (let k = 0; k < b.ids.length; k++) into[b.ids[k]] = b.weights[k];
  return into;
}
function unspread(b: Bag, into: Float64Array): void {
  for (const id of b.ids) into[id] = 0;
}

/** Cosine of two bags; `dense(b)` gives b's weights by id. Walks the smaller bag, like a map join. */
function cosine(a: Bag, b: Bag, denseA: () => Float64Array, denseB: () => Float64Array): number {
  if (!a.norm || !b.norm) return 0;
  const aSmall = a.ids.length <= b.ids.length;
  const small = aSmall ? a : b;
  const large = aSmall ? denseB() : denseA();
  let dot = 0;
  for (let k = 0; k < small.ids.length; k++) {
    const y = large[small.ids[k]];
    if (y) dot += small.weights[k] * y;
  }
  if (!aSmall) unspread(a, large);
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
  const ws = sentences.map((s) => contentWords(text, s.start, s.end));
  const dict = new Map<string, number>();
  const titleWords = contentWords(title);
  const slot = new Int32Array(ws.reduce((n, w) => n + w.length, titleWords.length)).fill(-1);
  const bags = ws.map((w) => count(w, dict, slot));
  // ids 0..docWords-1 are the article's words in order of first occurrence (the article's bag)
  const docWords = dict.size;
  const titleBag = count(titleWords, dict, slot);
  // sentence frequency as idf: words in every sentence carry no signal; title-only words weigh 1
  const sf = new Float64Array(dict.size);
  const total = new Float64Array(docWords);
  for (const v of bags) {
    for (let k = 0; k < v.ids.length; k++) {
      sf[v.ids[k]]++;
      total[v.ids[k]] += v.counts[k];
    }
  }
  const idf = new Float64Array(dict.size).fill(1);
  for (let id = 0; id < docWords; id++) idf[id] = Math.log(1 + sentences.length / sf[id]);
  const wv = bags.map((v) => weigh(v.ids, v.counts, idf));
  const docIds = new Array<number>(docWords);
  for (let id = 0; id < docWords; id++) docIds[id] = id;
  const wdoc = weigh(docIds, total, idf);
  const head = weigh(titleBag.ids, titleBag.counts, idf);
  const scratch = new Float64Array(dict.size);
  const docDense = spread(wdoc, new Float64Array(dict.size));
  const headDense = spread(head, new Float64Array(dict.size));
  const base = wv.map((v, i) => {
    if (ws[i].length < 3) return Number.NEGATIVE_INFINITY;
    const pos = 1 / Math.sqrt(1 + i);
    const dense = () => spread(v, scratch);
    const score =
      o.position * pos +
      o.centrality * cosine(v, wdoc, dense, () => docDense) +
      (head.norm ? o.headline * cosine(v, head, dense, () => headDense) : 0);
    return score * lengthPrior(ws[i].length);
  });
  // the chosen points by id, for the redundancy of the others
  const chosenDense = new Map<number, Float64Array>();
  const chosen: number[] = [];
  const limit = Math.min(o.count, sentences.length);
  while (chosen.length < limit) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < sentences.length; i++) {
      if (chosen.includes(i) || base[i] === Number.NEGATIVE_INFINITY) continue;
      let redundancy = 0;
      for (const j of chosen) {
        const dense = chosenDense.get(j) as Float64Array;
        redundancy = Math.max(
          redundancy,
          cosine(
            wv[i],
            wv[j],
            () => spread(wv[i], scratch),
            () => dense,
          ),
        );
      }
      const mmr = o.lambda * base[i] - (1 - o.lambda) * redundancy;
      if (mmr > bestScore) {
        bestScore = mmr;
        best = i;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    chosenDense.set(best, spread(wv[best], new Float64Array(dict.size)));
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
