// One <item>/<entry> element -> ResultItem. Every vocabulary's aliases map onto one model in a
// single pass over the children (feedparser's precedence: core element, then dc:, then media:).
import { type ContentKind, contentType, textConstruct } from './content.js';
import { parseDate } from './dates.js';
import {
  addPerson,
  lang,
  newLinks,
  personFromNode,
  personFromString,
  plain,
  readAtomLink,
  readCategory,
  toLength,
  url,
} from './read-common.js';
import type { ResultItem } from './result.js';
import { childrenOf, textOf, type XNode } from './xml-tree.js';

const SUMMARY_LIKE = new Set(['description', 'summary', 'itunes:summary', 'dc:description']);
const CONTENT = new Set(['content:encoded', 'content', 'xhtml:body', 'fullitem', 'xhtml:div']);
const COPY_TO_SUMMARY = new Set(['text/plain', 'text/html', 'application/xhtml+xml']);
const PUBLISHED = new Set(['pubdate', 'published', 'issued', 'dcterms:issued']);
const UPDATED = new Set(['updated', 'modified', 'dc:date', 'dcterms:modified']);

interface MediaFallbacks {
  title: string | null;
  description: string | null;
  thumbnail: string | null;
  image: string | null;
}

/** media:group, media:content and friends: fallbacks only, never over a core element. */
function readMedia(node: XNode, kind: ContentKind, m: MediaFallbacks, item: ResultItem): void {
  switch (node.key) {
    case 'media:title':
      m.title ??= textConstruct(node, kind) || null;
      return;
    case 'media:description':
      m.description ??= textConstruct(node, kind) || null;
      return;
    case 'media:thumbnail':
      m.thumbnail ??= url(node, node.attrs.url);
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
  };
  const links = newLinks();
  const media: MediaFallbacks = { title: null, description: null, thumbnail: null, image: null };
  const summaries: XNode[] = [];
  let contentNode: XNode | null = null;
  let dcTitle: string | null = null;
  let textLink: string | null = null;
  let guid: string | null = null;
  let guidIsLink = false;
  let atomId: string | null = null;
  let itunesImage: string | null = null;
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    const key = c.key;
    if (SUMMARY_LIKE.has(key)) summaries.push(c);
    else if (CONTENT.has(key)) {
      if (item.contentHtml === null) {
        item.contentHtml = textConstruct(c, kind);
        contentNode = c;
      }
    } else if (PUBLISHED.has(key)) item.published = parseDate(textOf(c)) ?? item.published;
    else if (UPDATED.has(key)) item.updated = parseDate(textOf(c)) ?? item.updated;
    else
      switch (key) {
        case 'title':
          item.title ??= textConstruct(c, kind);
          break;
        case 'dc:title':
          dcTitle ??= textConstruct(c, kind);
          break;
        case 'link':
          if (c.attrs.href !== undefined || kind !== 'rss') readAtomLink(c, links);
          else textLink ??= url(c, textOf(c));
          break;
        case 'guid':
          guid = url(c, textOf(c));
          guidIsLink = (c.attrs.ispermalink ?? 'true').trim().toLowerCase() !== 'false';
          break;
        case 'id':
          atomId ??= url(c, textOf(c));
          break;
        case 'author':
          addPerson(
            item.authors,
            childrenOf(c).length || kind !== 'rss' ? personFromNode(c) : personFromString(textOf(c)),
          );
          break;
        case 'dc:creator':
        case 'dc:author':
        case 'itunes:author':
          addPerson(item.authors, personFromString(textOf(c)));
          break;
        case 'enclosure': {
          const u = url(c, c.attrs.url);
          if (u)
            item.enclosures.push({
              url: u,
              type: c.attrs.type?.trim() || null,
              length: toLength(c.attrs.length),
            });
          break;
        }
        case 'comments':
          item.comments ??= url(c, textOf(c));
          break;
        case 'itunes:image':
          itunesImage ??= url(c, c.attrs.href ?? c.attrs.url ?? textOf(c));
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
  // The first summary-like element is the summary; a later one is the content when there is
  // none (an RSS item with both <description> and <summary>).
  if (summaries.length) {
    item.summary = textConstruct(summaries[0], kind);
    if (item.contentHtml === null && summaries.length > 1 && kind === 'rss')
      item.contentHtml = textConstruct(summaries[1], kind);
  }
  // feedparser copies textual content into an absent summary
  if (item.summary === null && contentNode && COPY_TO_SUMMARY.has(contentType(contentNode, kind)))
    item.summary = item.contentHtml;
  item.summary ??= media.description;
  item.title ??= dcTitle ?? media.title;
  item.id = guid ?? atomId ?? url(node, node.attrs['rdf:about']);
  item.link = textLink ?? links.alternate ?? links.alternateAny ?? (guid && guidIsLink ? guid : null);
  item.enclosures.push(...links.enclosures);
  const image = itunesImage ?? media.thumbnail ?? media.image;
  if (image) item.image = { url: image };
  return item;
}
