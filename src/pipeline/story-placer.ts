// Puts the stories stage behind the pipeline's StoryPlacer: URL identity, exact and near
// duplicates, online story placement and the stored story record. State lives in memory and is
// rebuilt from the store's recent window at start, so the cost per article stays flat.
import type { Article, Story } from '../domain/types.js';
import type { Store } from '../storage/store.js';
import type { StoryPlacer } from './deps.js';
import { articleIdFor, canonicalizeUrl } from './stories/canonical-url.js';
import { StoryClusterer } from './stories/clusterer.js';
import { contentHash } from './stories/fingerprint.js';
import { NearDuplicateIndex } from './stories/near-duplicates.js';
import { representativeHeadline } from './stories/story-data.js';
import type { ClusterInput } from './stories/types.js';

function publishedTime(a: Article): string {
  return a.publishedAt ?? a.fetchedAt;
}

function clusterInput(a: Article): ClusterInput {
  return {
    id: a.id,
    title: a.title,
    text: a.text,
    published: publishedTime(a),
    source: a.sourceId ?? a.siteName ?? new URL(a.canonicalUrl).hostname,
    entities: a.enrichment?.entities.map((e) => e.canonical ?? e.text),
  };
}

export interface SyncedStoryPlacer extends StoryPlacer {
  /**
   * Learns articles other processes stored and placed (workers sharing one PostgreSQL), so the
   * next placement here sees their stories. A known article whose stored story is not the one
   * last seen here was moved (a regrouping or a merge elsewhere): it is moved here too.
   */
  observe(articles: Article[]): void;
}

/** Articles whose last seen story the placer remembers: past this, the oldest are forgotten. */
const REMEMBERED_ARTICLES = 200_000;

/**
 * Article id → the story it was last seen in, forgetting the least recently placed or moved past
 * `limit` (they are long out of the clustering window).
 */
class LastSeenStories {
  private readonly storyOf = new Map<string, string>();

  constructor(private readonly limit: number) {}

  get(articleId: string): string | undefined {
    return this.storyOf.get(articleId);
  }

  set(articleId: string, storyId: string): void {
    // re-inserted: a Map iterates in insertion order, so the first key is the least recent
    this.storyOf.delete(articleId);
    this.storyOf.set(articleId, storyId);
    if (this.storyOf.size > this.limit) this.storyOf.delete(this.storyOf.keys().next().value!);
  }
}

export function createStoryPlacer(options: { windowHours: number; restored?: Article[] }): SyncedStoryPlacer {
  const restored = [...(options.restored ?? [])].sort((a, b) =>
    publishedTime(a).localeCompare(publishedTime(b)),
  );
  const clusterer = StoryClusterer.restore(
    restored.filter((a) => a.storyId).map((a) => ({ ...clusterInput(a), storyId: a.storyId! })),
    { windowHours: options.windowHours },
  );
  const nearDuplicates = new NearDuplicateIndex();
  for (const a of restored) nearDuplicates.add(a.id, a.text);
  const lastSeen = new LastSeenStories(REMEMBERED_ARTICLES);
  for (const a of restored) if (a.storyId) lastSeen.set(a.id, a.storyId);

  return {
    canonicalizeUrl,
    articleIdFor,
    contentHash,
    nearDuplicate(id, text) {
      const found = nearDuplicates.find(text, id);
      nearDuplicates.add(id, text);
      return found ? { id: found.id, overlap: found.overlap } : null;
    },
    place(doc) {
      const assignment = clusterer.add(doc);
      lastSeen.set(doc.id, assignment.storyId);
      for (const m of assignment.moved) lastSeen.set(m.id, m.storyId);
      // articles of the merged stories come back from the store in their new story: relocate()
      // finds them there already, or follows the store where it put them elsewhere
      return assignment;
    },
    observe(articles) {
      for (const a of articles) {
        if (!a.storyId) continue;
        const seen = lastSeen.get(a.id);
        if (seen === a.storyId) continue;
        lastSeen.set(a.id, a.storyId);
        if (seen !== undefined) {
          // false when the article left the window: remembering its story is all there is to do
          clusterer.relocate(a.id, a.storyId);
          continue;
        }
        clusterer.observe(clusterInput(a), a.storyId);
        nearDuplicates.add(a.id, a.text);
      }
    },
    summarize(storyId: string, articles: Article[], previous: Story | null): Story {
      const times = articles.map(publishedTime).sort();
      const headline = representativeHeadline(articles);
      const categories = new Map<string, number>();
      for (const a of articles)
        if (a.category) categories.set(a.category, (categories.get(a.category) ?? 0) + 1);
      const category = [...categories.entries()].sort(
        (x, y) => y[1] - x[1] || x[0].localeCompare(y[0]),
      )[0]?.[0];
      const now = new Date().toISOString();
      return {
        id: storyId,
        title: headline?.text ?? previous?.title ?? articles[0]?.title ?? '',
        leadArticleId: headline?.articleId ?? previous?.leadArticleId ?? null,
        articleCount: articles.length,
        sourceCount: new Set(articles.map((a) => a.sourceId ?? a.siteName ?? a.canonicalUrl)).size,
        category: (category as Story['category']) ?? null,
        firstPublishedAt: times[0] ?? null,
        lastPublishedAt: times[times.length - 1] ?? null,
        mergedInto: null,
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
      };
    },
  };
}

/** Articles of the clustering window, for rebuilding the placer after a restart. */
export async function recentArticles(
  store: Store,
  windowHours: number,
  now = Date.now(),
): Promise<Article[]> {
  const since = new Date(now - windowHours * 3600_000).toISOString();
  return store.articles.list({ since, limit: 20_000 });
}
