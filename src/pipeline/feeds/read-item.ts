// One <item>/<entry> element -> ResultItem. Every vocabulary's aliases map onto one model in a
// single pass over the children, in document order, with feedparser's precedence rules: the
// first title, the last link, a second summary-like element becoming the content, media:*
// only as fallbacks.
import { type ContentKind, contentType, textConstruct } from './content.js';
import { parseDate } from './dates.js';
import {
  addPerson,
  chosenLink,
  enclosure,
  itunesImageUrl,
  lang,
  newLinks,
  personFromString,
  plain,
  readAuthor,
  readCategory,
  readId,
  readLink,
  url,
} from './read-common.js';
import type { ResultItem } from './result.js';
import { childrenOf, textOf, type XNode } from './xml-tree.js';

const SUMMARY_LIKE = new Set([
  'description',
  'summary',
  'abstract',
  'itunes:summary',
  'dc:description',
  'media:description',
]);
// elements whose start marks that the item has content (a later summary stays a summary)
const CONTENT = new Set(['content:encoded', 'content', 'fullitem']);
const BODY = new Set(['body', 'xhtml:body']);
const COPY_TO_SUMMARY = new Set(['text/plain', 'text/html', 'application/xhtml+xml']);
const PUBLISHED = new Set(['pubdate', 'published', 'issued', 'dcterms:issued']);
const UPDATED = new Set(['updated', 'modified', 'dc:date', 'dcterms:modified']);

interface MediaFallbacks {
  title: string | null;
  description: string | null;
  thumbnail: string | null;
  image: string | null;
}

/** media:group, media:content and friends nested below the item: fallbacks only. */
function readMedia(node: XNode, kind: ContentKind, m: MediaFallbacks, item: ResultItem): void {
  switch (node.key) {
    case 'media:title':
      m.title ??= textConstruct(node, kind) || null;
      return;
    case 'media:description':
      m.description ??= textConstruct(node, kind) || null;
      return;
    case 'media:thumbnail':
      m.thumbnail ??= url(node, node.attrs.url ?? textOf(node));
      return;
    case 'media:content': {
      const type = node.attrs.type ?? '';
      if (node.attrs.medium === 'image' || type.startsWith('image/')) m.image ??= url(node, node.attrs.url);
      break;
    }
    case 'media:group':
      break;
    default:
      readCategory(node, item.categories);
      return;
  }
  for (const c of childrenOf(node)) readMedia(c, kind, m, item);
}

/** Content-ish element with its type, so that a textual one can stand in for the summary. */
function content(node: XNode, kind: ContentKind, defaultType: string): { value: string; copy: boolean } {
  return {
    value: textConstruct(node, kind, defaultType),
    copy: COPY_TO_SUMMARY.has(contentType(node, kind, defaultType)),
  };
}

export function readItem(node: XNode, kind: ContentKind): ResultItem {
  const item: ResultItem = {
    id: null,
    title: null,
    link: null,
    summary: null,
    contentHtml: null,
    published: null,
    updated: null,
    authors: [],
    categories: [],
    enclosures: [],
    comments: null,
    image: null,
    language: lang(node.lang),
    otherLink: null,
  };
  const links = newLinks();
  const media: MediaFallbacks = { title: null, description: null, thumbnail: null, image: null };
  let hasContent = false;
  let copySummary: string | null = null;
  let itunesImage: string | null = null;
  const aboutId = node.attrs['rdf:about'];
  if (aboutId) item.id = url(node, aboutId);
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    const key = c.key;
    if (SUMMARY_LIKE.has(key)) {
      const value = textConstruct(c, kind);
      if (item.summary !== null && !hasContent) {
        // a second summary-like element is the content (RSS items with <description> + <summary>)
        hasContent = true;
        item.contentHtml ??= value;
      } else item.summary = value;
    } else if (CONTENT.has(key) || BODY.has(key)) {
      if (!BODY.has(key)) hasContent = true;
      const v = content(
        c,
        kind,
        BODY.has(key)
          ? 'application/xhtml+xml'
          : kind === 'rss' || key !== 'content'
            ? 'text/html'
            : 'text/plain',
      );
      if (item.contentHtml === null) {
        item.contentHtml = v.value;
        if (v.copy) copySummary = v.value;
      }
    } else if (PUBLISHED.has(key)) item.published = parseDate(textOf(c)) ?? item.published;
    else if (UPDATED.has(key)) item.updated = parseDate(textOf(c)) ?? item.updated;
    else
      switch (key) {
        case 'title':
        case 'dc:title':
          item.title ??= textConstruct(c, kind); // the first title wins, whatever its vocabulary
          break;
        case 'link':
          readLink(c, links);
          break;
        case 'guid':
        case 'id':
          item.id = readId(c, item.id, links);
          break;
        case 'author':
          readAuthor(c, kind, item.authors);
          break;
        case 'dc:creator':
        case 'dc:author':
        case 'itunes:author':
          addPerson(item.authors, personFromString(textOf(c)));
          break;
        case 'enclosure': {
          const u = url(c, c.attrs.url ?? c.attrs.uri ?? c.attrs.href);
          if (u) item.enclosures.push(enclosure(c, u));
          break;
        }
        case 'comments':
          item.comments = url(c, textOf(c)) ?? item.comments;
          break;
        case 'itunes:image':
        case 'itunes:link':
          itunesImage ??= itunesImageUrl(c);
          break;
        case 'language':
        case 'dc:language':
          item.language = lang(plain(c)) ?? item.language;
          break;
        default:
          if (key.startsWith('media:')) readMedia(c, kind, media, item);
          else readCategory(c, item.categories);
      }
  }
  item.summary ??= copySummary ?? media.description;
  item.title ??= media.title;
  item.link = chosenLink(links, item.id);
  item.otherLink = links.fallback;
  item.enclosures.push(...links.enclosures);
  const image = itunesImage ?? media.thumbnail ?? media.image;
  if (image) item.image = { url: image };
  return item;
}
