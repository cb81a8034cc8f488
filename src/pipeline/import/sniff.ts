// Cheap looks at the first bytes of a document: is it a feed (and which kind), is it HTML, and
// which URL does it say it lives at. No full parse: the feeds and extract stages do that later.

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'sitemap' | 'jsonfeed';

const decoder = new TextDecoder('utf-8');

/** Text of the first `limit` bytes, honouring a UTF-16 byte order mark. */
export function headText(body: Uint8Array, limit: number): string {
  const head = body.subarray(0, limit);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  return decoder.decode(head);
}

/** The feed format a document's start announces, or null when it is not a feed. */
export function sniffFeed(text: string): FeedFormat | null {
  let s = text.replace(/^\uFEFF/, '').trimStart();
  if (s.startsWith('{')) {
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(s) ? 'jsonfeed' : null;
  }
  // skip the XML declaration, processing instructions, comments and a doctype
  for (;;) {
    const skipped = s.replace(
      /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*/i,
      '',
    );
    if (skipped === s) break;
    s = skipped;
  }
  const root = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/.exec(s);
  if (!root) return null;
  switch (root[2]) {
    case 'rss':
      return 'rss';
    case 'feed':
      return 'atom';
    case 'RDF':
      return 'rdf';
    case 'urlset':
    case 'sitemapindex':
      return 'sitemap';
    default:
      return null;
  }
}

/** True when a document's start looks like HTML. */
export function looksLikeHtml(text: string): boolean {
  const s = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 1024)
    .toLowerCase();
  return /^(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/.test(s);
}

export type MediaKind = 'html' | 'feed' | 'maybe' | 'other';

/** Classifies an HTTP Content-Type; 'maybe' means the body has to be sniffed. */
export function mediaKind(contentType: string | null): MediaKind {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (/^application\/(?:rss|atom|rdf|feed)\+(?:xml|json)$/.test(type)) return 'feed';
  if (
    type === '' ||
    type === 'text/plain' ||
    type === 'application/octet-stream' ||
    type === 'unknown/unknown'
  ) {
    return 'maybe';
  }
  if (/^(?:text|application)\/(?:[\w.+-]+\+)?(?:xml|json)$/.test(type)) return 'maybe';
  return 'other';
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  // skip the tag name itself
  re.lastIndex = tag.search(/[\s/>]/);
  if (re.lastIndex < 0) return attrs;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const name = m[1].toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities((m[2] ?? m[3] ?? m[4] ?? '').trim()));
  }
  return attrs;
}

function absoluteHttp(value: string | undefined, base?: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The page's own URL from `<link rel=canonical>` or `og:url` (canonical first), or null. */
export function pageUrlFromHtml(text: string): string | null {
  // comments and scripts may quote markup that is not the page's own
  const html = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
  let canonical: string | undefined;
  let ogUrl: string | undefined;
  let base: string | undefined;
  for (const m of html.matchAll(/<(link|meta|base)\b[^>]*>/gi)) {
    const attrs = attributes(m[0]);
    const tag = m[1].toLowerCase();
    if (tag === 'link' && canonical === undefined) {
      const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('canonical') && attrs.get('href')) canonical = attrs.get('href');
    } else if (tag === 'meta' && ogUrl === undefined) {
      if ((attrs.get('property') ?? attrs.get('name'))?.toLowerCase() === 'og:url')
        ogUrl = attrs.get('content');
    } else if (tag === 'base' && base === undefined) {
      base = absoluteHttp(attrs.get('href')) ?? undefined;
    }
  }
  const ogAbsolute = absoluteHttp(ogUrl, base);
  return absoluteHttp(canonical, base ?? ogAbsolute ?? undefined) ?? ogAbsolute;
}

/** The address a feed gives for itself (Atom/RSS `rel="self"` link, JSON Feed `feed_url`), or null. */
export function feedUrlFromFeed(text: string, format: FeedFormat): string | null {
  if (format === 'jsonfeed') {
    const m = /"feed_url"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
    if (!m) return null;
    try {
      return absoluteHttp(JSON.parse(`"${m[1]}"`) as string);
    } catch {
      return null;
    }
  }
  for (const m of text.matchAll(/<(?:[\w.-]+:)?link\b[^>]*>/gi)) {
    const attrs = attributes(m[0]);
    if ((attrs.get('rel') ?? '').toLowerCase().split(/\s+/).includes('self')) {
      const href = absoluteHttp(attrs.get('href'));
      if (href) return href;
    }
  }
  return null;
}
