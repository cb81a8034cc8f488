/**
 * Features of the entity tagger (METHODS.md, Entities): word, shape, affixes, two words either side,
 * gazetteer membership, document evidence. The same code serves training and tagging,
 * so the model always sees what it was trained on.
 */
import type { Gazetteer } from './gazetteer.js';

/** What the rest of the document says about a word (its lower-cased form). */
export interface DocEvidence {
  /** seen capitalised ("Japan") away from a sentence start */
  title: Set<string>;
  /** seen all lower case ("japan") */
  lower: Set<string>;
}

export interface FeatureContext {
  gazetteer: Gazetteer | null;
}

const TITLE = /^\p{Lu}\p{Ll}/u;
const LOWER = /^\p{Ll}+$/u;

/** Xxxx -> Xx, McDonald -> XxXx, U.S. -> X.X., 1996 -> d (repeats collapsed). */
export function shape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length && out.length < 8; i++) {
    const ch = word[i];
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch) c = 'X';
    else if (ch.toUpperCase() !== ch) c = 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** isCapsSentence by sentence array: docEvidence and the tagger ask about the same arrays. */
const capsOf = new WeakMap<readonly string[], boolean>();
function capsSentence(words: readonly string[]): boolean {
  let caps = capsOf.get(words);
  if (caps === undefined) {
    caps = isCapsSentence(words);
    capsOf.set(words, caps);
  }
  return caps;
}

/** All ASCII a-z: certainly lower case; otherwise the Unicode test decides. */
function isLowerWord(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 97 && c <= 122) continue;
    return c > 127 ? LOWER.test(w) : false;
  }
  return w.length > 0;
}
/** Capital then small letter ("Japan"), ASCII first, Unicode when needed. */
function isTitleWord(w: string): boolean {
  const a = w.charCodeAt(0);
  const b = w.charCodeAt(1);
  if (a < 128 && b < 128) return a >= 65 && a <= 90 && b >= 97 && b <= 122;
  return TITLE.test(w);
}

/** A headline or byline in capitals: case says nothing there, so it gets its own features. */
export function isCapsSentence(words: readonly string[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    let upper = 0;
    let lower = 0;
    for (let k = 0; k < w.length; k++) {
      const ch = w[k];
      const c = w.charCodeAt(k);
      if (c >= 65 && c <= 90) upper++;
      else if (c >= 97 && c <= 122) lower++;
      else if (c > 127 && ch !== ch.toLowerCase()) upper++;
      else if (c > 127 && ch !== ch.toUpperCase()) lower++;
    }
    if (upper + lower === 0) continue;
    letters++;
    if (w.length > 1 && lower === 0) caps++;
  }
  return caps >= 2 && caps >= letters * 0.6;
}

export function docEvidence(sentences: ReadonlyArray<readonly string[]>): DocEvidence {
  const title = new Set<string>();
  const lower = new Set<string>();
  for (const words of sentences) {
    if (capsSentence(words)) continue;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const c = w.charCodeAt(0);
      if (c >= 48 && c <= 57) continue; // numbers: neither
      if (isLowerWord(w)) lower.add(w);
      else if (i > 0 && isTitleWord(w) && words[i - 1] !== '"' && words[i - 1] !== ':')
        title.add(w.toLowerCase());
    }
  }
  return { title, lower };
}

/**
 * Receives features as parts whose concatenation is the feature name: training joins them into
 * strings, tagging hashes them without building strings (ner-model.ts).
 */
export interface FeatureSink {
  token(i: number): void;
  f(a: string, b?: string, c?: string, d?: string, e?: string): void;
  /** the word features of token i (SELF of lower[i], AROUND from its neighbours) */
  lexical(lower: readonly string[], i: number): void;
  /** the shape features of token i: SHAPES prefixes (capitals variant in a caps sentence) */
  shaped(shapes: readonly string[], i: number, caps: boolean): void;
}

/** Features of a lower-cased word by itself: [prefix, part of the word or null when absent]. */
export const SELF: ReadonlyArray<readonly [string, (w: string) => string | null]> = [
  ['w=', (w) => w],
  ['p2=', (w) => (w.length > 2 ? w.slice(0, 2) : null)],
  ['p3=', (w) => (w.length > 2 ? w.slice(0, 3) : null)],
  ['x3=', (w) => (w.length > 2 ? w.slice(-3) : null)],
  ['x4=', (w) => (w.length > 3 ? w.slice(-4) : null)],
  ['x2=', (w) => (w.length > 1 ? w.slice(-2) : null)],
];
/** Neighbouring words: [prefix, offset]. */
export const AROUND: ReadonlyArray<readonly [string, number]> = [
  ['w-1=', -1],
  ['w+1=', 1],
  ['w-2=', -2],
  ['w+2=', 2],
];
/** Shape of the token and of its neighbours: [prefix, capitals-sentence prefix, offset]. */
export const SHAPES: ReadonlyArray<readonly [string, string, number]> = [
  ['S=', 'S^=', 0],
  ['S-1=', 'S^-1=', -1],
  ['S+1=', 'S^+1=', 1],
];

export function wordAt(lower: readonly string[], i: number): string {
  return i < 0 ? '<s>' : i >= lower.length ? '</s>' : lower[i];
}

