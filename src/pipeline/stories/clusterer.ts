// Online story clustering: each article is placed once, as it arrives. Candidates come from an
// inverted index over the top terms and names of the stories alive in a sliding time window
// (stories leave it when they stop growing, so the cost follows the window, not the archive);
// each candidate is scored on four TF-IDF cosines (body, headline, names, numbers) damped by the
// time gap, by dates that disagree with the story's and raised by a calendar day it shares (see
// date-profile.ts), damped by a leading name foreign to the story (see nameConflict in
// live-story.ts); the article joins the best story above a threshold or starts a new one. An article close to two stories, or a
// story that grew close to another, merges them (younger into older); a story that grew also
// takes back the small fragments that narrowly missed it (see foldThreshold).
import { hexHash } from '../../lib/hash.js';
import { type ArticleDate, consensus, type DateWeights, dateFactor } from './date-profile.js';
import {
  absorb,
  type ChannelWeights,
  type LiveStory,
  mergeInto,
  nameConflict,
  newStory,
  similarity,
  storyChannels,
  storyKeys,
  type WeightedChannels,
  weighChannels,
} from './live-story.js';
import { StoryIndex } from './story-index.js';
import type { ClusterAssignment, ClusterInput } from './types.js';
import { type DocFeatures, DocumentFrequency, docFeatures, topIds } from './vectors.js';

export interface ClustererOptions {
  /** stories with no article for this long leave the index */
  windowHours: number;
  /** minimum combined score to join a story */
  threshold: number;
  /** both stories must score at least this for an article to merge them */
  mergeThreshold: number;
  weights: ChannelWeights;
  /**
   * score multiplier when the article names years (or weekdays) and none is the one most
   * dating articles of the story name (see dateFactor)
   */
  dateConflict: number;
  /**
   * score bonus (× 1 + this) when most of the story's articles that name a calendar day name
   * the article's, or the day next to it (see dateFactor)
   */
  sameDayBonus: number;
  /**
   * score multiplier when the article's leading name and the story's are each absent from the
   * other (another person or place in the same kind of event; see nameConflict)
   */
  nameConflict: number;
  /** score multiplier per day of gap between the article and the story's latest article */
  dayDecay: number;
  /** half-life of a story's centroid weights, in hours of stream time */
  halfLifeHours: number;
  maxCandidates: number;
  /** both stories need this many articles before a merge is considered */
  mergeMinSize: number;
  /** a story of at most this many articles is a fragment a larger story may take back */
  fragmentSize: number;
  /** score at which a grown story takes back a fragment (see foldThreshold) */
  refoldThreshold: number;
  centroidTerms: number;
  /** heaviest body terms kept of each article */
  articleTerms: number;
}

export const DEFAULT_OPTIONS: ClustererOptions = {
  windowHours: 72,
  threshold: 0.2,
  mergeThreshold: 0.45,
  weights: { body: 0.3, title: 0.1, names: 0.3, numbers: 0.3 },
  dateConflict: 0.7,
  sameDayBonus: 0.3,
  nameConflict: 0.7,
  dayDecay: 0.85,
  halfLifeHours: 24,
  maxCandidates: 8,
  mergeMinSize: 2,
  fragmentSize: 2,
  refoldThreshold: 0.28,
  centroidTerms: 160,
  articleTerms: 100,
};

/** Story id derived from its first article, so a rebuilt clusterer gives the same ids. */
export function storyIdFor(firstArticleId: string): string {
  return hexHash(`story:${firstArticleId}`);
}

export interface ScoredStory {
  storyId: string;
  score: number;
}

export class StoryClusterer {
  readonly options: ClustererOptions;
  private readonly df: DocumentFrequency;
  private readonly stories = new Map<string, LiveStory>();
  private readonly index = new StoryIndex<LiveStory>();
  private readonly aliases = new Map<string, string>();
  private clock = Number.NEGATIVE_INFINITY;
  private lastSweep = Number.NEGATIVE_INFINITY;
  private sequence = 0;
  private readonly dateWeights: DateWeights;

  constructor(options: Partial<ClustererOptions> = {}) {
    this.options = {
      ...DEFAULT_OPTIONS,
      ...options,
      weights: { ...DEFAULT_OPTIONS.weights, ...options.weights },
    };
    this.df = new DocumentFrequency();
    this.dateWeights = { conflict: this.options.dateConflict, sameDay: this.options.sameDayBonus };
  }

