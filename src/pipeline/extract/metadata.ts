// Metadata read before the body: JSON-LD (NewsArticle and kin, @graph), OpenGraph, Twitter
// cards, <meta>, <time datetime>, microdata. Earlier sources win; each field falls back in turn.
import type { Document, Element } from 'domhandler';
import { attr, findAll, normalizeSpace, rawText, resolveUrl } from './dom.js';
import type { ArticleMetadata } from './types.js';

/** The page's metadata, with the lead image and JSON-LD body that the later steps weigh. */
export interface PageMetadata extends ArticleMetadata {
  image: string | null;
  /** JSON-LD articleBody, unchecked (the body step compares it with the page) */
  articleBody: string | null;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting|WebPage)$/;

type Json = Record<string, unknown>;

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v == null ? [] : [v];
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return normalizeSpace(v) || null;
  if (typeof v === 'number') return String(v);
  return null;
}

function names(v: unknown): string[] {
  const out: string[] = [];
  for (const item of asArray(v)) {
    if (typeof item === 'string') out.push(item);
    else if (item && typeof item === 'object') {
      const n = str((item as Json).name);
      if (n) out.push(n);
    }
  }
  return out.map((s) => normalizeSpace(s)).filter(Boolean);
}

function typeOf(node: Json): string[] {
  return asArray(node['@type']).filter((t): t is string => typeof t === 'string');
}

/** Escape raw control characters inside JSON strings (a line break there separates paragraphs). */
function escapeControlChars(source: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      if (c === '\\') {
        out += c + (source[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '"') inString = false;
      else if (c === '\n') {
        out += '\\n';
        continue;
      } else if (c < ' ') {
        out += ' ';
        continue;
      }
    } else if (c === '"') inString = true;
    out += c;
  }
  return out;
}

/** Every JSON-LD object on the page, @graph flattened. */
function jsonLdNodes(doc: Document): Json[] {
  const out: Json[] = [];
  for (const script of findAll(doc, (el) => el.name === 'script' && /ld\+json/i.test(attr(el, 'type')))) {
    const source = rawText(script)
      .trim()
      .replace(/^<!--|-->$/g, '');
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      try {
        // raw line breaks inside strings and whole-line // comments are common and invalid JSON
        data = JSON.parse(escapeControlChars(source.replace(/^\s*\/\/[^\n]*$/gm, '')));
      } catch {
        continue;
      }
    }
    const queue = asArray(data);
    while (queue.length && out.length < 200) {
      const item = queue.shift();
      if (!item || typeof item !== 'object') continue;
      const node = item as Json;
      out.push(node);
      queue.push(...asArray(node['@graph']));
      if (node.mainEntity && typeof node.mainEntity === 'object') queue.push(node.mainEntity);
    }
  }
  return out;
}

function pickArticle(nodes: Json[]): Json | null {
  let best: Json | null = null;
  let bestRank = -1;
  for (const node of nodes) {
    const types = typeOf(node);
    if (!types.some((t) => ARTICLE_TYPES.test(t))) continue;
    // a real article type beats WebPage; a node with a body or headline beats one without
    const rank =
      (types.some((t) => t !== 'WebPage') ? 4 : 0) + (node.articleBody ? 2 : 0) + (node.headline ? 1 : 0);
    if (rank > bestRank) {
      best = node;
      bestRank = rank;
    }
  }
  return best;
}

function metaIndex(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of findAll(doc, (e) => e.name === 'meta')) {
    const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop ?? '').toLowerCase().trim();
    const content = el.attribs.content;
    if (key && content && !map.has(key)) map.set(key, content.trim());
  }
  return map;
}

