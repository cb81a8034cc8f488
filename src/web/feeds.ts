// Outgoing feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 from one neutral list of items. Every
// text is escaped (XML) or JSON-encoded; characters XML 1.0 forbids are dropped.
import type { Article } from '../domain/types.js';
import { excerpt } from './format.js';

export type FeedFormat = 'xml' | 'atom' | 'json';

export interface FeedMeta {
  title: string;
  description: string;
  /** the HTML page this feed mirrors (absolute) */
  pageUrl: string;
  /** this feed (absolute) */
  feedUrl: string;
  language?: string | null;
}

export interface FeedItem {
  id: string;
  url: string;
  externalUrl: string;
  title: string;
  summary: string;
  published: string | null;
  updated: string | null;
  author: string | null;
  tags: string[];
  language: string | null;
}

const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function itemOf(article: Article, origin: string): FeedItem {
  return {
    id: `${origin}/article/${article.id}`,
    url: `${origin}/article/${article.id}`,
    externalUrl: article.canonicalUrl,
    title: article.title,
    summary: excerpt(
      article.enrichment?.keyPoints.map((k) => k.text).join(' ') || article.description || article.text,
      500,
    ),
    published: article.publishedAt,
    updated: article.modifiedAt ?? article.publishedAt ?? article.fetchedAt,
    author: article.byline,
    tags: article.enrichment?.hashtags ?? [],
    language: article.language,
  };
}

function rfc822(iso: string | null): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toUTCString() : null;
}

function isoOf(iso: string | null): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

function rss(meta: FeedMeta, items: FeedItem[]): string {
  const e = xmlEscape;
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${e(meta.title)}</title>`,
    `<link>${e(meta.pageUrl)}</link>`,
    `<description>${e(meta.description)}</description>`,
    `<atom:link href="${e(meta.feedUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  if (meta.language) out.push(`<language>${e(meta.language)}</language>`);
  const last = rfc822(items[0]?.updated ?? null);
  if (last) out.push(`<lastBuildDate>${last}</lastBuildDate>`);
  for (const item of items) {
    out.push('<item>', `<title>${e(item.title)}</title>`, `<link>${e(item.url)}</link>`);
    out.push(
      `<guid isPermaLink="true">${e(item.id)}</guid>`,
      `<description>${e(item.summary)}</description>`,
    );
    const date = rfc822(item.published);
    if (date) out.push(`<pubDate>${date}</pubDate>`);
    for (const tag of item.tags) out.push(`<category>${e(tag)}</category>`);
    out.push(`<source url="${e(item.externalUrl)}">${e(item.externalUrl)}</source>`, '</item>');
  }
  out.push('</channel>', '</rss>');
  return out.join('\n');
}

function atom(meta: FeedMeta, items: FeedItem[]): string {
  const e = xmlEscape;
  const updated = isoOf(items[0]?.updated ?? null) ?? new Date(0).toISOString();
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${meta.language ? ` xml:lang="${e(meta.language)}"` : ''}>`,
    `<title>${e(meta.title)}</title>`,
    `<subtitle>${e(meta.description)}</subtitle>`,
    `<id>${e(meta.feedUrl)}</id>`,
    `<link rel="self" href="${e(meta.feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${e(meta.pageUrl)}"/>`,
    `<updated>${updated}</updated>`,
  ];
  for (const item of items) {
    out.push('<entry>', `<title>${e(item.title)}</title>`, `<id>${e(item.id)}</id>`);
    out.push(`<link rel="alternate" type="text/html" href="${e(item.url)}"/>`);
    out.push(`<link rel="related" href="${e(item.externalUrl)}"/>`);
    out.push(`<updated>${isoOf(item.updated) ?? updated}</updated>`);
    const published = isoOf(item.published);
    if (published) out.push(`<published>${published}</published>`);
    if (item.author) out.push(`<author><name>${e(item.author)}</name></author>`);
    for (const tag of item.tags) out.push(`<category term="${e(tag)}"/>`);
    out.push(`<summary>${e(item.summary)}</summary>`, '</entry>');
  }
  out.push('</feed>');
  return out.join('\n');
}

function jsonFeed(meta: FeedMeta, items: FeedItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    description: meta.description,
    home_page_url: meta.pageUrl,
    feed_url: meta.feedUrl,
    language: meta.language ?? undefined,
    items: items.map((item) => ({
      id: item.id,
      url: item.url,
      external_url: item.externalUrl,
      title: item.title,
      summary: item.summary,
      content_text: item.summary,
      date_published: isoOf(item.published) ?? undefined,
      date_modified: isoOf(item.updated) ?? undefined,
      authors: item.author ? [{ name: item.author }] : undefined,
      tags: item.tags.length ? item.tags : undefined,
      language: item.language ?? undefined,
    })),
  });
}

export const FEED_TYPES: Record<FeedFormat, string> = {
  xml: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export function renderFeed(format: FeedFormat, meta: FeedMeta, items: FeedItem[]): string {
  return format === 'xml' ? rss(meta, items) : format === 'atom' ? atom(meta, items) : jsonFeed(meta, items);
}
