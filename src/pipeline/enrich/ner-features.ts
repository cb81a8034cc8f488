/**
 * Features of the entity tagger (METHODS.md, Entities): word, shape, affixes, two words either side,
 * gazetteer membership, document evidence. Training learns the features by name (featureStrings);
 * the tagger computes the same ones from these definitions without building names, and a test
 * checks that both agree, so the model always sees what it was trained on.
 */
import { caseBits, HAS_LOWER, HAS_UPPER } from './char-case.js';
import type { FirstWord, Gazetteer } from './gazetteer.js';

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

/** Case of one word for the capitals test: 0 without letters, 2 all capitals ("NATO"), 1 otherwise. */
export function capsKind(w: string): number {
  let upper = 0;
  let lower = 0;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c > 127) {
      const bits = caseBits(c);
      if (bits & HAS_LOWER) upper++;
      else if (bits & HAS_UPPER) lower++;
    }
  }
  if (upper + lower === 0) return 0;
  return w.length > 1 && lower === 0 ? 2 : 1;
}

/** The capitals test over a sentence's words with letters and its all-capitals words. */
export function isCapsCount(letters: number, caps: number): boolean {
  return caps >= 2 && caps >= letters * 0.6;
}

/** A headline or byline in capitals: case says nothing there, so it gets its own features. */
export function isCapsSentence(words: readonly string[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    const kind = capsKind(w);
    if (kind > 0) letters++;
    if (kind === 2) caps++;
  }
  return isCapsCount(letters, caps);
}

/** What a word adds to the document evidence: seen in lower case ("japan") or capitalised ("Japan"). */
export const EVIDENCE_LOWER = 1;
export const EVIDENCE_TITLE = 2;
/** EVIDENCE_LOWER, EVIDENCE_TITLE or 0 (numbers, other shapes) for a word as written. */
export function evidenceKind(w: string): number {
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) return 0; // numbers: neither
  if (isLowerWord(w)) return EVIDENCE_LOWER;
  return isTitleWord(w) ? EVIDENCE_TITLE : 0;
}
/** A capitalised word counts away from a sentence start and from what a quote or colon opens. */
export function countsAsTitle(words: readonly string[], i: number): boolean {
  return i > 0 && words[i - 1] !== '"' && words[i - 1] !== ':';
}

/** `caps`: isCapsSentence of each sentence, when the caller has it already. */
export function docEvidence(
  sentences: ReadonlyArray<readonly string[]>,
  caps: readonly boolean[] = sentences.map(isCapsSentence),
): DocEvidence {
  const title = new Set<string>();
  const lower = new Set<string>();
  for (let s = 0; s < sentences.length; s++) {
    if (caps[s]) continue;
    const words = sentences[s];
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const kind = evidenceKind(w);
      if (kind === EVIDENCE_LOWER) lower.add(w);
      else if (kind === EVIDENCE_TITLE && countsAsTitle(words, i)) title.add(w.toLowerCase());
    }
  }
  return { title, lower };
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
/** Prefixes of the other static features (the tagger hashes them in ner-model.ts). */
export const PREFIX = {
  bias: 'b',
  word: 'W=',
  pairBefore: 'ww-1=',
  pairAfter: 'ww+1=',
  shapeTriple: 's=',
  first: 'first|',
  gaz: 'g=',
  gazBefore: 'g-1=',
  gazAfter: 'g+1=',
  doc: 'd=',
} as const;

