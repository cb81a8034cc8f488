// Finding feeds: <link rel="alternate"> in a homepage, the common paths worth trying when it has
// none, and the Sitemap: lines of robots.txt.
import { Parser } from 'htmlparser2';
import { resolveUrl } from './urls.js';

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'application/xml',
  'text/xml',
  'application/x.atom+xml',
  'application/x-atom+xml',
]);

/** Paths where sites commonly serve feeds, most common first (WordPress, Blogger, Ghost, Hugo…). */
export const COMMON_FEED_PATHS = [
  '/feed',
  '/rss',
  '/rss.xml',
  '/feed.xml',
  '/atom.xml',
  '/index.xml',
  '/feed/atom',
  '/rss/index.xml',
  '/feeds/posts/default',
  '/?feed=rss2',
  '/index.rss',
  '/news/rss.xml',
  '/feed.json',
];

function isHttp(u: string): boolean {
  return /^https?:\/\//i.test(u);
}

/** Feed URLs named by the page's <link rel="alternate"> elements, in page order. */
export function alternateFeeds(html: string, pageUrl: string): string[] {
  let base = pageUrl;
  const found: string[] = [];
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (done) return;
        if (name === 'base' && attrs.href) base = resolveUrl(attrs.href.trim(), pageUrl);
        if (name === 'body') done = true; // feeds are announced in the head
        if (name !== 'link' || !attrs.href) return;
        const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        const type = (attrs.type ?? '').toLowerCase().split(';')[0].trim();
        if (!rel.includes('alternate') || !FEED_TYPES.has(type)) return;
        const href = resolveUrl(attrs.href.trim(), base);
        if (isHttp(href) && !found.includes(href)) found.push(href);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html.length > 2_000_000 ? html.slice(0, 2_000_000) : html);
  parser.end();
  return found;
}

/**
 * Candidate feed URLs for a homepage: the announced ones first, then the common paths on the
 * same origin (to be tried in order by the caller, which fetches and sniffs each).
 */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const out = alternateFeeds(html, pageUrl);
  let origin: string | null = null;
  try {
    origin = new URL(pageUrl).origin;
  } catch {
    return out;
  }
  for (const p of COMMON_FEED_PATHS) {
    const u = `${origin}${p}`;
    if (!out.includes(u)) out.push(u);
  }
  return out;
}

/** The absolute URLs of the `Sitemap:` lines of a robots.txt (any group, any case). */
export function robotsSitemaps(robotsTxt: string, robotsUrl?: string): string[] {
  const out: string[] = [];
  for (const line of robotsTxt.split(/\r\n|\r|\n/)) {
    const m = /^\s*sitemap\s*:\s*(\S+)/i.exec(line.replace(/#.*$/, ''));
    if (!m) continue;
    const u = robotsUrl ? resolveUrl(m[1], robotsUrl) : m[1];
    if (isHttp(u) && !out.includes(u)) out.push(u);
  }
  return out;
}