const shapeCache = new Map<string, string>();
/** shape() memoised: the same words come back in every article. */
export function cachedShape(word: string): string {
  let s = shapeCache.get(word);
  if (s === undefined) {
    if (shapeCache.size > 100_000) shapeCache.clear();
    s = shape(word);
    shapeCache.set(word, s);
  }
  return s;
}

const docKeys = new Map<string, string>();
/** The same few "d=" values over and over: interned, so their hashes are cached. */
function docKey(t: string, l: string, where: string): string {
  const raw = `${t}${l}|${where}`;
  let key = docKeys.get(raw);
  if (key === undefined) {
    if (docKeys.size > 10_000) docKeys.clear();
    key = raw;
    docKeys.set(raw, key);
  }
  return key;
}

/** "d=" keys by document flags (title 2, lower 1), then by where ("c", "f" or the token's shape). */
const DOC_KEYS = [0, 1, 2, 3].map(() => new Map<string, string>());
function docKeyOf(flags: number, where: string): string {
  const byWhere = DOC_KEYS[flags];
  let key = byWhere.get(where);
  if (key === undefined) {
    if (byWhere.size > 10_000) byWhere.clear();
    // a shape is never "c" or "f" (letters become x or X), so the three kinds cannot collide
    key = docKey(flags & 2 ? 'T' : '', flags & 1 ? 'L' : '', where.length > 2 ? where.slice(0, 2) : where);
    byWhere.set(where, key);
  }
  return key;
}

/** "|shape|" per shape, so the "s=" feature builds no string per token. */
const BARRED = new Map<string, string>();
function barred(shp: string): string {
  let b = BARRED.get(shp);
  if (b === undefined) {
    if (BARRED.size > 50_000) BARRED.clear();
    b = `|${shp}|`;
    BARRED.set(shp, b);
  }
  return b;
}

/** Static features (not depending on predicted tags) for every token of one sentence. */
export function sentenceFeatures(
  words: readonly string[],
  ctx: FeatureContext,
  doc: DocEvidence | null,
  sink: FeatureSink,
  lower: readonly string[] = words.map((w) => w.toLowerCase()),
  shapes: readonly string[] = words.map(cachedShape),
): void {
  const n = words.length;
  const caps = capsSentence(words);
  let gaz: string[] | null = null;
  if (ctx.gazetteer) {
    for (const m of ctx.gazetteer.match(lower, words)) {
      gaz ??= new Array(n).fill('');
      for (let i = m.start; i < m.end; i++) {
        const pos = i === m.start ? (m.end - m.start === 1 ? 'U' : 'B') : 'I';
        gaz[i] = `${pos}${m.categories}`;
      }
    }
  }
  const w = (i: number) => wordAt(lower, i);
  const s = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : shapes[i]);
  const sh = caps ? 'S^' : 'S';
  for (let i = 0; i < n; i++) {
    sink.token(i);
    const lw = lower[i];
    sink.f('b');
    sink.lexical(lower, i);
    sink.shaped(shapes, i, caps);
    if (!caps) sink.f('W=', words[i]);
    sink.f('ww-1=', w(i - 1), '|', lw);
    sink.f('ww+1=', lw, '|', w(i + 1));
    sink.f(sh, 's=', s(i - 1), barred(shapes[i]), s(i + 1));
    if (i === 0) sink.f('first|', shapes[i]);
    if (gaz) {
      const g = gaz[i];
      for (let k = 1; k < g.length; k++) {
        sink.f('g=', g[0], g[k]);
        sink.f('g=', g[k], '|', sh);
      }
      if (i > 0 && gaz[i - 1]) sink.f('g-1=', gaz[i - 1]);
      if (i + 1 < n && gaz[i + 1]) sink.f('g+1=', gaz[i + 1]);
    }
    if (doc) {
      const flags = (doc.title.has(lw) ? 2 : 0) + (doc.lower.has(lw) ? 1 : 0);
      sink.f('d=', docKeyOf(flags, caps ? 'c' : i === 0 ? 'f' : shapes[i]));
    }
  }
}

/** Features naming the word itself (dropped with the word in dropout training). */
export const LEXICAL_PREFIXES = new Set(['W=', 'ww-1=', 'ww+1=', 't1w=']);

/** The features as strings, one list per token (training, tests). */
export function featureStrings(
  words: readonly string[],
  ctx: FeatureContext,
  doc: DocEvidence | null,
): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  sentenceFeatures(words, ctx, doc, {
    token() {
      cur = [];
      out.push(cur);
    },
    f(a, b = '', c = '', d = '', e = '') {
      cur.push(a + b + c + d + e);
    },
    shaped(shapes, i, caps) {
      for (const [p, pc, off] of SHAPES) cur.push((caps ? pc : p) + wordAt(shapes, i + off));
    },
    lexical(lower, i) {
      for (const [p, part] of SELF) {
        const v = part(lower[i]);
        if (v !== null) cur.push(p + v);
      }
      for (const [p, off] of AROUND) cur.push(p + wordAt(lower, i + off));
    },
  });
  return out;
}

/** Features that depend on the tags already chosen to the left (greedy decoding). */
export function tagFeatures(prev: string, prev2: string, lowerWord: string, shp: string): string[] {
  return [`t1=${prev}`, `t2=${prev2}|${prev}`, `t1w=${prev}|${lowerWord}`, `t1s=${prev}|${shp}`];
}
