// The one adaptation from the neutral Result (or a sitemap) to the domain: what refreshSource
// calls. Titles and summaries become plain text, items without an http(s) URL are dropped,
// dates fall back from published to updated.
import type { FeedItem } from '../../domain/types.js';
import { LedeError } from '../../lib/errors.js';
import { type DecodedInput, decodeInput, type ParseOptions } from './document.js';
import { htmlToText } from './html-text.js';
import { parseDecoded } from './parse.js';
import type { Result, ResultItem } from './result.js';
import { readSitemap } from './sitemap.js';
import type { FeedDocument } from './types.js';

/** Name of the first element, skipping the prolog (declaration, comments, doctype); linear. */
export function rootElementName(text: string): string | null {
  const len = Math.min(text.length, 1 << 20);
  let i = text.indexOf('<');
  while (i >= 0 && i < len) {
    if (text.startsWith('<?', i)) i = after(text, '?>', i);
    else if (text.startsWith('<!--', i)) i = after(text, '-->', i);
    else if (text.startsWith('<!', i)) {
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      // a doctype with an internal subset ends at "]>"; one without at the first ">"
      i =
        bracket >= 0 && (close < 0 || bracket < close)
          ? after(text, ']', bracket)
          : close < 0
            ? -1
            : close + 1;
    } else {
      const m = /^<([A-Za-z_][\w:.-]*)/.exec(text.slice(i, i + 200));
      if (m) return m[1];
      i++;
    }
    if (i >= 0) i = text.indexOf('<', i);
  }
  return null;
}

function after(text: string, token: string, from: number): number {
  const at = text.indexOf(token, from);
  return at < 0 ? -1 : at + token.length;
}

function isHttp(u: string | null): u is string {
  return !!u && /^https?:\/\/[^\s]+$/i.test(u);
}

function toFeedItem(item: ResultItem, result: Result): FeedItem | null {
  // An Atom id that is an http URL is the permalink in practice; an RSS guid already became the
  // link when it is one (isPermaLink), and a relative non-permalink guid must not pose as a URL.
  const url = isHttp(item.link)
    ? item.link
    : isHttp(item.otherLink)
      ? item.otherLink
      : result.format === 'atom' && isHttp(item.id)
        ? item.id
        : null;
  if (!url) return null;
  const imageEnclosure = item.enclosures.find((e) => e.type?.startsWith('image/'));
  return {
    url,
    guid: item.id,
    title: htmlToText(item.title),
    summary: htmlToText(item.summary),
    contentHtml: item.contentHtml || null,
    publishedAt: item.published ?? item.updated,
    authors: item.authors.map((a) => a.name ?? a.email).filter((n): n is string => !!n),
    categories: [...new Set(item.categories.map((c) => c.label ?? c.term).filter((t): t is string => !!t))],
    imageUrl: item.image?.url ?? imageEnclosure?.url ?? null,
    language: normaliseLanguage(item.language ?? result.feed.language),
  };
}

function normaliseLanguage(lang: string | null): string | null {
  return lang ? lang.trim().toLowerCase() || null : null;
}

export function adaptResult(result: Result): FeedDocument {
  return {
    format: result.format,
    title: htmlToText(result.feed.title),
    link: result.feed.link,
    language: normaliseLanguage(result.feed.language),
    hub: result.feed.hub,
    sitemaps: [],
    items: result.items.map((i) => toFeedItem(i, result)).filter((i): i is FeedItem => i !== null),
    wellFormed: result.wellFormed,
    errors: result.errors,
  };
}

/** Sniffs a fetched body (feed, JSON Feed, sitemap, sitemap index) and reads it for the domain. */
export function readFeedDocument(
  body: Buffer | string,
  url: string,
  options: ParseOptions = {},
): FeedDocument {
  const decoded: DecodedInput = decodeInput(body, options);
  const root = rootElementName(decoded.text)?.toLowerCase();
  if (root && /(^|:)(urlset|sitemapindex)$/.test(root)) {
    const sitemap = readSitemap(decoded, url, options);
    if (sitemap) return sitemap;
    throw new LedeError('feed_unknown_format', `not a sitemap: root element <${root}>`);
  }
  return adaptResult(parseDecoded(decoded, url, options));
}
