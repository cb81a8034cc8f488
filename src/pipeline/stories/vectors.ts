// Sparse vectors over interned term ids, and the online document frequencies behind their IDF
// weights. Terms are strings only until they are weighed: from there on every vector, centroid
// and index key is a small integer, so scoring and retrieval hash numbers, not strings.
import { eventDate, nameCounts, numberCounts, termCounts } from './text.js';

/** A centroid: term id -> weight. */
export type Sparse = Map<number, number>;

interface Term {
  id: number;
  df: number;
}

/**
 * Document frequencies learned from the stream itself, and the term ids. Bounded: when the
 * vocabulary outgrows `maxTerms`, terms seen in at most one document are forgotten (they carry
 * no similarity anyway). Ids are never reused, so a centroid never meets a recycled id.
 */
export class DocumentFrequency {
  n = 0;
  private readonly terms = new Map<string, Term>();
  private nextId = 0;
  constructor(private readonly maxTerms = 400_000) {}

  get size(): number {
    return this.terms.size;
  }

  /** The term's entry (created with no documents when new): one lookup for id and count. */
  entry(key: string): Term {
    let term = this.terms.get(key);
    if (term === undefined) {
      term = { id: this.nextId++, df: 0 };
      this.terms.set(key, term);
    }
    return term;
  }

  /** IDF of a count of documents, against the documents seen so far. */
  idfOf(df: number): number {
    return this.logN1() - logPlusOne(df) + 1;
  }

  /** Closes a document whose terms were counted in. */
  endDocument(): void {
    this.n++;
    if (this.terms.size > this.maxTerms) {
      for (const [key, term] of this.terms) if (term.df <= 1) this.terms.delete(key);
    }
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

// log(1 + x) from a table for the common small counts: one logarithm fewer per term and article
const LOG_TABLE = Float64Array.from({ length: 4096 }, (_, i) => Math.log(i + 1));
function logPlusOne(count: number): number {
  return count < LOG_TABLE.length ? LOG_TABLE[count] : Math.log(count + 1);
}

/** What the clusterer keeps of an article: term, headline, name and number counts. */
export interface DocFeatures {
  body: Map<string, number>;
  title: Map<string, number>;
  names: Map<string, number>;
  numbers: Map<string, number>;
  /** the latest year the article names (see eventDate), or null */
  year: number | null;
  /** weekdays the article names (bit set, Monday = 1) */
  days: number;
  /** calendar days the article names (see calendarDay) */
  dates: number[];
  /** epoch ms, or null when the article has no date */
  time: number | null;
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
  const full = `${title}\n${lead}`;
  const names = nameCounts(`${title}.\n${lead}`, NAME_PREFIX);
  for (const entity of entities ?? []) {
    const key = NAME_PREFIX + entity.toLowerCase();
    names.set(key, (names.get(key) ?? 0) + 2);
  }
  const { year, days, dates } = eventDate(full);
  return {
    body: termCounts(full),
    title: termCounts(title),
    names,
    numbers: numberCounts(full),
    year,
    days,
    dates,
    time,
  };
}

/** A weighted article vector: parallel ids and weights, with its norm. */
export interface Weighted {
  ids: number[];
  w: number[];
  norm: number;
}

/**
 * (1 + log tf) · IDF weights of term counts; with `count`, the document's terms are counted
 * into `df` on the way (the IDF is the one from before this document). A long article keeps
 * its `limit` heaviest terms: they carry nearly all of the cosine.
 */
export function weigh(
  counts: Map<string, number>,
  df: DocumentFrequency,
  limit = Number.POSITIVE_INFINITY,
  count = false,
): Weighted {
  const ids: number[] = [];
  const w: number[] = [];
  for (const [key, tf] of counts) {
    const term = df.entry(key);
    const idf = df.idfOf(term.df);
    if (count) term.df++;
    ids.push(term.id);
    w.push((1 + logPlusOne(tf - 1)) * idf);
  }
  if (ids.length > limit) keepHeaviest(ids, w, limit);
  let sum = 0;
  for (const x of w) sum += x * x;
  return { ids, w, norm: Math.sqrt(sum) || 1 };
}

/** Cuts parallel arrays down to their `limit` heaviest entries (ties: lower id first). */
function keepHeaviest(ids: number[], w: number[], limit: number): void {
  const order = ids.map((_, i) => i).sort((a, b) => w[b] - w[a] || ids[a] - ids[b]);
  const keptIds = order.slice(0, limit).map((i) => ids[i]);
  const keptW = order.slice(0, limit).map((i) => w[i]);
  ids.length = limit;
  w.length = limit;
  for (let i = 0; i < limit; i++) {
    ids[i] = keptIds[i];
    w[i] = keptW[i];
  }
}

/** A centroid seen as a query vector. */
export function asWeighted(v: Sparse, norm: number): Weighted {
  return { ids: [...v.keys()], w: [...v.values()], norm };
}

/** Cosine of a weighted vector with a centroid of known norm. */
export function dotCosine(a: Weighted, b: Sparse, bNorm: number): number {
  const { ids, w } = a;
  if (ids.length === 0 || b.size === 0) return 0;
  let dot = 0;
  for (let i = 0; i < ids.length; i++) {
    const y = b.get(ids[i]);
    if (y !== undefined) dot += w[i] * y;
  }
  return dot / (a.norm * (bNorm || 1));
}

export function norm(v: Sparse): number {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  return Math.sqrt(sum) || 1;
}

/** target += scale * source */
export function addWeighted(target: Sparse, source: Weighted, scale: number): void {
  const { ids, w } = source;
  for (let i = 0; i < ids.length; i++) target.set(ids[i], (target.get(ids[i]) ?? 0) + w[i] * scale);
}

export function scaleInPlace(v: Sparse, factor: number): void {
  for (const [key, w] of v) v.set(key, w * factor);
}

/** Keeps the `limit` heaviest entries (sparse centroids stay small). */
export function prune(v: Sparse, limit: number): Sparse {
  // let the centroid overflow by half before sorting, so a sort happens every few articles
  if (v.size <= limit * 1.5) return v;
  const ranked = [...v].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  return new Map(ranked.slice(0, limit));
}

/** Keeps the `limit` heaviest of (id, weight) offers, heaviest first (ties: lower id first). */
class TopIds {
  readonly ids: number[] = [];
  private readonly w: number[] = [];
  constructor(private readonly limit: number) {}

  offer(id: number, weight: number): void {
    const { ids, w, limit } = this;
    const n = ids.length;
    if (n === limit && (weight < w[n - 1] || (weight === w[n - 1] && id > ids[n - 1]))) return;
    let at = n;
    while (at > 0 && (w[at - 1] < weight || (w[at - 1] === weight && ids[at - 1] > id))) at--;
    ids.splice(at, 0, id);
    w.splice(at, 0, weight);
    if (ids.length > limit) {
      ids.pop();
      w.pop();
    }
  }
}

/** The `limit` heaviest ids of an article vector, heaviest first. */
export function topIds(v: Weighted, limit: number): number[] {
  const top = new TopIds(limit);
  for (let i = 0; i < v.ids.length; i++) top.offer(v.ids[i], v.w[i]);
  return top.ids;
}

/** The `limit` heaviest ids of a centroid, heaviest first. */
export function topKeys(v: Sparse, limit: number): number[] {
  const top = new TopIds(limit);
  for (const [id, w] of v) top.offer(id, w);
  return top.ids;
}
