// Search-engine and social metadata: Open Graph, Twitter cards and schema.org JSON-LD.
import { raw } from 'hono/html';
import type { Article, Source } from '../domain/types.js';
import { excerpt } from './format.js';

/**
 * JSON for a <script type="application/ld+json"> element. JSON.stringify does not escape "<",
 * so a title holding "</script>" would end the element: every <, >, & and the two JavaScript
 * line separators are written as \u escapes, which JSON readers decode back.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function JsonLd({ value }: { value: unknown }) {
  return <script type="application/ld+json">{raw(jsonLdText(value))}</script>;
}

export function newsArticleLd(article: Article, source: Source | null, pageUrl: string, siteName: string) {
  const images = [article.leadImage, ...article.images].filter((i) => i !== null).map((i) => i.url);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: excerpt(article.title, 110),
    description: excerpt(article.description ?? article.enrichment?.keyPoints[0]?.text ?? article.text, 300),
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.modifiedAt ?? article.publishedAt ?? undefined,
    inLanguage: article.language ?? undefined,
    image: images.length ? [...new Set(images)].slice(0, 3) : undefined,
    author: article.byline ? [{ '@type': 'Person', name: article.byline }] : undefined,
    publisher: { '@type': 'Organization', name: source?.name ?? article.siteName ?? siteName },
    isBasedOn: article.canonicalUrl,
    mainEntityOfPage: pageUrl,
    keywords: article.enrichment?.hashtags.length ? article.enrichment.hashtags.join(', ') : undefined,
  };
}

export interface SocialMeta {
  title: string;
  description: string;
  url: string;
  image?: string | null;
  type?: 'article' | 'website';
  siteName: string;
  publishedAt?: string | null;
}

/** Open Graph and Twitter card tags. */
export function Social({ meta }: { meta: SocialMeta }) {
  return (
    <>
      <meta property="og:type" content={meta.type ?? 'website'} />
      <meta property="og:site_name" content={meta.siteName} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:url" content={meta.url} />
      {meta.image ? <meta property="og:image" content={meta.image} /> : null}
      {meta.publishedAt ? <meta property="article:published_time" content={meta.publishedAt} /> : null}
      <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={meta.title} />
      <meta name="twitter:description" content={meta.description} />
      {meta.image ? <meta name="twitter:image" content={meta.image} /> : null}
    </>
  );
}
