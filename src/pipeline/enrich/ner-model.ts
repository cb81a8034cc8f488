/**
 * The averaged-perceptron entity tagger at run time: weights per (feature, tag), greedy left-to-right
 * decoding with the previous two tags as features (an I-X after O starts a new name).
 * File format (gzipped JSON): { tags, scale, features: string[], weights: base64 Int16 [feature][tag] }.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  AROUND,
  cachedShape,
  type DocEvidence,
  type FeatureContext,
  SELF,
  SHAPES,
  sentenceFeatures,
  wordAt,
} from './ner-features.js';

export interface NerModelFile {
  version: 1;
  tags: string[];
  scale: number;
  features: string[];
  weights: string;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
// Copied once: the hot loop should not go through module bindings.
const N_SELF = SELF.length;
const N_AROUND = AROUND.length;
const OFFSETS = AROUND.map(([, off]) => off);
function fold(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}
/** fold() over the parts of a feature name, without building the name. */
function foldParts(seed: number, a: string, b?: string, c?: string, d?: string, e?: string): number {
  let h = fold(seed, a);
  if (b === undefined) return h;
  h = fold(h, b);
  if (c === undefined) return h;
  h = fold(h, c);
  if (d === undefined) return h;
  h = fold(h, d);
  return e === undefined ? h : fold(h, e);
}
/** 32-bit FNV-1a of a feature name; folding its parts one after another gives the same value. */
export function featureHash(name: string): number {
  return fold(FNV_OFFSET, name);
}
// Hashes of the constant prefixes, so a new word costs one fold per feature.
const SELF_SEEDS = SELF.map(([prefix]) => featureHash(prefix));
const AROUND_SEEDS = AROUND.map(([prefix]) => featureHash(prefix));

/** Slot of a hash in the table (murmur3 finaliser: FNV's low bits cluster for similar names). */
function slot(h: number, mask: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) & mask;
}

interface WordInfo {
  lower: string;
  entry: Int32Array;
  shape: string;
  shapeRows: Int32Array;
  wRow: number;
  t1s: Int32Array;
}

export class NerModel {
  readonly tags: string[];
  /** quantised weights as shipped (one scale for all, so the best tag is the same): half the memory of floats */
  private readonly weights: Int16Array;
  /** open addressing, key and value side by side (one cache line per probe): [hash, weight row + 1 (0 = empty)] */
  private readonly table: Int32Array;
  private readonly mask: number;
  private scores = new Float64Array(0);

  /** rows of the tag features: t1 by previous tag, t2 by (tag before, previous tag) */
  private readonly t1Rows: Int32Array;
  private readonly biasRow: number;
  /** hash of "t1w=<tag>|" per tag */
  private readonly t1wSeeds: Int32Array;
  private readonly t2Rows: Int32Array;
  /** rows of t1s by shape, one per previous tag */
  private readonly t1sRows = new Map<string, Int32Array>();

  constructor(tags: string[], features: string[], weights: Int16Array) {
    this.tags = tags;
    this.weights = weights;
    let size = 1024;
    while (size < features.length * 2) size *= 2;
    const table = new Int32Array(size * 2);
    this.table = table;
    this.mask = size - 1;
    for (let f = 0; f < features.length; f++) {
      const h = featureHash(features[f]);
      let i = slot(h, this.mask);
      while (table[2 * i + 1] !== 0 && table[2 * i] !== h) i = (i + 1) & this.mask;
      if (table[2 * i + 1] !== 0) continue; // a 32-bit collision: keep the first
      table[2 * i] = h;
      table[2 * i + 1] = f * tags.length + 1;
    }
    const nt = tags.length;
    this.biasRow = this.row(featureHash('b'));
    this.t1wSeeds = Int32Array.from(tags, (t) => featureHash(`t1w=${t}|`));
    this.t1Rows = Int32Array.from(tags, (t) => this.row(featureHash(`t1=${t}`)));
    // index nt of the tag before stands for the sentence start
    this.t2Rows = new Int32Array((nt + 1) * nt);
    for (let a = 0; a <= nt; a++) {
      for (let b = 0; b < nt; b++)
        this.t2Rows[a * nt + b] = this.row(featureHash(`t2=${a < nt ? tags[a] : '<s>'}|${tags[b]}`));
    }
  }

  private t1s(shp: string): Int32Array {
    let rows = this.t1sRows.get(shp);
    if (!rows) {
      rows = Int32Array.from(this.tags, (t) => this.row(featureHash(`t1s=${t}|${shp}`)));
      this.t1sRows.set(shp, rows);
    }
    return rows;
  }

  get featureCount(): number {
    return this.weights.length / this.tags.length;
  }

  /** Weight row of the feature with hash h, or -1. */
  private row(h: number): number {
    const table = this.table;
    const mask = this.mask;
    let i = slot(h, mask);
    for (;;) {
      const r = table[2 * i + 1];
      if (r === 0) return -1;
      if (table[2 * i] === h) return r - 1;
      i = (i + 1) & mask;
    }
  }

  private addRow(row: number, at: number): void {
    if (row < 0) return;
    for (let t = 0; t < this.tags.length; t++) this.scores[at + t] += this.weights[row + t];
  }

