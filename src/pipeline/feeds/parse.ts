// parseFeed: sniff the format, parse to raw element trees, read each into the neutral Result.
import { LedeError } from '../../lib/errors.js';
import type { ContentKind } from './content.js';
import { type DecodedInput, decodeInput, type ParseOptions, readXml } from './document.js';
import { parseJsonFeed } from './jsonfeed.js';
import { readFeed } from './read-feed.js';
import { readItem } from './read-item.js';
import type { Result, ResultItem } from './result.js';
import { child, childrenOf, type XNode } from './xml-tree.js';

export type { ParseOptions } from './document.js';

const ATOM10 = 'http://www.w3.org/2005/Atom';
const ATOM03 = 'http://purl.org/atom/ns#';
const RSS090 = 'http://my.netscape.com/rdf/simple/0.9/';

type Format = Result['format'];

function formatOf(root: XNode): { format: Format; kind: ContentKind } | null {
  switch (root.key) {
    case 'rss':
    case 'channel':
      return { format: 'rss', kind: 'rss' };
    case 'rdf:rdf':
      return { format: 'rdf', kind: 'rss' };
    case 'feed':
    case 'entry':
      return { format: 'atom', kind: root.ns === ATOM10 ? 'atom10' : 'atom03' };
    default:
      return null;
  }
}

function versionOf(root: XNode, format: Format): string | null {
  if (format === 'rss') {
    const v = root.attrs.version?.trim();
    if (!v) return null;
    return v.startsWith('2') ? '2.0' : v;
  }
  if (format === 'rdf') {
    const channel = child(root, 'channel');
    return (channel?.ns ?? root.attrs.xmlns) === RSS090 ? '0.90' : '1.0';
  }
  if (root.ns === ATOM10) return '1.0';
  if (root.ns === ATOM03 || root.attrs.version?.trim() === '0.3') return '0.3';
  return root.attrs.version?.trim() || null;
}

/** The feed-level elements: the channel's, plus RDF's root-level <image>. */
function feedNodes(root: XNode, format: Format): XNode[] {
  if (format === 'atom') return root.key === 'entry' ? [] : childrenOf(root);
  const channel = child(root, 'channel');
  if (!channel) return childrenOf(root);
  const nodes = childrenOf(channel);
  if (format === 'rdf') nodes.unshift(...childrenOf(root).filter((n) => n.key === 'image'));
  return nodes;
}

export function parseFeed(input: Buffer | string, url?: string | null, options: ParseOptions = {}): Result {
  return parseDecoded(decodeInput(input, options), url ?? null, options);
}

/** parseFeed on text already decoded (the domain adapter sniffs before choosing a reader). */
export function parseDecoded(decoded: DecodedInput, url: string | null, options: ParseOptions = {}): Result {
  const head = decoded.text.trimStart();
  if (head.startsWith('{')) return parseJsonFeed(head, url, decoded.errors);
  const maxItems = options.maxItems ?? 100_000;
  const items: ResultItem[] = [];
  let dropped = 0;
  let kind: ContentKind | null = null;
  const doc = readXml(
    decoded.text,
    url,
    (root, item) => {
      kind ??= formatOf(root)?.kind ?? 'rss';
      if (items.length < maxItems) items.push(readItem(item, kind));
      else dropped++;
    },
    options,
  );
  const found = formatOf(doc.root);
  if (!found) throw new LedeError('feed_unknown_format', `not a feed: root element <${doc.root.name}>`);
  if (doc.root.key === 'entry') items.push(readItem(doc.root, found.kind));
  const errors = [...decoded.errors, ...doc.errors];
  if (dropped) errors.push(`${dropped} items beyond the limit of ${maxItems} dropped`);
  return {
    format: found.format,
    version: versionOf(doc.root, found.format),
    wellFormed: errors.length === 0,
    errors,
    feed: readFeed(feedNodes(doc.root, found.format), found.kind, doc.root.lang),
    items,
  };
}
