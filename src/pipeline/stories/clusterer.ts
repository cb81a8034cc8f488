// Online story clustering: each article is placed once, as it arrives. Candidates come from an
// inverted index over the top terms and names of the stories alive in a sliding time window
// (stories leave it when they stop growing, so the cost follows the window, not the archive);
// each candidate is scored on four TF-IDF cosines (body, headline, names, numbers) damped by the
// time gap and by dates that disagree with the story's, raised by a calendar day it shares (see
// date-profile.ts); the article joins the best story above a threshold or starts a new one.
// When a story doubles in size, its articles and those of its close neighbours are regrouped at
// once (see regroup.ts): a story that took in the first reports of another, alike event gives
// them back, and fragments of one event are merged (the younger into the older).
import { hexHash } from '../../lib/hash.js';
import { type ClustererOptions, DEFAULT_OPTIONS } from './clusterer-options.js';
import { type ArticleDate, consensus, type DateWeights, dateFactor } from './date-profile.js';
import {
  absorb,
  type LiveStory,
  type Member,
  memberPairScores,
  newStory,
  rebuildStory,
  similarity,
  storyChannels,
  storyKeys,
  type WeightedChannels,
  weighChannels,
} from './live-story.js';
import { keptStories, regroup, samePartition } from './regroup.js';
import { StoryIndex } from './story-index.js';
import type { ClusterAssignment, ClusterInput, MergedStory, MovedArticle } from './types.js';
import { type DocFeatures, DocumentFrequency, docFeatures, topIds } from './vectors.js';

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
  private arrivals = 0;
  private readonly dateWeights: DateWeights;

  constructor(options: Partial<ClustererOptions> = {}) {
    this.options = {
      ...DEFAULT_OPTIONS,
      ...options,
      weights: { ...DEFAULT_OPTIONS.weights, ...options.weights },
      regroup: { ...DEFAULT_OPTIONS.regroup, ...options.regroup },
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

  /**
   * Learns that another process moved a known article to `storyId` (a regrouping there, or a
   * merge). The story it leaves is rebuilt without it, or becomes an alias of `storyId` when it
   * had no other article. False when the article is not in the window (observe() it instead).
   */
  relocate(articleId: string, storyId: string): boolean {
    const into = this.resolve(storyId) ?? storyId;
    for (const story of this.stories.values()) {
      const at = story.members.findIndex((member) => member.id === articleId);
      if (at < 0) continue;
      if (story.id === into) return true;
      const [member] = story.members.splice(at, 1);
      this.leave(story, into);
      const target = this.stories.get(into);
      if (target) this.join(target, member);
      else this.create(into, member);
      return true;
    }
    return false;
  }

  /** Updates a story one of its members left for `into` (which replaces it when it is empty). */
  private leave(story: LiveStory, into: string): void {
    if (story.size === 1) {
      this.drop(story.id);
      this.aliases.set(story.id, into);
      return;
    }
    if (story.members.length === story.size - 1) {
      const { halfLifeHours, centroidTerms } = this.options;
      this.drop(story.id);
      const rebuilt = rebuildStory(story.id, story.seq, story.members, halfLifeHours, centroidTerms);
      this.stories.set(rebuilt.id, rebuilt);
      this.index.set(rebuilt, storyKeys(rebuilt));
      return;
    }
    // a story that forgot some of its articles cannot be rebuilt: it only counts one fewer
    story.size--;
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
    // a member keeps its dates, not the term counts they came with
    const date = { year: features.year, days: features.days, dates: features.dates };
    const member: Member = { id: doc.id, order: this.arrivals++, time, date, channels: weighted };
    if (knownStory !== null) {
      const id = this.resolve(knownStory) ?? knownStory;
      const story = this.stories.get(id);
      if (story) this.join(story, member);
      else this.create(id, member);
      return { storyId: id, created: !story, score: 0, merged: [], moved: [] };
    }

    const scored = this.candidates(features, weighted);
    const best = scored[0];
    if (!best || best.score < this.options.threshold) {
      const id = this.uniqueId(doc.id);
      this.create(id, member);
      return { storyId: id, created: true, score: 0, merged: [], moved: [] };
    }
    const story = this.stories.get(best.storyId)!;
    this.join(story, member);
    const merged: MergedStory[] = [];
    const moved: MovedArticle[] = [];
    let storyId = story.id;
    // a story that doubled is looked at again with its neighbours: its centroid moved enough
    const doubled = (story.size & (story.size - 1)) === 0;
    if (doubled && story.size >= this.options.regroupFrom) {
      storyId = this.regroupAround(story, doc.id, merged, moved) ?? storyId;
    }
    return { storyId, created: false, score: best.score, merged, moved };
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
      out.push({ storyId: story.id, score: this.match(channels, time, date, story), seq: story.seq });
    }
    out.sort((a, b) => b.score - a.score || a.seq - b.seq);
    return out;
  }

  /** How well an article (or a story seen as one) fits a story. */
  private match(
    channels: WeightedChannels,
    time: number | null,
    date: ArticleDate,
    story: LiveStory,
  ): number {
    let score = similarity(channels, story, this.options.weights);
    // the same kind of event on another date (a title defence, an emergency patch years
    // apart) is another story however alike the words
    score *= dateFactor(date, story.dates, this.dateWeights);
    if (time !== null && story.last !== null) {
      score *= this.options.dayDecay ** (Math.abs(time - story.last) / 86_400_000);
    }
    return score;
  }

  /**
   * Regroups the articles of a grown story and of its close neighbours at once (see regroup.ts)
   * and applies the new grouping: each group keeps the story that holds most of it (older
   * first), a group no story holds starts a new one, a story no group keeps is merged into the
   * one that took most of its articles. Returns the story of `articleId` when it changed.
   */
  private regroupAround(
    grown: LiveStory,
    articleId: string,
    merged: MergedStory[],
    moved: MovedArticle[],
  ): string | null {
    const stories = this.neighbourhood(grown);
    if (stories.length === 1 && grown.size < 3) return null;
    const members: Member[] = [];
    const from: number[] = [];
    stories.forEach((story, s) => {
      for (const member of story.members) {
        members.push(member);
        from.push(s);
      }
    });
    const { weights, dayDecay } = this.options;
    const scores = memberPairScores(members, weights, this.dateWeights, dayDecay);
    const group = regroup(scores, this.options.regroup);
    if (samePartition(group, from)) return null;

    const kept = keptStories(group, from);
    const finalOf = new Array<string>(members.length);
    const items = new Map<number, number[]>();
    group.forEach((g, i) => {
      items.set(g, [...(items.get(g) ?? []), i]);
    });
    for (const [g, indexes] of items) {
      const story = this.regrouped(stories, kept.get(g), indexes, members, from);
      for (const i of indexes) finalOf[i] = story.id;
    }
    stories.forEach((story, s) => {
      if ([...kept.values()].includes(s)) return;
      // a story no group kept lives on as an alias of the one that took most of its articles
      const counts = new Map<string, number>();
      from.forEach((f, i) => {
        if (f === s) counts.set(finalOf[i], (counts.get(finalOf[i]) ?? 0) + 1);
      });
      const into = [...counts].sort((x, y) => y[1] - x[1])[0][0];
      this.drop(story.id);
      this.aliases.set(story.id, into);
      merged.push({ id: story.id, into });
    });
    let placed: string | null = null;
    members.forEach((member, i) => {
      // the placed article is answered with its final story, not listed as moved
      if (member.id === articleId) placed = finalOf[i];
      else if (this.resolve(stories[from[i]].id) !== finalOf[i]) {
        moved.push({ id: member.id, storyId: finalOf[i] });
      }
    });
    return placed;
  }

  /**
   * The grown story and the neighbours it is regrouped with, oldest first: stories close enough
   * to it that still remember all their articles, up to `regroupMembers` articles in all.
   */
  private neighbourhood(grown: LiveStory): LiveStory[] {
    const { regroupMembers, neighbourhood } = this.options;
    // a story that forgot some of its articles cannot be rebuilt from the ones it remembers
    const whole = (story: LiveStory) => story.members.length === story.size;
    if (!whole(grown) || grown.size > regroupMembers) return [grown];
    const found = this.index.candidates([{ keys: storyKeys(grown), weight: 1 }], 6);
    const near = this.rank(
      storyChannels(grown),
      grown.last,
      consensus(grown.dates),
      found.filter((story) => story !== grown),
    );
    const stories = [grown];
    let total = grown.size;
    for (const { storyId, score } of near) {
      const story = this.stories.get(storyId)!;
      if (score < neighbourhood || !whole(story) || total + story.size > regroupMembers) continue;
      stories.push(story);
      total += story.size;
    }
    return stories.sort((a, b) => a.seq - b.seq);
  }

  /**
   * The story of one new group: the kept story (grown by the articles it gained, or rebuilt when
   * it also lost some), or a new story named by the group's first article.
   */
  private regrouped(
    stories: readonly LiveStory[],
    keptIndex: number | undefined,
    indexes: readonly number[],
    members: readonly Member[],
    from: readonly number[],
  ): LiveStory {
    const { halfLifeHours, centroidTerms } = this.options;
    const old = keptIndex === undefined ? null : stories[keptIndex];
    const gained = indexes.filter((i) => from[i] !== keptIndex).map((i) => members[i]);
    let story: LiveStory;
    if (old && indexes.length - gained.length === old.size) {
      if (gained.length === 0) return old;
      story = old;
      for (const member of gained.sort((a, b) => a.order - b.order)) {
        absorb(story, member, halfLifeHours, centroidTerms);
      }
      story.members.sort((a, b) => a.order - b.order);
    } else {
      const group = indexes.map((i) => members[i]).sort((a, b) => a.order - b.order);
      const id = old ? old.id : this.uniqueId(group[0].id);
      if (old) this.drop(old.id);
      story = rebuildStory(id, old ? old.seq : this.sequence++, group, halfLifeHours, centroidTerms);
      this.stories.set(id, story);
    }
    this.index.set(story, storyKeys(story));
    return story;
  }

  private uniqueId(articleId: string): string {
    let id = storyIdFor(articleId);
    // a replayed article id must not collide with a live story it started before
    for (let i = 1; this.stories.has(id) || this.aliases.has(id); i++) id = storyIdFor(`${articleId}#${i}`);
    return id;
  }

  private create(id: string, member: Member): void {
    const story = newStory(id, this.sequence++, member);
    this.stories.set(id, story);
    this.index.set(story, storyKeys(story));
  }

  /** Adds the article to the story. */
  private join(story: LiveStory, member: Member): void {
    absorb(story, member, this.options.halfLifeHours, this.options.centroidTerms);
    // a grown story's top keys drift slowly: re-index while it is young, then every 4th article
    if (story.size <= 4 || story.size % 4 === 0) this.index.set(story, storyKeys(story));
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
