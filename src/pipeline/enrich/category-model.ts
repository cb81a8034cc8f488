// The category model: word + bigram features and a multinomial naive Bayes over fine training
// classes (HuffPost sections, SIB-200 topics), each mapped to one of our slugs. Shared by the
// enricher and scripts/train-category.ts so that training and inference tokenise alike.
import type { Category } from '../../domain/types.js';

/** The shipped file (models/category.json.gz): counts, so the file stays sparse and exact. */
export interface CategoryModelFile {
  version: 1;
  /** fine class names and the slug each maps to */
  classes: string[];
  slugs: Category[];
  /** number of training documents per class */
  docs: number[];
  /** feature -> [classIndex, count, classIndex, count, ...] */
  features: Record<string, number[]>;
  totalDocs: number;
  alpha: number;
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

/** Lower-cased word tokens; drops possessive/contraction tails ("trump's" and "trump 's" -> trump). */
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
    out.push(/^\d+$/.test(w) ? '#num' : w);
  }
  return out;
}

/**
 * Unigrams and bigrams of adjacent content words, with their counts. With `known`, bigrams are
 * built only from known words: a bigram kept in training (df >= 2) has both words kept too.
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

export interface CategoryModel {
  slugs: Category[];
  /** feature -> weight per slug (complement naive Bayes, weight-normalised) */
  weights: Map<string, Float64Array>;
}

/**
 * Complement naive Bayes with normalised weights (Rennie et al. 2003) at the slug level: our
 * slugs gather very unequal amounts of training text (lifestyle merges nine HuffPost sections),
 * and estimating each slug from the text of all the others, then normalising, removes that skew.
 */
export function compileModel(file: CategoryModelFile): CategoryModel {
  const slugs = [...new Set(file.slugs)].sort() as Category[];
  const k = slugs.length;
  const slugOf = file.slugs.map((s) => slugs.indexOf(s));
  const vocab = Object.keys(file.features);
  const v = vocab.length;
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(k);
  for (const f of vocab) {
    const row = new Float64Array(k);
    const e = file.features[f];
    for (let i = 0; i < e.length; i += 2) row[slugOf[e[i]]] += e[i + 1];
    for (let c = 0; c < k; c++) totals[c] += row[c];
    counts.set(f, row);
  }
  const all = totals.reduce((a, b) => a + b, 0);
  const norm = new Float64Array(k);
  const weights = new Map<string, Float64Array>();
  for (const f of vocab) {
    const row = counts.get(f)!;
    const sum = row.reduce((a, b) => a + b, 0);
    const w = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      w[c] = -Math.log((sum - row[c] + file.alpha) / (all - totals[c] + file.alpha * v));
      norm[c] += Math.abs(w[c]);
    }
    weights.set(f, w);
  }
  for (const w of weights.values()) for (let c = 0; c < k; c++) w[c] /= norm[c];
  return { slugs, weights };
}

export interface CategoryScore {
  slug: Category;
  /** raw score per slug (higher is better; comparable within one document only) */
  scores: Partial<Record<Category, number>>;
}

/**
 * Scores a document. Headlines trained the model, whole articles are scored: term counts are
 * damped (1 + log tf) so that a long article cannot repeat one word into a verdict, and the
 * title counts as several body lines.
 */
export function scoreCategory(
  model: CategoryModel,
  title: string,
  text: string,
  titleWeight = 3,
): CategoryScore {
  const feats = categoryFeatures(title, new Map(), titleWeight, model.weights);
  categoryFeatures(text, feats, 1, model.weights);
  const k = model.slugs.length;
  const score = new Float64Array(k);
  for (const [f, tf] of feats) {
    const w = model.weights.get(f);
    if (!w) continue;
    const x = 1 + Math.log(tf);
    for (let c = 0; c < k; c++) score[c] += x * w[c];
  }
  let best = 0;
  for (let c = 1; c < k; c++) if (score[c] > score[best]) best = c;
  const scores: Partial<Record<Category, number>> = {};
  for (let c = 0; c < k; c++) scores[model.slugs[c]] = score[c];
  return { slug: model.slugs[best], scores };
}