  private add(h: number, at: number): void {
    this.addRow(this.row(h), at);
  }

  /** Per lower-cased word: rows of its SELF features, then of the AROUND features naming it. */
  private readonly entries = new Map<string, Int32Array>();
  /**
   * Summed weights of each cached word's SELF features plus the bias, one vector per word, so a
   * token adds one vector instead of seven rows. e[0] of the word's entry is its offset here.
   */
  private selfPool = new Int32Array(0);
  private selfUsed = 0;

  private entry(w: string): Int32Array {
    let e = this.entries.get(w);
    if (e === undefined) {
      const nt = this.tags.length;
      // [self vector offset], AROUND rows, then t1w rows (one per previous tag)
      e = new Int32Array(1 + N_AROUND + nt);
      if (this.selfUsed + nt > this.selfPool.length) {
        const grown = new Int32Array(Math.max(1024 * nt, this.selfPool.length * 2));
        grown.set(this.selfPool.subarray(0, this.selfUsed));
        this.selfPool = grown;
      }
      const at = this.selfUsed;
      this.selfUsed += nt;
      this.selfPool.fill(0, at, at + nt);
      const add = (row: number) => {
        if (row >= 0) for (let t = 0; t < nt; t++) this.selfPool[at + t] += this.weights[row + t];
      };
      add(this.biasRow);
      for (let k = 0; k < N_SELF; k++) {
        const part = SELF[k][1](w);
        if (part !== null) add(this.row(fold(SELF_SEEDS[k], part)));
      }
      e[0] = at;
      for (let k = 0; k < N_AROUND; k++) e[1 + k] = this.row(fold(AROUND_SEEDS[k], w));
      for (let t = 0; t < nt; t++) e[1 + N_AROUND + t] = this.row(fold(this.t1wSeeds[t], w));
      this.entries.set(w, e);
    }
    return e;
  }

  /** Per shape: rows of the SHAPES features naming it, plain then capitals-sentence variants. */
  private readonly shapeCache = new Map<string, Int32Array>();
  private shapeRows(shp: string): Int32Array {
    let rows = this.shapeCache.get(shp);
    if (rows === undefined) {
      if (this.shapeCache.size > 50_000) this.shapeCache.clear();
      rows = new Int32Array(6);
      for (let k = 0; k < 3; k++) {
        rows[k] = this.row(featureHash(SHAPES[k][0] + shp));
        rows[3 + k] = this.row(featureHash(SHAPES[k][1] + shp));
      }
      this.shapeCache.set(shp, rows);
    }
    return rows;
  }

  /** Rows of "s=" features (shape before, |shape|, shape after) by part: few shapes, so nearly all hit. */
  private readonly tripleCache = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  private tripleSize = 0;
  private shapeTriple(a: string, c: string, d: string, e: string): number {
    let byPrev = this.tripleCache.get(a); // "S" or "S^"
    if (byPrev === undefined) {
      byPrev = new Map();
      this.tripleCache.set(a, byPrev);
    }
    let byMid = byPrev.get(c);
    if (byMid === undefined) {
      byMid = new Map();
      byPrev.set(c, byMid);
    }
    let byNext = byMid.get(d);
    if (byNext === undefined) {
      byNext = new Map();
      byMid.set(d, byNext);
    }
    let row = byNext.get(e);
    if (row === undefined) {
      if (++this.tripleSize > 200_000) {
        this.tripleCache.clear();
        this.tripleSize = 0;
      }
      row = this.row(foldParts(FNV_OFFSET, a, 's=', c, d, e));
      byNext.set(e, row);
    }
    return row;
  }

  /** Rows of two-part features ("w=" + word) by part: words recur, so most cost two Map lookups. */
  private readonly rowCache = new Map<string, Map<string, number>>();
  private cachedSize = 0;
  private cachedRow(a: string, b: string): number {
    let byWord = this.rowCache.get(a);
    if (!byWord) {
      byWord = new Map();
      this.rowCache.set(a, byWord);
    }
    let row = byWord.get(b);
    if (row === undefined) {
      if (++this.cachedSize > 1_000_000) {
        for (const m of this.rowCache.values()) m.clear();
        this.cachedSize = 0;
      }
      row = this.row(fold(fold(FNV_OFFSET, a), b));
      byWord.set(b, row);
    }
    return row;
  }

  /**
   * What one word (as written) looks up: one map lookup per token instead of one per cache. Cleared
   * with `entries` (its self vectors live in their pool) and when it grows large.
   */
  private docWords = new Map<string, WordInfo>();

  private wordInfo(w: string): WordInfo {
    let info = this.docWords.get(w);
    if (info === undefined) {
      const lower = w.toLowerCase();
      const shp = cachedShape(w);
      info = {
        lower,
        entry: this.entry(lower),
        shape: shp,
        shapeRows: this.shapeRows(shp),
        wRow: this.cachedRow('W=', w),
        t1s: this.t1s(shp),
      };
      this.docWords.set(w, info);
    }
    return info;
  }

