// Readers shared by feed and item level: people, categories, links, images, plain values.
import type { ContentKind } from './content.js';
import type { Category, Enclosure, Person } from './result.js';
import { resolveUrl } from './urls.js';
import { childrenOf, textOf, type XNode } from './xml-tree.js';

export function plain(node: XNode): string | null {
  const t = textOf(node).trim();
  return t || null;
}

export function url(node: XNode, value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? resolveUrl(v, node.base) : null;
}

const EMAIL =
  /(?:mailto:)?([a-zA-Z0-9_\-.+]+@(?:\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.|(?:[a-zA-Z0-9-]+\.)+)(?:[a-zA-Z]{2,}|[0-9]{1,3})\]?)(?:\?subject=\S+)?/;

/** RSS author strings: "me@x.com (Name)", "Name <me@x.com>", "Name", "me@x.com". */
export function personFromString(s: string): Person | null {
  let name = s.trim();
  let email: string | null = null;
  const m = EMAIL.exec(name);
  if (m) {
    email = m[1];
    name = name.replace(m[0], '').replace('()', '').replace('<>', '').trim();
    if (name.startsWith('(') && name.endsWith(')')) name = name.slice(1, -1).trim();
    else if (name.startsWith('(')) name = name.slice(1).trim();
    else if (name.endsWith(')')) name = name.slice(0, -1).trim();
  }
  if (!name && !email) return null;
  return { name: name || null, email, url: null };
}

/** Atom person construct: name, email, uri (0.3: url, homepage). */
export function personFromNode(node: XNode): Person | null {
  let name: string | null = null;
  let email: string | null = null;
  let link: string | null = null;
  const kids = childrenOf(node);
  if (kids.length === 0) return personFromString(textOf(node));
  for (const c of kids) {
    if (c.key === 'name') name = plain(c);
    else if (c.key === 'email') email = plain(c);
    else if (c.key === 'uri' || c.key === 'url' || c.key === 'homepage') link = url(c, textOf(c));
  }
  if (!name && !email && !link) return null;
  return { name, email, url: link };
}

export function addPerson(list: Person[], p: Person | null): void {
  if (!p) return;
  if (list.some((q) => q.name === p.name && q.email === p.email && q.url === p.url)) return;
  list.push(p);
}

/** <author>: a person construct, or in RSS a plain "email (Name)" string. */
export function readAuthor(node: XNode, kind: ContentKind, list: Person[]): void {
  addPerson(
    list,
    childrenOf(node).length || kind !== 'rss' ? personFromNode(node) : personFromString(textOf(node)),
  );
}

/**
 * <guid>/<id> of a feed or an item: the id it gives, else `current` (an empty element keeps the
 * earlier id). Notes in `links` whether it is also the link: unless isPermaLink says otherwise,
 * and then only a link-like id resolves.
 */
export function readId(node: XNode, current: string | null, links: Links): string | null {
  const isLink = (node.attrs.ispermalink ?? 'true').trim() === 'true';
  links.idIsLink = isLink;
  const v = textOf(node).trim();
  return (v ? (isLink ? url(node, v) : v) : null) ?? current;
}

/** itunes:image (and itunes:link): the URL in href, url or the text. */
export function itunesImageUrl(node: XNode): string | null {
  return url(node, node.attrs.href ?? node.attrs.url ?? textOf(node));
}

export function addCategory(
  list: Category[],
  term: string | null,
  scheme: string | null,
  label: string | null = null,
): void {
  const t = term?.trim() || null;
  if (!t && !label) return;
  const s = scheme?.trim() || null;
  if (list.some((c) => c.term === t && c.scheme === s && c.label === label)) return;
  list.push({ term: t, scheme: s, label });
}

const ITUNES = 'http://www.itunes.com/';
const MEDIA_SCHEME = 'http://search.yahoo.com/mrss/category_schema';

/** Category-like elements of every vocabulary; returns false when the node is not one. */
export function readCategory(node: XNode, list: Category[]): boolean {
  switch (node.key) {
    case 'category':
      if (node.attrs.term !== undefined)
        addCategory(list, node.attrs.term, node.attrs.scheme ?? null, node.attrs.label?.trim() || null);
      else addCategory(list, textOf(node), node.attrs.domain ?? null);
      return true;
    case 'dc:subject':
      addCategory(list, textOf(node), null);
      return true;
    case 'keywords':
      addCategory(list, textOf(node), null);
      return true;
    case 'tags':
    case 'media:keywords':
      for (const t of textOf(node).split(',')) addCategory(list, t, null);
      return true;
    case 'itunes:keywords':
      for (const t of textOf(node).split(',')) addCategory(list, t, ITUNES);
      return true;
    case 'itunes:category':
      addCategory(list, node.attrs.text ?? null, ITUNES);
      for (const c of childrenOf(node)) readCategory(c, list);
      return true;
    case 'media:category':
      addCategory(list, textOf(node), node.attrs.scheme ?? MEDIA_SCHEME, node.attrs.label?.trim() || null);
      return true;
    default:
      return false;
  }
}

export interface Links {
  /** the alternate HTML link; the last one wins, as in feedparser */
  link: string | null;
  /** a link of another kind, used only when there is no alternate one */
  fallback: string | null;
  hub: string | null;
  enclosures: Enclosure[];
  /** the last <guid>/<id> read may stand in for the link (see readId) */
  idIsLink: boolean;
}

export function newLinks(): Links {
  return { link: null, fallback: null, hub: null, enclosures: [], idIsLink: false };
}

/** A feed's or item's link: the alternate one, else its id when that is a link, else another kind. */
export function chosenLink(links: Links, id: string | null): string | null {
  return links.link ?? (links.idIsLink ? id : null) ?? links.fallback;
}

export function toLength(v: string | undefined | null): number | null {
  if (v === undefined || v === null) return null;
  const n = Number.parseInt(v.trim(), 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** An enclosure at `href`, with the type and length attributes of its element. */
export function enclosure(node: XNode, href: string): Enclosure {
  return { url: href, type: node.attrs.type?.trim() || null, length: toLength(node.attrs.length) };
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', 'html', 'xhtml']);

/** Query strings mangled by lenient entity handling ("?a=1&b;=2") read as meant ("&b"). */
export function fixQuery(u: string): string {
  return u.indexOf(';') < 0 ? u : u.replace(/&([A-Za-z0-9_]+);/g, '&$1');
}

/** <link>: RSS text links and Atom links (href, or url/uri as some producers write it). */
export function readLink(node: XNode, links: Links): void {
  const attr = node.attrs.url ?? node.attrs.uri ?? node.attrs.href;
  const rel = (node.attrs.rel ?? 'alternate').trim().toLowerCase();
  const type = (node.attrs.type ?? (rel === 'self' ? 'application/atom+xml' : 'text/html'))
    .trim()
    .toLowerCase();
  const alternate = rel === 'alternate' && HTML_TYPES.has(type);
  if (attr === undefined) {
    // a text link: RSS, or Atom 0.3 producers that put the URL in the content
    const text = url(node, textOf(node));
    if (!text) return;
    if (alternate) links.link = fixQuery(text);
    else links.fallback ??= fixQuery(text);
    return;
  }
  const href = url(node, attr);
  if (!href) return;
  if (alternate) links.link = href;
  else if (rel === 'alternate') links.fallback ??= href;
  else if (rel === 'enclosure') links.enclosures.push(enclosure(node, href));
  else if (rel === 'hub') links.hub ??= href;
}

export function lang(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v.replace(/_/g, '-') : null;
}
