// The clusterer's state for one story in the window: sparse decayed centroids of its articles'
// body terms, headline terms and names, and when it last grew.
import { addDate, type DateProfile, emptyProfile, mergeProfiles } from './date-profile.js';
import {
  addSparse,
  addWeighted,
  asWeighted,
  type DocFeatures,
  type DocumentFrequency,
  dotCosine,
  norm,
  prune,
  type Sparse,
  scaleInPlace,
  topIds,
  topKeys,
  type Weighted,
  weigh,
} from './vectors.js';

export interface Channels {
  body: Sparse;
  title: Sparse;
  names: Sparse;
  numbers: Sparse;
}
export type ChannelWeights = Record<keyof Channels, number>;
type ChannelCounts = Record<keyof Channels, Map<string, number>>;

export interface LiveStory extends Channels {
  id: string;
  /** creation order: the older of two stories is the one with the lower seq */
  seq: number;
  firstArticleId: string;
  size: number;
  first: number | null;
  last: number | null;
  bodyNorm: number;
  titleNorm: number;
  namesNorm: number;
  numbersNorm: number;
  /** the years and weekdays its articles name */
  dates: DateProfile;
}

const CHANNELS = ['body', 'title', 'names', 'numbers'] as const;
const TITLE_TERMS = 48;
const NAME_TERMS = 64;

export type WeightedChannels = Record<keyof Channels, Weighted>;

/**
 * An article's channels with the IDF of the moment applied once. Centroids keep these frozen
 * weights, so scoring never looks an IDF up on the story side: the cost per candidate is one
 * pass over the shared terms.
 */
export function weighChannels(
  c: ChannelCounts,
  df: DocumentFrequency,
  bodyTerms: number,
  learn = false,
): WeightedChannels {
  // headline terms are body terms too: they are counted once, with the body
  const title = weigh(c.title, df);
  const weighted = {
    body: weigh(c.body, df, bodyTerms, learn),
    title,
    names: weigh(c.names, df, 48, learn),
    numbers: weigh(c.numbers, df, 48, learn),
  };
  if (learn) df.endDocument();
  return weighted;
}

/** A story's centroids seen as a query (for story-to-story comparison before a merge). */
export function storyChannels(story: LiveStory): WeightedChannels {
  return {
    body: asWeighted(story.body, story.bodyNorm),
    title: asWeighted(story.title, story.titleNorm),
    names: asWeighted(story.names, story.namesNorm),
    numbers: asWeighted(story.numbers, story.numbersNorm),
  };
}

export function newStory(
  id: string,
  seq: number,
  articleId: string,
  f: DocFeatures,
  w: WeightedChannels,
): LiveStory {
  const story: LiveStory = {
    id,
    seq,
    firstArticleId: articleId,
    size: 0,
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
    dates: emptyProfile(),
  };
  addDate(story.dates, f);
  addDoc(story, w);
  refresh(story);
  return story;
}

/** Each article counts once whatever its length: its vectors are added at unit length. */
function addDoc(story: LiveStory, w: WeightedChannels): void {
  for (const c of CHANNELS) addWeighted(story[c], w[c], 1 / w[c].norm);
  story.size++;
}

function refresh(story: LiveStory): void {
  story.bodyNorm = norm(story.body);
  story.titleNorm = norm(story.title);
  story.namesNorm = norm(story.names);
  story.numbersNorm = norm(story.numbers);
}

function trim(story: LiveStory, centroidTerms: number): void {
  story.body = prune(story.body, centroidTerms);
  story.title = prune(story.title, TITLE_TERMS);
  story.names = prune(story.names, NAME_TERMS);
  story.numbers = prune(story.numbers, NAME_TERMS);
  refresh(story);
}

/** Adds an article; older weights fade with the story's half-life so the story can move on. */
export function absorb(
  story: LiveStory,
  f: DocFeatures,
  w: WeightedChannels,
  halfLifeHours: number,
  centroidTerms: number,
): void {
  if (f.time !== null && story.last !== null && f.time > story.last) {
    const factor = 0.5 ** ((f.time - story.last) / (halfLifeHours * 3_600_000));
    if (factor < 0.999) for (const c of CHANNELS) scaleInPlace(story[c], factor);
  }
  addDoc(story, w);
  addDate(story.dates, f);
  if (f.time !== null) {
    story.last = story.last === null ? f.time : Math.max(story.last, f.time);
    story.first = story.first === null ? f.time : Math.min(story.first, f.time);
  }
  trim(story, centroidTerms);
}

/** Folds `younger` into `older` (which keeps its id). */
export function mergeInto(older: LiveStory, younger: LiveStory, centroidTerms: number): void {
  for (const c of CHANNELS) addSparse(older[c], younger[c]);
  older.size += younger.size;
  mergeProfiles(older.dates, younger.dates);
  if (younger.last !== null)
    older.last = older.last === null ? younger.last : Math.max(older.last, younger.last);
  if (younger.first !== null) {
    older.first = older.first === null ? younger.first : Math.min(older.first, younger.first);
  }
  trim(older, centroidTerms);
}

/** Weighted cosine over the four channels: body terms, headline terms, names, numbers. */
export function similarity(a: WeightedChannels, story: LiveStory, w: ChannelWeights): number {
  return (
    w.body * dotCosine(a.body, story.body, story.bodyNorm) +
    w.title * dotCosine(a.title, story.title, story.titleNorm) +
    w.names * dotCosine(a.names, story.names, story.namesNorm) +
    w.numbers * dotCosine(a.numbers, story.numbers, story.numbersNorm)
  );
}

/**
 * Whether the article leads with another name than the story: its heaviest name is nowhere in
 * the story and the story's heaviest name is nowhere in the article. Two events of one kind
 * (two celebrities in rehab, two earthquakes) share the vocabulary but not who or where.
 */
export function nameConflict(names: Weighted, story: LiveStory): boolean {
  if (names.ids.length === 0 || story.names.size === 0) return false;
  const [lead] = topIds(names, 1);
  if (story.names.has(lead)) return false;
  const [storyLead] = topKeys(story.names, 1);
  return !names.ids.includes(storyLead);
}

/** The keys a story is found by: its heaviest body terms and names. */
export function storyKeys(story: LiveStory): number[] {
  return [...topKeys(story.body, 24), ...topKeys(story.names, 16)];
}
