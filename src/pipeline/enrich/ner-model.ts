/**
 * The averaged-perceptron entity tagger at run time: weights per (feature, tag), greedy left-to-right
 * decoding with the previous two tags as features (an I-X after O starts a new name).
 * File format (gzipped JSON): { tags, scale, features: string[], weights: base64 Int16 [feature][tag] }.
 *
 * Speed: the features are those of ner-features.ts, hashed (FNV-1a) into an open-addressing table
 * instead of named. Everything that depends on one word alone (its affixes, its shape, its role as a
 * neighbour) is summed once per word into contiguous vectors that stay cached across documents, so
 * a token adds five vectors that sit side by side in memory plus a few hashed rows.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FirstWord, Gazetteer } from './gazetteer.js';
import {
  AROUND,
  cachedShape,
  capsKind,
  countsAsTitle,
  type DocEvidence,
  docFlags,
  docKey,
  EVIDENCE_LOWER,
  EVIDENCE_TITLE,
  evidenceKind,
  type FeatureContext,
  gazetteerTags,
  isCapsCount,
  isCapsSentence,
  PREFIX,
  SELF,
  SHAPES,
} from './ner-features.js';

export interface NerModelFile {
  version: 1;
  tags: string[];
  scale: number;
  features: string[];
  weights: string;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
function fold(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}
/** 32-bit FNV-1a of a feature name; folding its parts one after another gives the same value. */
export function featureHash(name: string): number {
  return fold(FNV_OFFSET, name);
}

/** A hash with its bits mixed (murmur3 finaliser: FNV's low bits cluster for similar names). */
function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/**
 * Bits of the word-pair filter: 64 KB, small enough to stay in cache. Most pairs of a text are not
 * in the model (about 85%); the filter rejects nearly all of them without a probe into the table.
 */
const PAIR_FILTER_BITS = 19;

const START = '<s>';
const END = '</s>';
/** Neighbour offsets that have a vector of their own in a word's block. */
const OFFSETS = [-2, -1, 1, 2] as const;
/**
 * Layout of a word's block in the pool, in vectors of one weight per tag: the word itself, then the
 * word as the neighbour at each of OFFSETS, for a plain sentence, then the same for a capitals one
 * (so the five vectors one sentence reads are side by side), then its t1w rows (one per previous
 * tag; -1 when absent).
 */
const ROLES = 1 + OFFSETS.length;
const SELF_VEC = (caps: number) => caps * ROLES;
const NEIGHBOUR_VEC = (k: number, caps: number) => caps * ROLES + 1 + k;
const T1W_VEC = 2 * ROLES;
const BLOCK_VECS = T1W_VEC + 1;

/** The shipped model's tag count (O, and B-/I- of PER, ORG, LOC), whose score adds are unrolled. */
const UNROLLED_TAGS = 7;
/** Bounds of the caches kept across documents (checked between sentences). */
const MAX_WORDS = 100_000;
/** also keeps the "s=" keys (shape id before, after, capitals) below 2^30, small integers for V8 */
const MAX_SHAPES = 20_000;
const MAX_TRIPLES = 200_000;

/** What the tagger keeps per shape: its id (for the s= cache) and its rows. */
interface ShapeInfo {
  text: string;
  id: number;
  /** row of "first|shape" */
  first: number;
  /** rows of "d=" with the shape as where, by document flags */
  doc: Int32Array;
  /** rows of "t1s=<tag>|shape" by previous tag */
  t1s: Int32Array;
  /** weights of its SHAPES features, laid out like the first vectors of a word block */
  roles: Int32Array;
  /** rows of "s=" with this shape in the middle, by (shape before, shape after, capitals): small-integer keys */
  triples: Map<number, number>;
}

/** What the tagger keeps per word as written. */
interface WordInfo {
  lower: string;
  shape: ShapeInfo;
  /** offset of the word's block in the pool */
  at: number;
  /** hash of "ww-1=<lower>|" and of "ww+1=<lower>|": the pair features fold the next word onto them */
  pairBefore: number;
  pairAfter: number;
  /** ids (among the keys of document evidence) of `lower` and of the word as written (when it counts) */
  lowerKey: number;
  writtenKey: number;
  /** evidenceKind() and capsKind() of the word as written */
  evidence: number;
  caps: number;
  /** Gazetteer#firstWord(lower) for the gazetteer the cache is for */
  gazetteerFirst: FirstWord | null;
}

