// Feed-level elements (RSS <channel>, RDF channel + image, Atom <feed>) -> ResultFeed.
import { type ContentKind, textConstruct } from './content.js';
import { parseDate } from './dates.js';
import {
  addPerson,
  chosenLink,
  itunesImageUrl,
  lang,
  newLinks,
  personFromString,
  plain,
  readAuthor,
  readCategory,
  readId,
  readLink,
  toLength,
  url,
} from './read-common.js';
import type { FeedImage, ResultFeed } from './result.js';
import { child, textOf, type XNode } from './xml-tree.js';

const UPDATED = new Set(['lastbuilddate', 'updated', 'modified', 'dc:date', 'dcterms:modified']);
const PUBLISHED = new Set(['pubdate', 'published', 'issued', 'dcterms:issued']);
// feed-level text constructs: the last one of each group wins, except titles (the first)
const DESCRIPTION = new Set([
  'description',
  'subtitle',
  'tagline',
  'itunes:subtitle',
  'dc:description',
  'abstract',
]);
const COPYRIGHT = new Set(['copyright', 'rights', 'dc:rights']);

function rssImage(node: XNode): FeedImage {
  const get = (k: string) => {
    const c = child(node, k);
    return c ? plain(c) : null;
  };
  const u = child(node, 'url');
  const l = child(node, 'link');
  const width = get('width');
  const height = get('height');
  return {
    url: u ? url(u, textOf(u)) : url(node, node.attrs['rdf:resource']),
    title: get('title'),
    link: l ? url(l, textOf(l)) : null,
    width: toLength(width),
    height: toLength(height),
  };
}

export function readFeed(nodes: XNode[], kind: ContentKind, rootLang: string | null): ResultFeed {
  const feed: ResultFeed = {
    title: null,
    link: null,
    description: null,
    language: null,
    id: null,
    copyright: null,
    generator: null,
    icon: null,
    updated: null,
    published: null,
    image: null,
    authors: [],
    categories: [],
    hub: null,
  };
  const links = newLinks();
  let title: XNode | null = null;
  let description: XNode | null = null;
  let summary: XNode | null = null;
  let copyright: XNode | null = null;
  let logo: string | null = null;
  let itunesImage: string | null = null;
  for (const c of nodes) {
    const key = c.key;
    if (UPDATED.has(key)) feed.updated = parseDate(textOf(c)) ?? feed.updated;
    else if (PUBLISHED.has(key)) feed.published = parseDate(textOf(c)) ?? feed.published;
    else
      switch (key) {
        case 'title':
        case 'dc:title':
          title ??= c;
          break;
        case 'itunes:summary':
          summary = c;
          break;
        case 'link':
          readLink(c, links);
          break;
        case 'language':
        case 'dc:language':
          feed.language = lang(plain(c)) ?? feed.language; // the last one wins, as in feedparser
          break;
        case 'id':
        case 'guid':
          feed.id = readId(c, feed.id, links);
          break;
        case 'generator':
          feed.generator = plain(c) ?? c.attrs.uri ?? feed.generator; // the last one wins
          break;
        case 'admin:generatoragent':
          feed.generator = c.attrs['rdf:resource']?.trim() || feed.generator;
          break;
        case 'icon':
          feed.icon ??= url(c, textOf(c));
          break;
        case 'logo':
          logo ??= url(c, textOf(c));
          break;
        case 'image':
          feed.image ??= rssImage(c);
          break;
        case 'itunes:image':
          itunesImage ??= itunesImageUrl(c);
          break;
        case 'author':
          readAuthor(c, kind, feed.authors);
          break;
        case 'managingeditor':
        case 'dc:creator':
        case 'dc:author':
        case 'itunes:author':
          addPerson(feed.authors, personFromString(textOf(c)));
          break;
        default:
          if (DESCRIPTION.has(key)) description = c;
          else if (COPYRIGHT.has(key)) copyright = c;
          else readCategory(c, feed.categories);
      }
  }
  const text = (n: XNode | null) => (n ? textConstruct(n, kind) : null);
  feed.title = text(title);
  feed.description = text(description ?? summary);
  feed.copyright = text(copyright);
  feed.link = chosenLink(links, feed.id);
  feed.hub = links.hub;
  feed.language ??= lang(rootLang);
  if (!feed.image && (logo || itunesImage))
    feed.image = { url: logo ?? itunesImage, title: null, link: null, width: null, height: null };
  return feed;
}
