// The clusterer's state for one story in the window: sparse decayed centroids of its articles'
// body terms, headline terms and names, and when it last grew.
import {
  addScaled,
  type DocFeatures,
  type DocumentFrequency,
  idfNorm,
  prune,
  type Sparse,
  scaleInPlace,
  topKeys,
  type Weighted,
  weigh,
  weightedCosine,
} from './vectors.js';

export interface Channels {
  body: Sparse;
  title: Sparse;
  names: Sparse;
  numbers: Sparse;
}
export type ChannelWeights = Record<keyof Channels, number>;

export interface LiveStory extends Channels {
  id: string;
  /** creation order: the older of two stories is the one with the lower seq */
  seq: number;
  firstArticleId: string;
  size: number;
  /** articles counted with their decay: the denominator of the average link */
  mass: number;
  first: number | null;
  last: number | null;
  // IDF-weighted norms, recomputed when the story changes or the DF table has grown
  bodyNorm: number;
  titleNorm: number;
  namesNorm: number;
  numbersNorm: number;
  normN: number;
}

const TITLE_TERMS = 48;
const NAME_TERMS = 64;

export function newStory(
  id: string,
  seq: number,
  articleId: string,
  f: DocFeatures,
  df: DocumentFrequency,
): LiveStory {
  const story: LiveStory = {
    id,
    seq,
    firstArticleId: articleId,
    size: 0,
    mass: 0,
    body: new Map(),
    title: new Map(),
    names: new Map(),
    numbers: new Map(),
    first: f.time,
    last: f.time,
    bodyNorm: 1,
    titleNorm: 1,
    namesNorm: 1,
    numbersNorm: 1,
    normN: -1,
  };
  addDoc(story, f, df);
  return story;
}

/**
 * Each article counts once whatever its length: its vectors are added at unit TF-IDF length
 * (the IDF of the moment), so the centroid over its mass is the mean of its articles.
 */
function addDoc(story: LiveStory, f: DocFeatures, df: DocumentFrequency): void {
  addScaled(story.body, f.body, 1 / idfNorm(f.body, df));
  addScaled(story.title, f.title, 1 / idfNorm(f.title, df));
  addScaled(story.names, f.names, 1 / idfNorm(f.names, df));
  addScaled(story.numbers, f.numbers, 1 / idfNorm(f.numbers, df));
  story.mass++;
  story.size++;
  story.normN = -1;
}

function decay(story: LiveStory, factor: number): void {
  if (factor >= 0.999) return;
  scaleInPlace(story.body, factor);
  scaleInPlace(story.title, factor);
  scaleInPlace(story.names, factor);
  scaleInPlace(story.numbers, factor);
  story.mass *= factor;
}

function trim(story: LiveStory, centroidTerms: number, df: DocumentFrequency): void {
  story.body = prune(story.body, centroidTerms, df);
  story.title = prune(story.title, TITLE_TERMS, df);
  story.names = prune(story.names, NAME_TERMS, df);
  story.numbers = prune(story.numbers, NAME_TERMS, df);
}

/** Adds an article; older weights fade with the story's half-life so the story can move on. */
export function absorb(
  story: LiveStory,
  _articleId: string,
  f: DocFeatures,
  halfLifeHours: number,
  centroidTerms: number,
  df: DocumentFrequency,
): void {
  if (f.time !== null && story.last !== null && f.time > story.last) {
    decay(story, 0.5 ** ((f.time - story.last) / (halfLifeHours * 3_600_000)));
  }
  addDoc(story, f, df);
  if (f.time !== null) {
    story.last = story.last === null ? f.time : Math.max(story.last, f.time);
    story.first = story.first === null ? f.time : Math.min(story.first, f.time);
  }
  trim(story, centroidTerms, df);
}

/** Folds `younger` into `older` (which keeps its id). */
export function mergeInto(
  older: LiveStory,
  younger: LiveStory,
  centroidTerms: number,
  df: DocumentFrequency,
): void {
  addScaled(older.body, younger.body, 1);
  addScaled(older.title, younger.title, 1);
  addScaled(older.names, younger.names, 1);
  addScaled(older.numbers, younger.numbers, 1);
  older.size += younger.size;
  older.mass += younger.mass;
  if (younger.last !== null)
    older.last = older.last === null ? younger.last : Math.max(older.last, younger.last);
  if (younger.first !== null) {
    older.first = older.first === null ? younger.first : Math.min(older.first, younger.first);
  }
  older.normN = -1;
  trim(older, centroidTerms, df);
}

export function refreshNorms(story: LiveStory, df: DocumentFrequency): void {
  if (story.normN >= 0 && df.n <= story.normN * 1.02 + 1) return;
  story.bodyNorm = idfNorm(story.body, df);
  story.titleNorm = idfNorm(story.title, df);
  story.namesNorm = idfNorm(story.names, df);
  story.numbersNorm = idfNorm(story.numbers, df);
  story.normN = df.n;
}

/** Weighted cosine over the four channels: body terms, headline terms, names, numbers. */
export function similarity(
  a: WeightedChannels,
  story: LiveStory,
  df: DocumentFrequency,
  w: ChannelWeights,
): number {
  refreshNorms(story, df);
  return (
    w.body * weightedCosine(a.body, story.body, story.bodyNorm, df) +
    w.title * weightedCosine(a.title, story.title, story.titleNorm, df) +
    w.names * weightedCosine(a.names, story.names, story.namesNorm, df) +
    w.numbers * weightedCosine(a.numbers, story.numbers, story.numbersNorm, df)
  );
}

export type WeightedChannels = Record<keyof Channels, Weighted>;

/** IDF weights applied once per article (or story) before it is compared with many stories. */
export function weighChannels(c: Channels, df: DocumentFrequency): WeightedChannels {
  return {
    body: weigh(c.body, df),
    title: weigh(c.title, df),
    names: weigh(c.names, df),
    numbers: weigh(c.numbers, df),
  };
}

/** The keys a story is found by: its heaviest body terms and names. */
export function storyKeys(story: LiveStory, df: DocumentFrequency): string[] {
  return [...topKeys(story.body, 24, df), ...topKeys(story.names, 16, df)];
}