export class NerModel {
  readonly tags: string[];
  private readonly tagCount: number;
  /** quantised weights as shipped (one scale for all, so the best tag is the same): half the memory of floats */
  private readonly weights: Int16Array;
  /** open addressing, key and value side by side (one cache line per probe): [hash, weight row + 1 (0 = empty)] */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** one bit per mixed hash (top bits) of the "ww-1=" and "ww+1=" features */
  private readonly pairFilter = new Int32Array((1 << PAIR_FILTER_BITS) >>> 5);
  private readonly biasRow: number;
  /** rows of the tag features: t1 by previous tag, t2 by (tag before, previous tag) */
  private readonly t1Rows: Int32Array;
  /** index tags.length of the tag before stands for the sentence start */
  private readonly t2Rows: Int32Array;
  /** rows of "d=" in a capitals sentence and on a sentence's first token, by document flags */
  private readonly docCaps: Int32Array;
  private readonly docFirst: Int32Array;
  private readonly outside: number;
  /** hashes of the constant name prefixes of the word features */
  private readonly seeds: {
    self: number[];
    around: number[];
    word: number;
    pairBefore: number;
    pairAfter: number;
    /** "t1w=<tag>|" by previous tag */
    t1w: number[];
  };

  /** word blocks (see BLOCK_VECS), summed weights per tag */
  private pool = new Int32Array(0);
  private poolUsed = 0;
  private readonly words = new Map<string, WordInfo>();
  private readonly shapes = new Map<string, ShapeInfo>();
  /** words as written and lower-cased, numbered, so a document's evidence is an array by key */
  private readonly keys = new Map<string, number>();
  /** document flags (docFlags) by key during tagDocument, zero otherwise */
  private marks = new Uint8Array(0);
  /** the gazetteer of the cached words' gazetteerFirst */
  private gazetteer: Gazetteer | null = null;
  /** how many "s=" rows the shapes hold */
  private triples = 0;
  private start!: WordInfo;
  private end!: WordInfo;
  private scores = new Int32Array(0);

  constructor(tags: string[], features: string[], weights: Int16Array) {
    this.tags = tags;
    this.tagCount = tags.length;
    this.weights = weights;
    let size = 1024;
    while (size < features.length * 2) size *= 2;
    const table = new Int32Array(size * 2);
    this.table = table;
    this.mask = size - 1;
    for (let f = 0; f < features.length; f++) {
      const h = featureHash(features[f]);
      let i = mix(h) & this.mask;
      while (table[2 * i + 1] !== 0 && table[2 * i] !== h) i = (i + 1) & this.mask;
      if (table[2 * i + 1] !== 0) continue; // a 32-bit collision: keep the first
      table[2 * i] = h;
      table[2 * i + 1] = f * tags.length + 1;
      if (features[f].startsWith(PREFIX.pairBefore) || features[f].startsWith(PREFIX.pairAfter)) {
        const bit = mix(h) >>> (32 - PAIR_FILTER_BITS);
        this.pairFilter[bit >>> 5] |= 1 << (bit & 31);
      }
    }
    const nt = tags.length;
    this.outside = Math.max(0, tags.indexOf('O'));
    this.seeds = {
      self: SELF.map(([prefix]) => featureHash(prefix)),
      around: AROUND.map(([prefix]) => featureHash(prefix)),
      word: featureHash(PREFIX.word),
      pairBefore: featureHash(PREFIX.pairBefore),
      pairAfter: featureHash(PREFIX.pairAfter),
      t1w: tags.map((t) => featureHash(`t1w=${t}|`)),
    };
    this.biasRow = this.rowOf(PREFIX.bias);
    this.t1Rows = Int32Array.from(tags, (t) => this.rowOf(`t1=${t}`));
    this.t2Rows = new Int32Array((nt + 1) * nt);
    for (let a = 0; a <= nt; a++) {
      for (let b = 0; b < nt; b++)
        this.t2Rows[a * nt + b] = this.rowOf(`t2=${a < nt ? tags[a] : START}|${tags[b]}`);
    }
    this.docCaps = this.docRows('c');
    this.docFirst = this.docRows('f');
    this.reset();
  }

  get featureCount(): number {
    return this.weights.length / this.tags.length;
  }

  /** Weight row of the feature with hash h, or -1. */
  private row(h: number): number {
    const table = this.table;
    const mask = this.mask;
    let i = mix(h) & mask;
    for (;;) {
      const r = table[2 * i + 1];
      if (r === 0) return -1;
      if (table[2 * i] === h) return r - 1;
      i = (i + 1) & mask;
    }
  }