/** The marker standing for position i outside the sentence ("<s>", "</s>"), or values[i]. */
export function wordAt(values: readonly string[], i: number): string {
  return i < 0 ? '<s>' : i >= values.length ? '</s>' : values[i];
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

/** Document flags of a lower-cased word: 2 if seen title-cased elsewhere, 1 if seen lower-cased. */
export function docFlags(doc: DocEvidence, lower: string): number {
  return (doc.title.has(lower) ? 2 : 0) + (doc.lower.has(lower) ? 1 : 0);
}

/** "d=" key of the flags and where the token is: "c" (caps sentence), "f" (first) or its shape. */
export function docKey(flags: number, where: string): string {
  // a shape is never "c" or "f" (letters become x or X), so the three kinds cannot collide
  return `${flags & 2 ? 'T' : ''}${flags & 1 ? 'L' : ''}|${where.length > 2 ? where.slice(0, 2) : where}`;
}

/**
 * Gazetteer position and categories per token ("Bc" "I" "UR"; "" outside a name), or null if none.
 * `first`: Gazetteer#firstWord of each lower-cased token, when the caller knows it.
 */
export function gazetteerTags(
  gazetteer: Gazetteer | null,
  lower: readonly string[],
  words: readonly string[],
  first?: ReadonlyArray<FirstWord | null>,
): string[] | null {
  if (!gazetteer) return null;
  let gaz: string[] | null = null;
  for (const m of gazetteer.match(lower, words, first)) {
    gaz ??= new Array<string>(words.length).fill('');
    for (let i = m.start; i < m.end; i++) {
      const pos = i === m.start ? (m.end - m.start === 1 ? 'U' : 'B') : 'I';
      gaz[i] = `${pos}${m.categories}`;
    }
  }
  return gaz;
}

/**
 * The static features (not depending on predicted tags) of every token of one sentence, as names:
 * what training counts and learns. The tagger (ner-model.ts) computes the same features without
 * building the names; ner-model.test.ts checks that both agree.
 */
export function featureStrings(
  words: readonly string[],
  ctx: FeatureContext,
  doc: DocEvidence | null,
): string[][] {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(cachedShape);
  const caps = isCapsSentence(words);
  const gaz = gazetteerTags(ctx.gazetteer, lower, words);
  const sh = caps ? 'S^' : 'S';
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const lw = lower[i];
    const cur: string[] = [PREFIX.bias];
    for (const [p, part] of SELF) {
      const v = part(lw);
      if (v !== null) cur.push(p + v);
    }
    for (const [p, off] of AROUND) cur.push(p + wordAt(lower, i + off));
    for (const [p, pc, off] of SHAPES) cur.push((caps ? pc : p) + wordAt(shapes, i + off));
    if (!caps) cur.push(PREFIX.word + words[i]);
    cur.push(`${PREFIX.pairBefore}${wordAt(lower, i - 1)}|${lw}`);
    cur.push(`${PREFIX.pairAfter}${lw}|${wordAt(lower, i + 1)}`);
    cur.push(`${sh}${PREFIX.shapeTriple}${wordAt(shapes, i - 1)}|${shapes[i]}|${wordAt(shapes, i + 1)}`);
    if (i === 0) cur.push(PREFIX.first + shapes[i]);
    if (gaz) {
      const g = gaz[i];
      for (let k = 1; k < g.length; k++) {
        cur.push(PREFIX.gaz + g[0] + g[k]);
        cur.push(`${PREFIX.gaz}${g[k]}|${sh}`);
      }
      if (i > 0 && gaz[i - 1]) cur.push(PREFIX.gazBefore + gaz[i - 1]);
      if (i + 1 < n && gaz[i + 1]) cur.push(PREFIX.gazAfter + gaz[i + 1]);
    }
    if (doc) cur.push(PREFIX.doc + docKey(docFlags(doc, lw), caps ? 'c' : i === 0 ? 'f' : shapes[i]));
    out.push(cur);
  }
  return out;
}

/** Features naming the word itself (dropped with the word in dropout training). */
export const LEXICAL_PREFIXES = new Set(['W=', 'ww-1=', 'ww+1=', 't1w=']);

/** Features that depend on the tags already chosen to the left (greedy decoding). */
export function tagFeatures(prev: string, prev2: string, lowerWord: string, shp: string): string[] {
  return [`t1=${prev}`, `t2=${prev2}|${prev}`, `t1w=${prev}|${lowerWord}`, `t1s=${prev}|${shp}`];
}
