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
   * next placement here sees their stories. Articles this placer already knows are skipped.
   */
  observe(articles: Article[]): void;
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
  const known = new Set(restored.map((a) => a.id));

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
      known.add(doc.id);
      return clusterer.add(doc);
    },
    observe(articles) {
      for (const a of articles) {
        if (known.has(a.id) || !a.storyId) continue;
        known.add(a.id);
        clusterer.observe(clusterInput(a), a.storyId);
        nearDuplicates.add(a.id, a.text);
      }
      // bounded memory: past the window the ids are not needed (an old article is not re-placed)
      if (known.size > 200_000) known.clear();
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