  /** Rebuilds the state from the articles of the recent window with the stories they were given. */
  static restore(
    docs: Iterable<ClusterInput & { storyId: string }>,
    options: Partial<ClustererOptions> = {},
  ): StoryClusterer {
    const clusterer = new StoryClusterer(options);
    for (const doc of docs) clusterer.place(doc, doc.storyId);
    return clusterer;
  }

  /** Places an article: joins the best story above the threshold or starts one. */
  add(doc: ClusterInput): ClusterAssignment {
    return this.place(doc, null);
  }

  /** Learns an article another process already placed in `storyId` (as restore() does). */
  observe(doc: ClusterInput, storyId: string): void {
    this.place(doc, storyId);
  }

  /** Stories currently in the window. */
  get liveStories(): number {
    return this.stories.size;
  }

  /** The story an id now lives in (after merges), or null once it left the window. */
  resolve(storyId: string): string | null {
    let id = storyId;
    for (let hops = 0; hops < 64 && !this.stories.has(id); hops++) {
      const next = this.aliases.get(id);
      if (!next) return null;
      id = next;
    }
    return this.stories.has(id) ? id : null;
  }

  private place(doc: ClusterInput, knownStory: string | null): ClusterAssignment {
    const parsed = doc.published ? Date.parse(doc.published) : Number.NaN;
    const time = Number.isFinite(parsed) ? parsed : null;
    if (time !== null && time > this.clock) this.clock = time;
    this.sweep();

    const features = docFeatures(doc.title ?? '', doc.text ?? '', time, doc.entities);
    // IDF as it was before this article (which is counted in on the way): the same weights
    // whether the article is placed live or restored
    const weighted = weighChannels(features, this.df, this.options.articleTerms, true);
    if (knownStory !== null) {
      const id = this.resolve(knownStory) ?? knownStory;
      const story = this.stories.get(id);
      if (story) this.join(story, features, weighted);
      else this.create(id, doc, features, weighted);
      return { storyId: id, created: !story, score: 0, merged: [] };
    }

    const scored = this.candidates(features, weighted);
    const best = scored[0];
    if (!best || best.score < this.options.threshold) {
      const id = this.uniqueId(doc.id);
      this.create(id, doc, features, weighted);
      return { storyId: id, created: true, score: 0, merged: [] };
    }
    let target = this.stories.get(best.storyId)!;
    const merged: string[] = [];
    // an article close to two stories bridges them: they were fragments of one event
    for (const other of scored.slice(1, 3)) {
      if (best.score < this.options.mergeThreshold || other.score < this.options.mergeThreshold) break;
      target = this.mergePair(target, this.stories.get(other.storyId)!, merged);
    }
    // neighbours are looked for when the story doubled in size: its centroid moved enough
    const reindexed = this.join(target, features, weighted);
    const doubled = (target.size & (target.size - 1)) === 0;
    const storyId = reindexed && doubled ? this.mergeAround(target, merged) : target.id;
    return { storyId, created: false, score: best.score, merged };
  }

  /** Candidate stories for an article, best first. */
  score(features: DocFeatures): ScoredStory[] {
    return this.candidates(features, weighChannels(features, this.df, this.options.articleTerms));
  }

  private candidates(features: DocFeatures, weighted: WeightedChannels): ScoredStory[] {
    const found = this.index.candidates(
      [
        { keys: topIds(weighted.body, 12), weight: 1 },
        { keys: topIds(weighted.names, 8), weight: 1.5 },
      ],
      this.options.maxCandidates,
    );
    return this.rank(weighted, features.time, features, found);
  }

  private rank(
    channels: WeightedChannels,
    time: number | null,
    date: ArticleDate,
    found: LiveStory[],
  ): ScoredStory[] {
    const out: Array<ScoredStory & { seq: number }> = [];
    for (const story of found) {
      let score = similarity(channels, story, this.options.weights);
      // the same kind of event on another date (a title defence, an emergency patch years
      // apart) is another story however alike the words
      score *= dateFactor(date, story.dates, this.dateWeights);
      if (nameConflict(channels.names, story)) score *= this.options.nameConflict;
      if (time !== null && story.last !== null) {
        score *= this.options.dayDecay ** (Math.abs(time - story.last) / 86_400_000);
      }
      out.push({ storyId: story.id, score, seq: story.seq });
    }
    out.sort((a, b) => b.score - a.score || a.seq - b.seq);
    return out;
  }

