// JSON shapes of the public API: chosen fields of domain objects, never storage rows.
import type { Article, Source } from '../../domain/types.js';

export function presentArticleSummary(article: Article) {
  return {
    id: article.id,
    url: article.canonicalUrl,
    title: article.title,
    byline: article.byline,
    sourceId: article.sourceId,
    siteName: article.siteName,
    publishedAt: article.publishedAt,
    language: article.language,
    category: article.category,
    storyId: article.storyId,
    description: article.description,
    leadImage: article.leadImage,
    hashtags: article.enrichment?.hashtags ?? [],
  };
}

export function presentArticle(article: Article, source: Source | null) {
  const full = source?.displayPolicy !== 'excerpt';
  return {
    ...presentArticleSummary(article),
    modifiedAt: article.modifiedAt,
    paywalled: article.paywalled,
    duplicateOf: article.duplicateOf,
    text: full ? article.text : null,
    html: full ? article.html : null,
    images: article.images,
    enrichment: article.enrichment,
  };
}

export function presentSource(source: Source) {
  return {
    id: source.id,
    name: source.name,
    feedUrl: source.feedUrl,
    homepage: source.homepage,
    country: source.country,
    language: source.language,
    topics: source.topics,
    enabled: source.enabled,
    health: {
      lastPolledAt: source.lastPolledAt,
      lastSuccessAt: source.lastSuccessAt,
      nextPollAt: source.nextPollAt,
      errorCount: source.errorCount,
      lastError: source.lastError,
      lastErrorAt: source.lastErrorAt,
      pausedReason: source.pausedReason,
    },
  };
}
