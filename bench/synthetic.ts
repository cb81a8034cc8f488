// Synthetic but realistic news for benchmarks: words drawn from a vocabulary with a Zipf
// distribution (a few very common words, a long tail of rare ones), sentences of 8-30 words,
// articles of a few paragraphs, publication times spread over a period, ten categories, a
// handful of languages and sources. Deterministic for a seed.
import { createHash } from 'node:crypto';
import { CATEGORIES } from '../src/domain/types.js';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'tan',
  'lo',
  'ver',
  'sa',
  'din',
  'po',
  'lu',
  'mar',
  'te',
  'ni',
  'gor',
  'be',
  'sul',
  'da',
  'fen',
  'ko',
  'ri',
];
const COMMON = (
  'the of and to in a is that for on with as was said by at from it his an have are be has were ' +
  'government minister president people year police military troops country city week officials ' +
  'market prices oil report new state forces war talks deal election court health water energy'
).split(' ');

/** A vocabulary: real common words first (most frequent), then made-up words for the long tail. */
export function vocabulary(size: number, random: () => number): string[] {
  const words = [...COMMON];
  const seen = new Set(words);
  while (words.length < size) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}

/** Draws ranks 0..n-1 with P(rank) ~ 1/(rank+1)^s, by inverting a precomputed CDF. */
export function zipf(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 1) ** s;
    cdf[i] = sum;
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface SyntheticArticle {
  id: string;
  title: string;
  text: string;
  description: string;
  category: (typeof CATEGORIES)[number];
  language: string;
  sourceIndex: number;
  publishedAt: string;
}

export const LANGUAGES = ['en', 'en', 'en', 'en', 'fr', 'es', 'ar', 'de'];

export function generator(options: {
  seed?: number;
  vocabulary?: number;
  days?: number;
  end?: Date;
  sources?: number;
}) {
  const random = rng(options.seed ?? 42);
  const words = vocabulary(options.vocabulary ?? 50_000, random);
  const pick = zipf(words.length, 1.07, random);
  const days = options.days ?? 730;
  const end = (options.end ?? new Date()).getTime();
  const sources = options.sources ?? 50;
  const sentence = () => {
    const n = 8 + Math.floor(random() * 22);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(words[pick()]);
    const s = out.join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  /** the i-th of `total` articles, published in time order across the period */
  return (i: number, total: number): SyntheticArticle => {
    const paragraphs: string[] = [];
    const np = 2 + Math.floor(random() * 4);
    for (let p = 0; p < np; p++) paragraphs.push([sentence(), sentence()].join(' '));
    const title = sentence().slice(0, -1).split(' ').slice(0, 10).join(' ');
    const at = end - days * 86_400_000 * (1 - (i + random() * 0.5) / total);
    return {
      id: createHash('sha1').update(`a${i}`).digest('hex').slice(0, 16),
      title,
      text: paragraphs.join('\n'),
      description: paragraphs[0].slice(0, 160),
      category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
      language: LANGUAGES[Math.floor(random() * LANGUAGES.length)],
      sourceIndex: Math.floor(random() * sources),
      publishedAt: new Date(Math.min(at, end)).toISOString(),
    };
  };
}
