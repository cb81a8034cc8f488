// The clusterer's state for one story in the window: sparse decayed centroids of its articles'
// body terms, headline terms and names, and when it last grew.
import {
  type ArticleDate,
  addDate,
  type DateProfile,
  type DateWeights,
  emptyProfile,
  pairDateFactor,
} from './date-profile.js';
import {
  addWeighted,
  asWeighted,
  type DocumentFrequency,
  dotCosine,
  norm,
  prune,
  type Sparse,
  scaleInPlace,
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
  /** its latest articles, oldest first (at most MAX_MEMBERS), for regrouping */
  members: Member[];
}

/** What a story keeps of one of its articles. */
export interface Member {
  id: string;
  /** arrival order in the clusterer */
  order: number;
  time: number | null;
  date: ArticleDate;
  channels: WeightedChannels;
}

/** Articles a story remembers; a larger story is not regrouped (see regroupAround). */
export const MAX_MEMBERS = 64;

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

export function newStory(id: string, seq: number, member: Member): LiveStory {
  return rebuildStory(id, seq, [member], 1, Number.POSITIVE_INFINITY);
}

/**
 * A story made from its articles at once (a new story, or one a regrouping changed): the
 * weights absorb() would have given, each article faded by the time from it to the latest.
 */
export function rebuildStory(
  id: string,
  seq: number,
  members: readonly Member[],
  halfLifeHours: number,
  centroidTerms: number,
): LiveStory {
  const ordered = [...members].sort((a, b) => a.order - b.order);
  const times = ordered.map((m) => m.time).filter((t): t is number => t !== null);
  const story: LiveStory = {
    id,
    seq,
    firstArticleId: ordered[0].id,
    size: 0,
    body: new Map(),
    title: new Map(),
    names: new Map(),
    numbers: new Map(),
    first: times.length ? Math.min(...times) : null,
    last: times.length ? Math.max(...times) : null,
    bodyNorm: 1,
    titleNorm: 1,
    namesNorm: 1,
    numbersNorm: 1,
    dates: emptyProfile(),
    members: ordered.slice(-MAX_MEMBERS),
  };
  for (const member of ordered) {
    const age = member.time === null || story.last === null ? 0 : story.last - member.time;
    addDoc(story, member.channels, age === 0 ? 1 : 0.5 ** (age / (halfLifeHours * 3_600_000)));
    addDate(story.dates, member.date);
  }
  trim(story, centroidTerms);
  return story;
}

/** Each article counts once whatever its length: its vectors are added at unit length. */
function addDoc(story: LiveStory, w: WeightedChannels, fade = 1): void {
  for (const c of CHANNELS) addWeighted(story[c], w[c], fade / w[c].norm);
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
export function absorb(story: LiveStory, member: Member, halfLifeHours: number, centroidTerms: number): void {
  const { time } = member;
  if (time !== null && story.last !== null && time > story.last) {
    const factor = 0.5 ** ((time - story.last) / (halfLifeHours * 3_600_000));
    if (factor < 0.999) for (const c of CHANNELS) scaleInPlace(story[c], factor);
  }
  addDoc(story, member.channels);
  addDate(story.dates, member.date);
  remember(story, member);
  if (time !== null) {
    story.last = story.last === null ? time : Math.max(story.last, time);
    story.first = story.first === null ? time : Math.min(story.first, time);
  }
  trim(story, centroidTerms);
}

function remember(story: LiveStory, member: Member): void {
  story.members.push(member);
  if (story.members.length > MAX_MEMBERS) story.members.shift();
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
 * The weighted channel cosines of every pair of articles (a symmetric matrix, zero diagonal),
 * summed through the terms they share: the cost follows the shared terms, not n² vector walks.
 * Postings are linked lists in flat arrays, so a call allocates a few arrays, not one per term.
 */
export function pairCosines(articles: readonly WeightedChannels[], w: ChannelWeights): Float64Array[] {
  const n = articles.length;
  const out = Array.from({ length: n }, () => new Float64Array(n));
  for (const c of CHANNELS) {
    let entries = 0;
    for (const article of articles) entries += article[c].ids.length;
    const owner = new Int32Array(entries);
    const value = new Float64Array(entries);
    const next = new Int32Array(entries);
    // term id -> its list's head, in an open-addressing table (a Map costs more per lookup here)
    const slots = 2 ** Math.ceil(Math.log2(entries * 2 + 2));
    const key = new Float64Array(slots).fill(-1);
    const head = new Int32Array(slots);
    let at = 0;
    // articles are visited last to first, so each term's list runs in article order
    for (let i = n - 1; i >= 0; i--) {
      const { ids, w: weights, norm } = articles[i][c];
      for (let k = 0; k < ids.length; k++, at++) {
        const id = ids[k];
        let slot = Math.imul(id, 0x9e3779b1) & (slots - 1);
        while (key[slot] !== -1 && key[slot] !== id) slot = (slot + 1) & (slots - 1);
        owner[at] = i;
        value[at] = weights[k] / norm;
        next[at] = key[slot] === -1 ? -1 : head[slot];
        key[slot] = id;
        head[slot] = at;
      }
    }
    const scale = w[c];
    for (let slot = 0; slot < slots; slot++) {
      if (key[slot] === -1) continue;
      for (let x = head[slot]; x >= 0; x = next[x]) {
        const row = out[owner[x]];
        const a = scale * value[x];
        for (let y = next[x]; y >= 0; y = next[y]) row[owner[y]] += a * value[y];
      }
    }
  }
  // each list runs in article order, so only the upper triangle was filled
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out[j][i] = out[i][j];
  return out;
}

/**
 * The clusterer's article-to-story score for every two articles, as a symmetric matrix: their
 * channel cosines, damped by dates that disagree, raised by a shared calendar day, faded by the
 * days between them.
 */
export function memberPairScores(
  members: readonly Member[],
  weights: ChannelWeights,
  dateWeights: DateWeights,
  dayDecay: number,
): Float64Array[] {
  const scores = pairCosines(
    members.map((member) => member.channels),
    weights,
  );
  for (let i = 0; i < members.length; i++) {
    const a = members[i];
    for (let j = i + 1; j < members.length; j++) {
      if (scores[i][j] === 0) continue;
      const b = members[j];
      let score = scores[i][j] * pairDateFactor(a.date, b.date, dateWeights);
      if (a.time !== null && b.time !== null) score *= dayDecay ** (Math.abs(a.time - b.time) / 86_400_000);
      scores[i][j] = score;
      scores[j][i] = score;
    }
  }
  return scores;
}

/** The keys a story is found by: its heaviest body terms and names. */
export function storyKeys(story: LiveStory): number[] {
  return [...topKeys(story.body, 24), ...topKeys(story.names, 16)];
}
