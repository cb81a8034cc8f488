// Sparse vectors and the online document frequencies behind their IDF weights.
import { nameCounts, numberCounts, termCounts } from './text.js';

export type Sparse = Map<string, number>;

/**
 * Document frequencies learned from the stream itself. Bounded: when the vocabulary outgrows
 * `maxTerms`, terms seen in only one document are forgotten (they carry no similarity anyway).
 */
export class DocumentFrequency {
  n = 0;
  readonly df = new Map<string, number>();
  constructor(private readonly maxTerms = 400_000) {}

  add(keys: Iterable<string>): void {
    this.n++;
    for (const key of keys) this.df.set(key, (this.df.get(key) ?? 0) + 1);
    if (this.df.size > this.maxTerms) {
      for (const [key, count] of this.df) if (count <= 1) this.df.delete(key);
    }
  }

  // IDF values are cached until the next document changes the counts: scoring one article
  // looks up the same keys against many stories.
  private readonly cache = new Map<string, number>();
  private cacheN = 0;

  idf(key: string): number {
    if (this.n !== this.cacheN) {
      this.cache.clear();
      this.cacheN = this.n;
    }
    let idf = this.cache.get(key);
    if (idf === undefined) {
      idf = Math.log((this.n + 1) / ((this.df.get(key) ?? 0) + 1)) + 1;
      this.cache.set(key, idf);
    }
    return idf;
  }
}

/** What the clusterer keeps of an article: term, headline and name weights (1 + log tf). */
export interface DocFeatures {
  body: Sparse;
  title: Sparse;
  names: Sparse;
  numbers: Sparse;
  /** epoch ms, or null when the article has no date */
  time: number | null;
}

function logTf(counts: Map<string, number>, prefix = ''): Sparse {
  const out: Sparse = new Map();
  for (const [key, count] of counts) out.set(prefix + key, 1 + Math.log(count));
  return out;
}

/** Name keys carry a prefix so they share the DF table with body terms without colliding. */
export const NAME_PREFIX = '@';

export function docFeatures(
  title: string,
  text: string,
  time: number | null,
  entities?: string[],
): DocFeatures {
  const body = logTf(termCounts(`${title}\n${text}`));
  const counts = nameCounts(`${title}.\n${text}`);
  for (const entity of entities ?? []) {
    const key = entity.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 2);
  }
  const numbers = logTf(numberCounts(`${title}\n${text}`));
  return { body, title: logTf(termCounts(title)), names: logTf(counts, NAME_PREFIX), numbers, time };
}

/** A vector with its IDF weights applied once and its norm, for scoring against many stories. */
export interface Weighted {
  v: Sparse;
  norm: number;
}

export function weigh(v: Sparse, df: DocumentFrequency): Weighted {
  const out: Sparse = new Map();
  let sum = 0;
  for (const [key, w] of v) {
    const x = w * df.idf(key);
    out.set(key, x);
    sum += x * x;
  }
  return { v: out, norm: Math.sqrt(sum) || 1 };
}

/** Cosine of an IDF-weighted vector with a raw-weight centroid whose IDF norm is known. */
export function weightedCosine(a: Weighted, b: Sparse, bNorm: number, df: DocumentFrequency): number {
  if (a.v.size === 0 || b.size === 0) return 0;
  let dot = 0;
  if (a.v.size <= b.size) {
    for (const [key, x] of a.v) {
      const w = b.get(key);
      if (w !== undefined) dot += x * w * df.idf(key);
    }
  } else {
    for (const [key, w] of b) {
      const x = a.v.get(key);
      if (x !== undefined) dot += x * w * df.idf(key);
    }
  }
  return dot / (a.norm * bNorm);
}

/** Cosine of two raw-weight vectors after IDF weighting; `bNorm` may be given when cached. */
export function idfCosine(a: Sparse, b: Sparse, df: DocumentFrequency, bNorm?: number): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, w] of small) {
    const v = large.get(key);
    if (v !== undefined) {
      const idf = df.idf(key);
      dot += w * v * idf * idf;
    }
  }
  if (dot === 0) return 0;
  return dot / (idfNorm(a, df) * (bNorm ?? idfNorm(b, df)));
}

export function idfNorm(v: Sparse, df: DocumentFrequency): number {
  let sum = 0;
  for (const [key, w] of v) {
    const x = w * df.idf(key);
    sum += x * x;
  }
  return Math.sqrt(sum) || 1;
}

/** target += scale * source */
export function addScaled(target: Sparse, source: Sparse, scale: number): void {
  for (const [key, w] of source) target.set(key, (target.get(key) ?? 0) + w * scale);
}

export function scaleInPlace(v: Sparse, factor: number): void {
  for (const [key, w] of v) v.set(key, w * factor);
}

/** Keeps the `limit` heaviest entries by IDF-weighted value (sparse centroids stay small). */
export function prune(v: Sparse, limit: number, df: DocumentFrequency): Sparse {
  // let the centroid overflow by half before sorting, so a sort happens every few articles
  if (v.size <= limit * 1.5) return v;
  const ranked = [...v].map(([key, w]) => [key, w, w * df.idf(key)] as const);
  ranked.sort((x, y) => y[2] - x[2] || (x[0] < y[0] ? -1 : 1));
  return new Map(ranked.slice(0, limit).map(([key, w]) => [key, w]));
}

/** The `limit` keys with the highest IDF-weighted value, heaviest first. */
export function topKeys(v: Sparse, limit: number, df: DocumentFrequency): string[] {
  const ranked = [...v].map(([key, w]) => [key, w * df.idf(key)] as const);
  ranked.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return ranked.slice(0, limit).map(([key]) => key);
}