  /**
   * After a story grew, fragments of the same event may now look alike: a story whose centroid
   * is close enough is folded in, the younger into the older (which keeps its id).
   */
  private mergeAround(grown: LiveStory, merged: string[]): string {
    let target = grown;
    for (let round = 0; round < 3; round++) {
      const found = this.index.candidates([{ keys: storyKeys(target), weight: 1 }], 6);
      const others = this.rank(
        storyChannels(target),
        target.last,
        consensus(target.dates),
        found.filter((story) => story !== target),
      );
      const fold = others.find(
        (other) => other.score >= this.foldThreshold(target, this.stories.get(other.storyId)!),
      );
      if (!fold) break;
      target = this.mergePair(target, this.stories.get(fold.storyId)!, merged);
    }
    return target.id;
  }

  /**
   * The score at which `other` folds into the grown story. A small fragment of a larger story
   * needs less than a merge of two stories: it is usually an article that narrowly missed the
   * story at arrival (a thin report, a headline that is only a dateline), and the story's
   * centroid, now built from more articles, finds it again more reliably than the one it missed.
   * (Its threshold stays above the join threshold: a fragment may also be the first article of
   * another event of the same kind.)
   */
  private foldThreshold(grown: LiveStory, other: LiveStory): number {
    const { fragmentSize, refoldThreshold, mergeMinSize, mergeThreshold } = this.options;
    if (other.size <= fragmentSize && other.size < grown.size) return refoldThreshold;
    if (grown.size < mergeMinSize || other.size < mergeMinSize) return Number.POSITIVE_INFINITY;
    return mergeThreshold;
  }

  /** Folds the younger story into the older one, which keeps its id; returns the older. */
  private mergePair(a: LiveStory, b: LiveStory, merged: string[]): LiveStory {
    const [older, younger] = a.seq < b.seq ? [a, b] : [b, a];
    mergeInto(older, younger, this.options.centroidTerms);
    this.drop(younger.id);
    this.aliases.set(younger.id, older.id);
    this.index.set(older, storyKeys(older));
    merged.push(younger.id);
    return older;
  }

  private uniqueId(articleId: string): string {
    let id = storyIdFor(articleId);
    // a replayed article id must not collide with a live story it started before
    for (let i = 1; this.stories.has(id) || this.aliases.has(id); i++) id = storyIdFor(`${articleId}#${i}`);
    return id;
  }

  private create(id: string, doc: ClusterInput, features: DocFeatures, weighted: WeightedChannels): void {
    const story = newStory(id, this.sequence++, doc.id, features, weighted);
    this.stories.set(id, story);
    this.index.set(story, storyKeys(story));
  }

  /** Adds the article to the story; true when the story was re-indexed. */
  private join(story: LiveStory, features: DocFeatures, weighted: WeightedChannels): boolean {
    absorb(story, features, weighted, this.options.halfLifeHours, this.options.centroidTerms);
    // a grown story's top keys drift slowly: re-index while it is young, then every 4th article
    if (story.size > 4 && story.size % 4 !== 0) return false;
    this.index.set(story, storyKeys(story));
    return true;
  }

  private drop(id: string): void {
    const story = this.stories.get(id);
    if (!story) return;
    this.stories.delete(id);
    this.index.remove(story);
  }

  /** Evicts stories whose latest article is older than the window (a few times per window). */
  private sweep(): void {
    const windowMs = this.options.windowHours * 3_600_000;
    if (!Number.isFinite(this.clock) || this.clock - this.lastSweep < windowMs / 24) return;
    this.lastSweep = this.clock;
    const horizon = this.clock - windowMs;
    for (const [id, story] of this.stories) {
      if (story.last !== null && story.last < horizon) this.drop(id);
    }
    // an alias is kept while the chain it starts still reaches a live story
    for (const alias of [...this.aliases.keys()])
      if (this.resolve(alias) === null) this.aliases.delete(alias);
  }
}
