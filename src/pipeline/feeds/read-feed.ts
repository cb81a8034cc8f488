// Feed-level elements (RSS <channel>, RDF channel + image, Atom <feed>) -> ResultFeed.
import { type ContentKind, textConstruct } from './content.js';
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
import type { FeedImage, ResultFeed } from './result.js';
import { child, textOf, type XNode } from './xml-tree.js';

const UPDATED = new Set(['lastbuilddate', 'updated', 'modified', 'dc:date', 'dcterms:modified']);
const PUBLISHED = new Set(['pubdate', 'published', 'issued', 'dcterms:issued']);
const DESCRIPTION = [
  'description',
  'subtitle',
  'tagline',
  'itunes:summary',
  'dc:description',
  'itunes:subtitle',
];

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
  const texts = new Map<string, XNode>();
  let textLink: string | null = null;
  let logo: string | null = null;
  let itunesImage: string | null = null;
  for (const c of nodes) {
    const key = c.key;
    if (UPDATED.has(key)) feed.updated = parseDate(textOf(c)) ?? feed.updated;
    else if (PUBLISHED.has(key)) feed.published = parseDate(textOf(c)) ?? feed.published;
    else
      switch (key) {
        case 'link':
          if (c.attrs.href !== undefined || kind !== 'rss') readAtomLink(c, links);
          else textLink ??= url(c, textOf(c));
          break;
        case 'language':
        case 'dc:language':
          feed.language ??= lang(plain(c));
          break;
        case 'id':
        case 'guid':
          feed.id ??= url(c, textOf(c));
          break;
        case 'generator':
          feed.generator ??= plain(c) ?? c.attrs.uri ?? null;
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
          itunesImage ??= url(c, c.attrs.href ?? c.attrs.url ?? textOf(c));
          break;
        case 'author':
          addPerson(
            feed.authors,
            c.children.some((k) => typeof k !== 'string') || kind !== 'rss'
              ? personFromNode(c)
              : personFromString(textOf(c)),
          );
          break;
        case 'managingeditor':
        case 'dc:creator':
        case 'dc:author':
        case 'itunes:author':
          addPerson(feed.authors, personFromString(textOf(c)));
          break;
        default:
          if (!readCategory(c, feed.categories) && !texts.has(key)) texts.set(key, c);
      }
  }
  const text = (...keys: string[]) => {
    for (const k of keys) {
      const n = texts.get(k);
      if (n) return textConstruct(n, kind);
    }
    return null;
  };
  feed.title = text('title', 'dc:title');
  feed.description = text(...DESCRIPTION);
  feed.copyright = text('copyright', 'rights', 'dc:rights');
  feed.link = textLink ?? links.alternate ?? links.alternateAny;
  feed.hub = links.hub;
  feed.language ??= lang(rootLang);
  if (!feed.image && (logo || itunesImage))
    feed.image = { url: logo ?? itunesImage, title: null, link: null, width: null, height: null };
  return feed;
}
