// Token stream -> small element trees with namespaces, xml:base and xml:lang resolved.
// Items (<item>, <entry>) are handed to a callback as soon as they close and are not kept in
// the document tree, so memory follows the size of one item, not of the feed.
import { resolveUrl } from './urls.js';

export interface XNode {
  /** canonical key: core feed vocabularies (RSS, RDF, Atom) have none, known extensions a fixed
   * prefix ("dc:creator", "media:thumbnail"), unknown namespaces the prefix as written */
  key: string;
  /** qualified name as written */
  name: string;
  ns: string;
  /** attributes keyed like elements: "href", "rdf:about", "xml:lang" */
  attrs: Record<string, string>;
  /** attributes as written, for serialising inline markup */
  raw: string[];
  children: Array<XNode | string>;
  /** effective xml:base (the document URL when no xml:base applies) */
  base: string | null;
  lang: string | null;
}

const NAMESPACES: Record<string, string> = {
  '': '',
  'http://backend.userland.com/rss': '',
  'http://backend.userland.com/rss2': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://purl.org/atom/ns#': '',
  'http://www.w3.org/2005/atom': '',
  'http://purl.org/rss/1.0/modules/rss091#': '',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://webns.net/mvcb/': 'admin',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/elements/1.0/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://video.search.yahoo.com/mrss': 'media',
  'http://video.search.yahoo.com/mrss/': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://example.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://www.google.com/schemas/sitemap-news/0.9': 'news',
  'http://www.google.com/schemas/sitemap-image/1.1': 'image',
  'http://www.sitemaps.org/schemas/sitemap/0.9': '',
  'http://www.georss.org/georss': 'georss',
  'http://purl.org/syndication/thread/1.0': 'thr',
  'http://wellformedweb.org/commentapi/': 'wfw',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://purl.org/rss/1.0/modules/slash/': 'slash',
  'http://www.w3.org/2000/svg': 'svg',
  'http://www.w3.org/1998/math/mathml': 'mathml',
  'http://www.w3.org/1999/xlink': 'xlink',
};

/** Prefixes used without a declaration: read as their usual namespace (and flagged). */
const USUAL_PREFIX: Record<string, string> = {
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  atom: 'http://www.w3.org/2005/Atom',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xhtml: 'http://www.w3.org/1999/xhtml',
};

type Scope = Record<string, string>;
/** shared by every element without attributes; never written to */
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;
// null prototype: a prefix such as "constructor" must not resolve to an Object method
const EMPTY_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { '': '' });
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
// Elements that hold only elements in every feed vocabulary (never mixed content).
const CONTAINERS: ReadonlySet<string> = new Set([
  'rss',
  'channel',
  'item',
  'entry',
  'feed',
  'rdf:rdf',
  'image',
  'author',
  'contributor',
  'source',
  'textinput',
  'media:group',
  'media:content',
  'urlset',
  'url',
  'sitemapindex',
  'sitemap',
  'news:news',
  'news:publication',
  'image:image',
  'opml',
  'head',
  'outline',
]);
const FEED_ITEMS: ReadonlySet<string> = new Set(['item', 'entry']);
// Sitemaps stream their <url>/<sitemap> entries the way feeds stream items.
const SITEMAP_ITEMS: Record<string, ReadonlySet<string>> = {
  urlset: new Set(['url']),
  sitemapindex: new Set(['sitemap']),
};

export class TreeBuilder {
  root: XNode | null = null;
  readonly errors: string[] = [];
  private stack: XNode[] = [];
  private scopes: Scope[] = [];
  private itemDepth = 0;
  private names = new WeakMap<Scope, Map<string, { key: string; ns: string }>>();
  private itemKeys: ReadonlySet<string> = FEED_ITEMS;

  constructor(
    private readonly documentUrl: string | null,
    private readonly onItem: (item: XNode) => void,
  ) {}

  private canonical(uri: string, prefix: string): string {
    const known = NAMESPACES[uri.toLowerCase()];
    if (known !== undefined) return known;
    // A trailing-slash or case variant of a known namespace is the same vocabulary in practice.
    const loose = NAMESPACES[uri.toLowerCase().replace(/\/$/, '')] ?? NAMESPACES[`${uri.toLowerCase()}/`];
    return loose ?? prefix;
  }

  private resolve(scope: Scope, prefix: string): string {
    const uri = scope[prefix];
    if (uri !== undefined) return uri;
    if (prefix === 'xml') return XML_NS;
    if (prefix === '') return '';
    this.errors.push(`undeclared namespace prefix "${prefix}"`);
    return USUAL_PREFIX[prefix.toLowerCase()] ?? '';
  }