  /** Row of a word-pair feature by its hash, or -1: the filter first, the table only if it may be there. */
  private pairRow(h: number): number {
    const bit = mix(h) >>> (32 - PAIR_FILTER_BITS);
    return (this.pairFilter[bit >>> 5] & (1 << (bit & 31))) === 0 ? -1 : this.row(h);
  }

  private rowOf(name: string): number {
    return this.row(featureHash(name));
  }

  private docRows(where: string): Int32Array {
    return Int32Array.from([0, 1, 2, 3], (flags) => this.rowOf(PREFIX.doc + docKey(flags, where)));
  }

  /** Empties the caches kept across documents; only between sentences (blocks live in the pool). */
  private reset(): void {
    this.words.clear();
    this.shapes.clear();
    this.keys.clear();
    this.triples = 0;
    this.poolUsed = 0;
    this.start = this.block(START, START, START);
    this.end = this.block(END, END, END);
  }

  private shapeInfo(text: string): ShapeInfo {
    let info = this.shapes.get(text);
    if (info === undefined) {
      info = {
        text,
        id: this.shapes.size,
        first: this.rowOf(PREFIX.first + text),
        doc: this.docRows(text),
        t1s: Int32Array.from(this.tags, (t) => this.rowOf(`t1s=${t}|${text}`)),
        roles: this.shapeRoles(text),
        triples: new Map(),
      };
      this.shapes.set(text, info);
    }
    return info;
  }

  private shapeRoles(shape: string): Int32Array {
    const nt = this.tags.length;
    const roles = new Int32Array(2 * ROLES * nt);
    const add = (vec: number, row: number) => {
      if (row >= 0) for (let t = 0; t < nt; t++) roles[vec * nt + t] += this.weights[row + t];
    };
    for (const [prefix, capsPrefix, offset] of SHAPES) {
      const k = OFFSETS.indexOf(offset as (typeof OFFSETS)[number]);
      add(k < 0 ? SELF_VEC(0) : NEIGHBOUR_VEC(k, 0), this.rowOf(prefix + shape));
      add(k < 0 ? SELF_VEC(1) : NEIGHBOUR_VEC(k, 1), this.rowOf(capsPrefix + shape));
    }
    return roles;
  }

  private word(written: string): WordInfo {
    let info = this.words.get(written);
    if (info === undefined) {
      info = this.block(written, written.toLowerCase(), cachedShape(written));
      this.words.set(written, info);
    }
    return info;
  }

  /** Sums a word's features into a new block of the pool (layout at BLOCK_VECS). */
  private block(written: string, lower: string, shape: string): WordInfo {
    const nt = this.tags.length;
    const need = BLOCK_VECS * nt;
    if (this.poolUsed + need > this.pool.length) {
      const grown = new Int32Array(Math.max(1024 * need, this.pool.length * 2));
      grown.set(this.pool.subarray(0, this.poolUsed));
      this.pool = grown;
    }
    const at = this.poolUsed;
    this.poolUsed += need;
    const pool = this.pool;
    pool.fill(0, at, at + need);
    const add = (vec: number, row: number) => {
      if (row < 0) return;
      const to = at + vec * nt;
      for (let t = 0; t < nt; t++) pool[to + t] += this.weights[row + t];
    };
    const shapeInfo = this.shapeInfo(shape);
    pool.set(shapeInfo.roles, at);
    // the names are folded from hashed prefixes (fold(hash(prefix), value) = hash(prefix + value))
    const seeds = this.seeds;
    const both = (vec0: number, vec1: number, row: number) => {
      add(vec0, row);
      add(vec1, row);
    };
    both(SELF_VEC(0), SELF_VEC(1), this.biasRow);
    for (let k = 0; k < SELF.length; k++) {
      const value = SELF[k][1](lower);
      if (value !== null) both(SELF_VEC(0), SELF_VEC(1), this.row(fold(seeds.self[k], value)));
    }
    add(SELF_VEC(0), this.row(fold(seeds.word, written))); // no word-as-written feature in capitals
    for (let a = 0; a < AROUND.length; a++) {
      const k = OFFSETS.indexOf(AROUND[a][1] as (typeof OFFSETS)[number]);
      both(NEIGHBOUR_VEC(k, 0), NEIGHBOUR_VEC(k, 1), this.row(fold(seeds.around[a], lower)));
    }
    for (let t = 0; t < nt; t++) pool[at + T1W_VEC * nt + t] = this.row(fold(seeds.t1w[t], lower));
    const lowerKey = this.keyOf(lower);
    const evidence = evidenceKind(written);
    return {
      lower,
      shape: shapeInfo,
      at,
      pairBefore: fold(fold(seeds.pairBefore, lower), '|'),
      pairAfter: fold(fold(seeds.pairAfter, lower), '|'),
      lowerKey,
      // only a word seen in lower case marks itself as written (nearly always its lower-cased form)
      writtenKey: evidence === EVIDENCE_LOWER && written !== lower ? this.keyOf(written) : lowerKey,
      evidence,
      caps: capsKind(written),
      gazetteerFirst: this.gazetteer?.firstWord(lower) ?? null,
    };
  }

