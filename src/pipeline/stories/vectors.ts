// Sparse vectors and the online document frequencies behind their IDF weights.
import { eventDate, nameCounts, numberCounts, termCounts } from './text.js';

export type Sparse = Map<string, number>;

/**
 * Document frequencies learned from the stream itself. Bounded: when the vocabulary outgrows
 * `maxTerms`, terms seen in only one document are forgotten (they carry no similarity anyway).
 */
export class DocumentFrequency {
  n = 0;
  readonly df = new Map<string, number>();
  constructor(private readonly maxTerms = 400_000) {}

  private forgetRare(): void {
    if (this.df.size <= this.maxTerms) return;
    for (const [key, count] of this.df) if (count <= 1) this.df.delete(key);
  }

  idf(key: string): number {
    return this.logN1() - logPlusOne(this.df.get(key) ?? 0) + 1;
  }

  /** The IDF before the current document, counting the document in (one lookup for both). */
  idfCounting(key: string): number {
    const count = this.df.get(key) ?? 0;
    this.df.set(key, count + 1);
    return this.logN1() - logPlusOne(count) + 1;
  }

  /** Closes a document whose keys were counted with idfCounting. */
  endDocument(): void {
    this.n++;
    this.forgetRare();
  }

  private logN1(): number {
    if (this.logNFor !== this.n) {
      this.logN = Math.log(this.n + 1);
      this.logNFor = this.n;
    }
    return this.logN;
  }
  private logN = 0;
  private logNFor = 0;
}

// log(1 + df) from a table for the common small counts: one logarithm fewer per term and article
const LOG_TABLE = Float64Array.from({ length: 4096 }, (_, i) => Math.log(i + 1));
function logPlusOne(count: number): number {
  return count < LOG_TABLE.length ? LOG_TABLE[count] : Math.log(count + 1);
}

/** What the clusterer keeps of an article: term, headline and name weights (1 + log tf). */
export interface DocFeatures {
  body: Sparse;
  title: Sparse;
  names: Sparse;
  numbers: Sparse;
  /** the year the article's event seems to have happened (see eventDate), or null */
  year: number | null;
  /** weekdays the article names (bit set, Monday = 1) */
  days: number;
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

const MAX_TEXT = 6000;

export function docFeatures(
  title: string,
  text: string,
  time: number | null,
  entities?: string[],
): DocFeatures {
  // the event is in the first screens of an article; a bound keeps long features cheap
  const lead = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const body = logTf(termCounts(`${title}\n${lead}`));
  const counts = nameCounts(`${title}.\n${lead}`);
  for (const entity of entities ?? []) {
    const key = entity.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 2);
  }
  const numbers = logTf(numberCounts(`${title}\n${lead}`));
  const { year, days } = eventDate(`${title}\n${lead}`);
  return {
    body,
    title: logTf(termCounts(title)),
    names: logTf(counts, NAME_PREFIX),
    numbers,
    year,
    days,
    time,
  };
}

/** A vector with its IDF weights applied once and its norm, for scoring against many stories. */
export interface Weighted {
  v: Sparse;
  norm: number;
}

/** IDF-weights a vector; with `count`, the document's keys are counted into `df` on the way. */
export function weigh(
  v: Sparse,
  df: DocumentFrequency,
  limit = Number.POSITIVE_INFINITY,
  count = false,
): Weighted {
  const out: Sparse = new Map();
  let sum = 0;
  if (v.size <= limit) {
    for (const [key, w] of v) {
      const x = w * (count ? df.idfCounting(key) : df.idf(key));
      out.set(key, x);
      sum += x * x;
    }
    return { v: out, norm: Math.sqrt(sum) || 1 };
  }
  // a long article keeps its heaviest terms: they carry nearly all of the cosine
  const entries = [...v].map(([key, w]): [string, number] => [
    key,
    w * (count ? df.idfCounting(key) : df.idf(key)),
  ]);
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (let i = 0; i < limit; i++) {
    out.set(entries[i][0], entries[i][1]);
    sum += entries[i][1] * entries[i][1];
  }
  return { v: out, norm: Math.sqrt(sum) || 1 };
}

/** Cosine of a weighted vector with a centroid of known norm. */
export function dotCosine(a: Weighted, b: Sparse, bNorm: number): number {
  if (a.v.size === 0 || b.size === 0) return 0;
  let dot = 0;
  if (a.v.size <= b.size) {
    for (const [key, x] of a.v) {
      const y = b.get(key);
      if (y !== undefined) dot += x * y;
    }
  } else {
    for (const [key, y] of b) {
      const x = a.v.get(key);
      if (x !== undefined) dot += x * y;
    }
  }
  return dot / (a.norm * (bNorm || 1));
}

export function norm(v: Sparse): number {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  return Math.sqrt(sum) || 1;
}

/** target += scale * source */
export function addScaled(target: Sparse, source: Sparse, scale: number): void {
  for (const [key, w] of source) target.set(key, (target.get(key) ?? 0) + w * scale);
}

export function scaleInPlace(v: Sparse, factor: number): void {
  for (const [key, w] of v) v.set(key, w * factor);
}

/** Keeps the `limit` heaviest entries (sparse centroids stay small). */
export function prune(v: Sparse, limit: number): Sparse {
  // let the centroid overflow by half before sorting, so a sort happens every few articles
  if (v.size <= limit * 1.5) return v;
  const ranked = [...v].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return new Map(ranked.slice(0, limit));
}

/** The `limit` heaviest keys, heaviest first (a small sorted buffer, no full sort). */
export function topKeys(v: Sparse, limit: number): string[] {
  const top: Array<[string, number]> = [];
  for (const [key, w] of v) {
    const last = top[top.length - 1];
    if (top.length === limit && (w < last[1] || (w === last[1] && key > last[0]))) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1][1] < w || (top[at - 1][1] === w && top[at - 1][0] > key))) at--;
    top.splice(at, 0, [key, w]);
    if (top.length > limit) top.pop();
  }
  return top.map(([key]) => key);
}