function isoDate(v: string | null): string | null {
  if (!v) return null;
  const s = v.trim();
  if (!/^\d{4}-\d{2}-\d{2}|^\d{4}\d{2}\d{2}T|^[A-Z][a-z]{2},? /.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function imageUrl(v: unknown): string | null {
  for (const item of asArray(v)) {
    if (typeof item === 'string') return item;
    if (item && typeof item === 'object') {
      const u = str((item as Json).url) ?? str((item as Json).contentUrl);
      if (u) return u;
    }
  }
  return null;
}

function microdata(doc: Document, prop: string): Element | null {
  return findAll(doc, (el) => el.attribs.itemprop === prop)[0] ?? null;
}

export function readMetadata(doc: Document, url: string): PageMetadata {
  const ld = pickArticle(jsonLdNodes(doc));
  const meta = metaIndex(doc);
  const m = (...keys: string[]) => {
    for (const k of keys) {
      const v = meta.get(k);
      if (v) return normalizeSpace(v);
    }
    return null;
  };
  const htmlEl = findAll(doc, (el) => el.name === 'html')[0];
  const titleEl = findAll(doc, (el) => el.name === 'title')[0];
  const h1 = findAll(doc, (el) => el.name === 'h1')[0];
  const timeEl = findAll(doc, (el) => el.name === 'time' && !!el.attribs.datetime)[0];
  const canonicalEl = findAll(doc, (el) => el.name === 'link' && /\bcanonical\b/i.test(attr(el, 'rel')))[0];
  const mdAuthor = microdata(doc, 'author');
  const mdDate = microdata(doc, 'datePublished');

  const ldAuthors = ld ? names(ld.author ?? ld.creator) : [];
  const publisher =
    ld?.publisher && typeof ld.publisher === 'object' ? str((ld.publisher as Json).name) : null;
  const free = ld?.isAccessibleForFree;
  const body = typeof ld?.articleBody === 'string' && ld.articleBody.trim() ? ld.articleBody : null;
  const canonical = m('og:url') ?? (canonicalEl ? attr(canonicalEl, 'href') : null) ?? str(ld?.url);
  const image = imageUrl(ld?.image) ?? m('og:image', 'og:image:url', 'twitter:image', 'twitter:image:src');

  return {
    title:
      str(ld?.headline) ??
      m('og:title', 'twitter:title', 'dc.title') ??
      (h1 ? normalizeSpace(rawText(h1)) || null : null) ??
      (titleEl ? normalizeSpace(rawText(titleEl)) || null : null),
    byline:
      (ldAuthors.length ? ldAuthors.join(', ') : null) ??
      m('author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author') ??
      (mdAuthor ? normalizeSpace(mdAuthor.attribs.content ?? rawText(mdAuthor)) || null : null),
    published:
      isoDate(str(ld?.datePublished) ?? str(ld?.dateCreated)) ??
      isoDate(m('article:published_time', 'datepublished', 'pubdate', 'date', 'dc.date', 'sailthru.date')) ??
      isoDate(mdDate ? (mdDate.attribs.content ?? mdDate.attribs.datetime ?? null) : null) ??
      isoDate(timeEl ? attr(timeEl, 'datetime') : null),
    modified:
      isoDate(str(ld?.dateModified)) ??
      isoDate(m('article:modified_time', 'og:updated_time', 'datemodified')),
    language: normalizeLang(
      (htmlEl ? attr(htmlEl, 'lang') || attr(htmlEl, 'xml:lang') : '') ||
        str(ld?.inLanguage) ||
        m('og:locale', 'language', 'content-language') ||
        '',
    ),
    description: str(ld?.description) ?? m('og:description', 'description', 'twitter:description'),
    section: str(asArray(ld?.articleSection)[0]) ?? m('article:section', 'parsely-section'),
    paywalled: free === false || free === 'False' || free === 'false',
    siteName: m('og:site_name', 'application-name') ?? publisher,
    canonicalUrl: canonical ? resolveUrl(canonical, url) : null,
    image: image ? resolveUrl(image, url) : null,
    articleBody: body,
  };
}

function normalizeLang(v: string): string | null {
  const tag = v
    .trim()
    .split(/[-_\s]/)[0]
    ?.toLowerCase();
  return tag && /^[a-z]{2,3}$/.test(tag) ? tag : null;
}