  private keyOf(word: string): number {
    let key = this.keys.get(word);
    if (key === undefined) {
      key = this.keys.size;
      this.keys.set(word, key);
    }
    return key;
  }

  /** Row of the "s=" feature of a token by the shapes around it. */
  private triple(before: ShapeInfo, mid: ShapeInfo, after: ShapeInfo, caps: number): number {
    // ids past the bound (one giant sentence of new shapes) would make keys collide: no caching
    if (before.id >= MAX_SHAPES || after.id >= MAX_SHAPES) return this.tripleRow(before, mid, after, caps);
    const key = (before.id * MAX_SHAPES + after.id) * 2 + caps;
    let row = mid.triples.get(key);
    if (row === undefined) {
      row = this.tripleRow(before, mid, after, caps);
      mid.triples.set(key, row);
      this.triples++;
    }
    return row;
  }

  private tripleRow(before: ShapeInfo, mid: ShapeInfo, after: ShapeInfo, caps: number): number {
    return this.rowOf(`${caps ? 'S^' : 'S'}${PREFIX.shapeTriple}${before.text}|${mid.text}|${after.text}`);
  }

  // the two adds below run for every feature of every token: UNROLLED_TAGS weights are added
  // without a loop (measured 6% faster tagging), any other count with one
  private addRow(row: number, at: number): void {
    if (row < 0) return;
    const s = this.scores;
    const w = this.weights;
    if (this.tagCount !== UNROLLED_TAGS) {
      for (let t = 0; t < this.tagCount; t++) s[at + t] += w[row + t];
      return;
    }
    s[at] += w[row];
    s[at + 1] += w[row + 1];
    s[at + 2] += w[row + 2];
    s[at + 3] += w[row + 3];
    s[at + 4] += w[row + 4];
    s[at + 5] += w[row + 5];
    s[at + 6] += w[row + 6];
  }

  private addVec(from: number, at: number): void {
    const s = this.scores;
    const p = this.pool;
    if (this.tagCount !== UNROLLED_TAGS) {
      for (let t = 0; t < this.tagCount; t++) s[at + t] += p[from + t];
      return;
    }
    s[at] += p[from];
    s[at + 1] += p[from + 1];
    s[at + 2] += p[from + 2];
    s[at + 3] += p[from + 3];
    s[at + 4] += p[from + 4];
    s[at + 5] += p[from + 5];
    s[at + 6] += p[from + 6];
  }

  /**
   * Empties the caches if `n` more words could pass their bounds, or if they were made for another
   * gazetteer (only between sentences).
   */
  private makeRoom(n: number, gazetteer: Gazetteer | null): void {
    if (gazetteer !== this.gazetteer) {
      this.gazetteer = gazetteer;
      this.reset();
    }
    if (
      this.words.size + n > MAX_WORDS ||
      this.shapes.size + n > MAX_SHAPES ||
      this.triples + n > MAX_TRIPLES
    )
      this.reset();
  }

  /**
   * Tags one sentence: the static features of ner-features.ts summed per token, then greedy decoding.
   * `capitals`: isCapsSentence(words), when the caller has it already.
   */
  tag(
    words: readonly string[],
    ctx: FeatureContext,
    doc: DocEvidence | null,
    capitals = isCapsSentence(words),
  ): string[] {
    this.makeRoom(words.length, ctx.gazetteer);
    const infos = words.map((w) => this.word(w));
    return this.decode(words, infos, ctx, doc ? (info) => docFlags(doc, info.lower) : null, capitals);
  }

