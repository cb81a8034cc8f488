// Sitemaps (https://www.sitemaps.org/protocol.html) with the Google News extension
// (news:publication name/language, news:publication_date, news:title) and image:image, and
// sitemap indexes. Entries stream through readXml like feed items.
import type { FeedItem } from '../../domain/types.js';
import { parseDate } from './dates.js';
import { type DecodedInput, type ParseOptions, readXml } from './document.js';
import type { FeedDocument } from './types.js';
import { resolveUrl } from './urls.js';
import { child, childrenOf, textOf, type XNode } from './xml-tree.js';

function text(node: XNode | undefined): string | null {
  const t = node ? textOf(node).trim() : '';
  return t || null;
}

function httpUrl(node: XNode | undefined): string | null {
  const t = text(node);
  if (!t) return null;
  const u = resolveUrl(t, node?.base);
  return /^https?:\/\//i.test(u) ? u : null;
}

interface Publication {
  name: string | null;
  language: string | null;
}

function readUrl(node: XNode, pub: Publication): FeedItem | null {
  const loc = httpUrl(child(node, 'loc'));
  if (!loc) return null;
  const news = child(node, 'news:news');
  const publication = news ? child(news, 'news:publication') : undefined;
  const language = publication ? text(child(publication, 'news:language')) : null;
  if (publication) {
    pub.name ??= text(child(publication, 'news:name'));
    pub.language ??= language;
  }
  const images = childrenOf(node).filter((c) => c.key === 'image:image');
  const keywords = news ? (text(child(news, 'news:keywords')) ?? '') : '';
  return {
    url: loc,
    guid: null,
    title: news ? text(child(news, 'news:title')) : null,
    summary: null,
    contentHtml: null,
    publishedAt:
      parseDate(news ? text(child(news, 'news:publication_date')) : null) ??
      parseDate(text(child(node, 'lastmod'))),
    authors: [],
    categories: keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    imageUrl: images.length ? httpUrl(child(images[0], 'image:loc')) : null,
    language: language ? language.toLowerCase() : null,
  };
}

/** Reads an <urlset> or <sitemapindex>; returns null when the root is neither. */
export function readSitemap(
  decoded: DecodedInput,
  url: string,
  options: ParseOptions = {},
): FeedDocument | null {
  const items: FeedItem[] = [];
  const sitemaps: string[] = [];
  const pub: Publication = { name: null, language: null };
  const maxItems = options.maxItems ?? 100_000;
  const doc = readXml(
    decoded.text,
    url,
    (root, entry) => {
      if (items.length + sitemaps.length >= maxItems) return;
      if (root.key === 'sitemapindex') {
        const loc = httpUrl(child(entry, 'loc'));
        if (loc) sitemaps.push(loc);
      } else {
        const item = readUrl(entry, pub);
        if (item) items.push(item);
      }
    },
    options,
  );
  if (doc.root.key !== 'urlset' && doc.root.key !== 'sitemapindex') return null;
  const errors = [...decoded.errors, ...doc.errors];
  return {
    format: doc.root.key === 'urlset' ? 'sitemap' : 'sitemapindex',
    title: pub.name,
    link: null,
    language: pub.language?.toLowerCase() ?? null,
    hub: null,
    sitemaps,
    items,
    wellFormed: errors.length === 0,
    errors,
  };
}