  /** Tags one sentence: static features (ner-features.ts) hashed straight into scores, then greedy. */
  tag(words: readonly string[], ctx: FeatureContext, doc: DocEvidence | null): string[] {
    const nt = this.tags.length;
    const n = words.length;
    if (this.scores.length < words.length * nt) this.scores = new Float64Array(words.length * nt * 2);
    this.scores.fill(0, 0, words.length * nt);
    // Caches are bounded; they are cleared only here, before the sentence, so no entry fetched for
    // it can lose its self vector (the pool is reused) while it is being tagged.
    if (this.entries.size + n + 2 > 200_000) {
      this.entries.clear();
      this.docWords.clear();
      this.selfUsed = 0;
    } else if (this.docWords.size + n > 150_000) this.docWords.clear();
    let at = 0;
    let cur = 0;
    const infos = new Array<WordInfo>(n);
    const lower = new Array<string>(n);
    const shapes = new Array<string>(n);
    // entries of the words, with two sentence-boundary entries either side (AROUND reaches +-2)
    const start = this.entry('<s>');
    const end = this.entry('</s>');
    const ents = new Array<Int32Array>(n + 4);
    ents[0] = start;
    ents[1] = start;
    ents[n + 2] = end;
    ents[n + 3] = end;
    for (let i = 0; i < n; i++) {
      const info = this.wordInfo(words[i]);
      infos[i] = info;
      lower[i] = info.lower;
      shapes[i] = info.shape;
      ents[i + 2] = info.entry;
    }
    sentenceFeatures(
      words,
      ctx,
      doc,
      {
        token: (i) => {
          at = i * nt;
          cur = i;
        },
        lexical: (_lower, i) => {
          const from = ents[i + 2][0];
          const pool = this.selfPool;
          for (let t = 0; t < nt; t++) this.scores[at + t] += pool[from + t];
          for (let k = 0; k < N_AROUND; k++) this.addRow(ents[i + 2 + OFFSETS[k]][1 + k], at);
        },
        shaped: (shapes, i, caps) => {
          const base = caps ? 3 : 0;
          this.addRow(infos[i].shapeRows[base], at);
          for (let k = 1; k < 3; k++) {
            const j = i + SHAPES[k][2];
            const rows = j >= 0 && j < n ? infos[j].shapeRows : this.shapeRows(wordAt(shapes, j));
            this.addRow(rows[base + k], at);
          }
        },
        f: (a, b, c, d, e) => {
          if (b === undefined && a === 'b') return; // the bias is in every word's self vector
          if (a === 'W=' && c === undefined) this.addRow(infos[cur].wRow, at);
          else if (b !== undefined && c === undefined) this.addRow(this.cachedRow(a, b), at);
          else if (b === 's=' && d !== undefined && e !== undefined) this.addRow(this.shapeTriple(a, c as string, d, e), at);
          else this.add(foldParts(FNV_OFFSET, a, b, c, d, e), at);
        },
      },
      lower,
      shapes,
    );
    const out: string[] = [];
    const O = this.tags.indexOf('O');
    let prev = O;
    let prev2 = nt; // sentence start
    for (let i = 0; i < words.length; i++) {
      at = i * nt;
      this.addRow(this.t1Rows[prev], at);
      this.addRow(this.t2Rows[prev2 * nt + prev], at);
      this.addRow(ents[i + 2][1 + N_AROUND + prev], at);
      this.addRow(infos[i].t1s[prev], at);
      let best = 0;
      for (let t = 1; t < nt; t++) if (this.scores[at + t] > this.scores[at + best]) best = t;
      prev2 = prev;
      prev = best;
      out.push(this.tags[best]);
    }
    return out;
  }

  static fromFile(path: string | URL): NerModel {
    return NerModel.fromData(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as NerModelFile);
  }

  static fromData(data: NerModelFile): NerModel {
    if (data.version !== 1 || !Array.isArray(data.tags) || !Array.isArray(data.features)) {
      throw new Error('ner model: unsupported file');
    }
    const buf = Buffer.from(data.weights, 'base64');
    const q = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength >> 1);
    if (q.length !== data.features.length * data.tags.length) throw new Error('ner model: weight count');
    return new NerModel(data.tags, data.features, Int16Array.from(q));
  }
}

/** Quantises weights to 16 bits and gzips; features whose weights all round to 0 are dropped. */
export function encodeModel(
  tags: string[],
  features: string[],
  weights: Float32Array | Float64Array,
): Buffer {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? 32000 / max : 1;
  const keptNames: string[] = [];
  const kept: number[] = [];
  const n = tags.length;
  for (let f = 0; f < features.length; f++) {
    let any = false;
    for (let t = 0; t < n; t++) if (Math.round(weights[f * n + t] * scale) !== 0) any = true;
    if (!any) continue;
    keptNames.push(features[f]);
    for (let t = 0; t < n; t++) kept.push(Math.round(weights[f * n + t] * scale));
  }
  const q = Int16Array.from(kept);
  const file: NerModelFile = {
    version: 1,
    tags,
    scale,
    features: keptNames,
    weights: Buffer.from(q.buffer).toString('base64'),
  };
  return gzipSync(JSON.stringify(file), { level: 9 });
}