  /**
   * Tags every sentence of a document, with its document evidence: the same tags as tag() with
   * docEvidence(sentences), but the capitals test and the evidence come from what is cached per word.
   */
  tagDocument(sentences: ReadonlyArray<readonly string[]>, ctx: FeatureContext): string[][] {
    this.makeRoom(
      sentences.reduce((n, words) => n + words.length, 0),
      ctx.gazetteer,
    );
    const infos = sentences.map((words) => words.map((w) => this.word(w)));
    const capitals = infos.map((sentence) => {
      let letters = 0;
      let caps = 0;
      for (const info of sentence) {
        if (info.caps > 0) letters++;
        if (info.caps === 2) caps++;
      }
      return isCapsCount(letters, caps);
    });
    if (this.marks.length < this.keys.size) this.marks = new Uint8Array(this.keys.size * 2);
    const marks = this.marks;
    // docEvidence, by key: lower-case words as written, capitalised ones lower-cased
    sentences.forEach((words, s) => {
      if (capitals[s]) return;
      infos[s].forEach((info, i) => {
        if (info.evidence === EVIDENCE_LOWER) marks[info.writtenKey] |= 1;
        else if (info.evidence === EVIDENCE_TITLE && countsAsTitle(words, i)) marks[info.lowerKey] |= 2;
      });
    });
    const flagsOf = (info: WordInfo) => marks[info.lowerKey];
    const tags = sentences.map((words, s) => this.decode(words, infos[s], ctx, flagsOf, capitals[s]));
    for (const sentence of infos) {
      for (const info of sentence) {
        marks[info.writtenKey] = 0;
        marks[info.lowerKey] = 0;
      }
    }
    return tags;
  }

  /** Scores and decodes one sentence whose words are looked up; `flagsOf` gives docFlags of a word. */
  private decode(
    words: readonly string[],
    infos: readonly WordInfo[],
    ctx: FeatureContext,
    flagsOf: ((info: WordInfo) => number) | null,
    capitals: boolean,
  ): string[] {
    const nt = this.tags.length;
    const n = words.length;
    const lower = infos.map((info) => info.lower);
    const at = (j: number) => (j < 0 ? this.start : j >= n ? this.end : infos[j]);
    if (this.scores.length < n * nt) this.scores = new Int32Array(n * nt * 2);
    this.scores.fill(0, 0, n * nt);
    const caps = capitals ? 1 : 0;
    const gaz = gazetteerTags(
      ctx.gazetteer,
      lower,
      words,
      infos.map((info) => info.gazetteerFirst),
    );
    for (let i = 0; i < n; i++) {
      const to = i * nt;
      const info = infos[i];
      this.addVec(info.at + SELF_VEC(caps) * nt, to);
      for (let k = 0; k < OFFSETS.length; k++)
        this.addVec(at(i + OFFSETS[k]).at + NEIGHBOUR_VEC(k, caps) * nt, to);
      const before = at(i - 1);
      const after = at(i + 1);
      this.addRow(this.pairRow(fold(before.pairBefore, info.lower)), to);
      this.addRow(this.pairRow(fold(info.pairAfter, after.lower)), to);
      this.addRow(this.triple(before.shape, info.shape, after.shape, caps), to);
      if (i === 0) this.addRow(info.shape.first, to);
      if (gaz) this.addGazetteer(gaz, i, caps, to);
      if (flagsOf) {
        const flags = flagsOf(info);
        this.addRow(caps ? this.docCaps[flags] : i === 0 ? this.docFirst[flags] : info.shape.doc[flags], to);
      }
    }
    const out = new Array<string>(n);
    let prev = this.outside;
    let prev2 = nt; // sentence start
    for (let i = 0; i < n; i++) {
      const to = i * nt;
      this.addRow(this.t1Rows[prev], to);
      this.addRow(this.t2Rows[prev2 * nt + prev], to);
      this.addRow(this.pool[infos[i].at + T1W_VEC * nt + prev], to);
      this.addRow(infos[i].shape.t1s[prev], to);
      let best = 0;
      for (let t = 1; t < nt; t++) if (this.scores[to + t] > this.scores[to + best]) best = t;
      prev2 = prev;
      prev = best;
      out[i] = this.tags[best];
    }
    return out;
  }

  /** Gazetteer features of token i (few tokens have any, so they are hashed by name). */
  private addGazetteer(gaz: readonly string[], i: number, caps: number, to: number): void {
    const g = gaz[i];
    for (let k = 1; k < g.length; k++) {
      this.addRow(this.rowOf(PREFIX.gaz + g[0] + g[k]), to);
      this.addRow(this.rowOf(`${PREFIX.gaz}${g[k]}|${caps ? 'S^' : 'S'}`), to);
    }
    if (i > 0 && gaz[i - 1]) this.addRow(this.rowOf(PREFIX.gazBefore + gaz[i - 1]), to);
    if (i + 1 < gaz.length && gaz[i + 1]) this.addRow(this.rowOf(PREFIX.gazAfter + gaz[i + 1]), to);
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
