// The category model: word + bigram features (lightly stemmed) and a linear scorer over our ten
// slugs (complement naive Bayes weights). Shared by the enricher and scripts/train-category.ts so that
// training and inference tokenise alike.
import type { Category } from '../../domain/types.js';

/** The shipped file (models/category.json.gz): weights quantised to integers, so it stays small. */
export interface CategoryModelFile {
  version: 2;
  /** slug of each weight column */
  slugs: Category[];
  /** weights are stored as round(weight * scale) */
  scale: number;
  /** per-slug bias (quantised like the weights) */
  bias: number[];
  /** feature -> [slugIndex, weight, slugIndex, weight, ...] (zero weights left out) */
  features: Record<string, number[]>;
}

const STOP = new Set(
  (
    'a an the and or but if of at by for with about against between into through during before after above below ' +
    'to from up down in out on off over under again further then once here there when where why how all any both ' +
    'each few more most other some such no nor not only own same so than too very s t can will just don should now ' +
    'i me my myself we our ours you your yours he him his she her hers it its they them their theirs what which who ' +
    'whom this that these those am is are was were be been being have has had having do does did doing would could ' +
    'says said say also its one two new like get got make made may might must us mr mrs ms via'
  ).split(' '),
);

/**
 * A light suffix stripper (plural -s/-ies, -ing, -ed): headlines and articles inflect the same
 * words differently ("shares" / "share", "merging" / "merge"), and the training text is small.
 */
export function categoryStem(w: string): string {
  if (w.length <= 4 || w.startsWith('#')) return w;
  if (w.endsWith('ies') && w.length > 5) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  let s = w;
  if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 6) return s.slice(0, -3);
  if (s.endsWith('ed') && s.length > 5) return s.slice(0, -2);
  return s;
}

/**
 * Lower-cased, stemmed word tokens; drops possessive/contraction tails ("trump's" and "trump 's"
 * -> trump); stopwords and one-letter words become '' (a bigram break).
 */
export function categoryTokens(text: string): string[] {
  const out: string[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  const lower = text.toLowerCase();
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    const w = m[0];
    if (w.length < 2 || STOP.has(w)) {
      out.push(''); // keeps bigrams from spanning a stopword
      continue;
    }
    out.push(/^\d+$/.test(w) ? '#num' : categoryStem(w));
  }
  return out;
}

/**
 * Unigrams and bigrams of adjacent content words, with their counts. With `known`, bigrams are
 * built only from known words: a bigram kept in training has both words kept too.
 */
export function categoryFeatures(
  text: string,
  into: Map<string, number> = new Map(),
  weight = 1,
  known?: Map<string, unknown>,
) {
  const toks = categoryTokens(text);
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i];
    if (!w) continue;
    into.set(w, (into.get(w) ?? 0) + weight);
    const next = toks[i + 1];
    if (next && (!known || (known.has(w) && known.has(next)))) {
      const bi = `${w} ${next}`;
      into.set(bi, (into.get(bi) ?? 0) + weight);
    }
  }
  return into;
}

/**
 * The feature vector of a document as the model sees it: damped counts (1 + log tf), so a long
 * article cannot repeat one word into a verdict, then L2-normalised, so a 600-word article and a
 * 10-word headline (the training unit) land on the same scale.
 */
export function categoryVector(
  feats: Map<string, number>,
  known: Map<string, unknown>,
): { keys: string[]; values: Float64Array } {
  const keys: string[] = [];
  const vals: number[] = [];
  for (const [f, tf] of feats) {
    if (!known.has(f) || tf <= 0) continue;
    keys.push(f);
    vals.push(1 + Math.log(tf));
  }
  let z = 0;
  for (const v of vals) z += v * v;
  z = Math.sqrt(z) || 1;
  return { keys, values: Float64Array.from(vals, (v) => v / z) };
}

export interface CategoryModel {
  slugs: Category[];
  bias: Float64Array;
  /** feature -> weight per slug */
  weights: Map<string, Float64Array>;
}

export function compileModel(file: CategoryModelFile): CategoryModel {
  const k = file.slugs.length;
  const weights = new Map<string, Float64Array>();
  for (const [f, e] of Object.entries(file.features)) {
    const w = new Float64Array(k);
    for (let i = 0; i < e.length; i += 2) w[e[i]] = e[i + 1] / file.scale;
    weights.set(f, w);
  }
  return { slugs: file.slugs, bias: Float64Array.from(file.bias, (b) => b / file.scale), weights };
}

export interface CategoryScore {
  slug: Category;
  /** raw score per slug (higher is better; comparable within one document only) */
  scores: Partial<Record<Category, number>>;
}

/** Scores a document: title and text as one bag of features (see categoryVector). */
export function scoreCategory(
  model: CategoryModel,
  title: string,
  text: string,
  titleWeight = 1,
): CategoryScore {
  const feats = categoryFeatures(title, new Map(), titleWeight, model.weights);
  categoryFeatures(text, feats, 1, model.weights);
  const { keys, values } = categoryVector(feats, model.weights);
  const k = model.slugs.length;
  const score = Float64Array.from(model.bias);
  for (let i = 0; i < keys.length; i++) {
    const w = model.weights.get(keys[i])!;
    const x = values[i];
    for (let c = 0; c < k; c++) score[c] += x * w[c];
  }
  let best = 0;
  for (let c = 1; c < k; c++) if (score[c] > score[best]) best = c;
  const scores: Partial<Record<Category, number>> = {};
  for (let c = 0; c < k; c++) scores[model.slugs[c]] = score[c];
  return { slug: model.slugs[best], scores };
}
