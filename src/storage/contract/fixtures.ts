import type { Article, NewSource, Story } from '../../domain/types.js';
import { hexHash } from '../../lib/hash.js';
import type { Store } from '../store.js';

export type CurrentStore = () => Store;

export const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();

export function newSource(n: number, over: Partial<NewSource> = {}): NewSource {
  return { name: `Source ${n}`, feedUrl: `https://news${n}.example/feed.xml`, ...over };
}

/**
 * The one article builder for tests of every stage: https://news.example/<slug>, its id the URL's
 * hash, every optional field empty and the html the text in a paragraph; `over` sets the rest.
 */
export function article(slug: string, over: Partial<Article> = {}): Article {
  const url = `https://news.example/${slug}`;
  const text = over.text ?? `Body of ${slug}.`;
  const now = new Date().toISOString();
  return {
    id: hexHash(url),
    url,
    canonicalUrl: url,
    sourceId: null,
    title: `Title ${slug}`,
    byline: null,
    description: null,
    publishedAt: now,
    modifiedAt: null,
    language: 'en',
    siteName: null,
    section: null,
    paywalled: false,
    text,
    html: `<p>${text}</p>`,
    leadImage: null,
    images: [],
    category: null,
    enrichment: null,
    storyId: null,
    contentHash: null,
    duplicateOf: null,
    fetchedAt: now,
    updatedAt: now,
    ...over,
  };
}

export function story(id: string, over: Partial<Story> = {}): Story {
  const now = new Date().toISOString();
  return {
    id,
    title: `Story ${id}`,
    leadArticleId: null,
    articleCount: 1,
    sourceCount: 1,
    category: null,
    firstPublishedAt: now,
    lastPublishedAt: now,
    mergedInto: null,
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}