  /** Element key and namespace, cached per namespace scope (scopes rarely change in a feed). */
  private elementName(scope: Scope, name: string): { key: string; ns: string } {
    let cache = this.names.get(scope);
    if (!cache) {
      cache = new Map();
      this.names.set(scope, cache);
    }
    let hit = cache.get(name);
    if (!hit) {
      const colon = name.indexOf(':');
      const prefix = colon > 0 ? name.slice(0, colon) : '';
      const local = (colon > 0 ? name.slice(colon + 1) : name).toLowerCase();
      const ns = this.resolve(scope, prefix);
      const canon = this.canonical(ns, prefix);
      hit = { key: canon ? `${canon}:${local}` : local, ns };
      cache.set(name, hit);
    }
    return hit;
  }

  open(name: string, raw: string[], _selfClosing?: boolean): void {
    const parent = this.stack[this.stack.length - 1];
    let scope = this.scopes[this.scopes.length - 1] ?? EMPTY_SCOPE;
    let own = false;
    for (let i = 0; i < raw.length; i += 2) {
      const an = raw[i];
      if (an === 'xmlns' || an.startsWith('xmlns:')) {
        if (!own) {
          scope = Object.create(scope) as Scope;
          own = true;
        }
        scope[an === 'xmlns' ? '' : an.slice(6)] = raw[i + 1].trim();
      }
    }
    const { key, ns } = this.elementName(scope, name);
    const attrs: Record<string, string> = raw.length ? {} : NO_ATTRS;
    for (let i = 0; i < raw.length; i += 2) {
      const an = raw[i];
      const c = an.indexOf(':');
      if (c < 0) {
        const k = an.toLowerCase();
        if (k !== 'xmlns' && attrs[k] === undefined) attrs[k] = raw[i + 1];
        continue;
      }
      const ap = an.slice(0, c);
      if (ap === 'xmlns') continue;
      const apc = ap === 'xml' ? 'xml' : this.canonical(this.resolve(scope, ap), ap);
      const k = `${apc ? `${apc}:` : ''}${an.slice(c + 1).toLowerCase()}`;
      if (attrs[k] === undefined) attrs[k] = raw[i + 1];
    }
    const parentBase = parent ? parent.base : this.documentUrl;
    // feedparser also honours plain base= and lang= attributes
    const xb = attrs['xml:base'] ?? attrs.base;
    const xl = attrs['xml:lang'] ?? attrs.lang;
    const node: XNode = {
      key,
      name,
      ns,
      attrs,
      raw,
      children: [],
      base: xb !== undefined ? resolveUrl(xb.trim(), parentBase) : parentBase,
      lang: xl !== undefined ? xl.trim() || null : parent ? parent.lang : null,
    };
    if (!parent) {
      if (this.root) this.errors.push('more than one root element');
      else {
        this.root = node;
        this.itemKeys = SITEMAP_ITEMS[node.key] ?? FEED_ITEMS;
      }
    }
    if (this.itemKeys.has(node.key)) this.itemDepth++;
    this.stack.push(node);
    this.scopes.push(scope);
  }

  close(_name?: string): void {
    const node = this.stack.pop();
    this.scopes.pop();
    if (!node) return;
    const parent = this.stack[this.stack.length - 1];
    const isItem = this.itemKeys.has(node.key);
    if (isItem) this.itemDepth--;
    if (isItem && this.itemDepth === 0 && parent) this.onItem(node);
    else if (parent) parent.children.push(node);
  }

  text(text: string): void {
    const node = this.stack[this.stack.length - 1];
    if (node) node.children.push(text);
  }

  /** Whitespace between the children of element-only containers carries nothing: not kept. */
  keepsWhitespace(): boolean {
    const node = this.stack[this.stack.length - 1];
    return !node || !CONTAINERS.has(node.key);
  }
}

/** Direct text of a node, nested elements' text included (for simple, non-markup fields). */
export function textOf(node: XNode): string {
  let out = '';
  for (const c of node.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

export function child(node: XNode, key: string): XNode | undefined {
  for (const c of node.children) if (typeof c !== 'string' && c.key === key) return c;
  return undefined;
}

export function childrenOf(node: XNode): XNode[] {
  const out: XNode[] = [];
  for (const c of node.children) if (typeof c !== 'string') out.push(c);
  return out;
}
