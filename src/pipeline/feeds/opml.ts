// OPML 1.0 / 2.0 subscription lists: import (nested outlines become a category path) and export
// (sources grouped by their first topic).
import type { Source } from '../../domain/types.js';
import { LedeError } from '../../lib/errors.js';
import { decodeInput, readXml } from './document.js';
import { childrenOf, type XNode } from './xml-tree.js';

export interface OpmlOutline {
  title: string;
  xmlUrl: string;
  htmlUrl: string | null;
  /** outline type as written ("rss", "atom", …) */
  type: string | null;
  language: string | null;
  /** titles of the enclosing folder outlines, outermost first, plus OPML 2.0 category paths */
  categories: string[];
}

export interface OpmlDocument {
  title: string | null;
  outlines: OpmlOutline[];
}

function attr(node: XNode, name: string): string | null {
  const v = node.attrs[name.toLowerCase()]?.trim();
  return v ? v : null;
}

function walk(node: XNode, path: string[], out: OpmlOutline[]): void {
  for (const c of childrenOf(node)) {
    if (c.key !== 'outline') continue;
    const label = attr(c, 'text') ?? attr(c, 'title');
    // xmlUrl is the feed; some exporters write url= on outlines typed as feeds
    const type = attr(c, 'type')?.toLowerCase();
    const xmlUrl =
      attr(c, 'xmlUrl') ?? (type === 'rss' || type === 'atom' || type === 'feed' ? attr(c, 'url') : null);
    if (xmlUrl) {
      const extra = (attr(c, 'category') ?? '')
        .split(',')
        .flatMap((p) => p.split('/'))
        .map((s) => s.trim())
        .filter(Boolean);
      out.push({
        title: label ?? xmlUrl,
        xmlUrl,
        htmlUrl: attr(c, 'htmlUrl'),
        type: attr(c, 'type'),
        language: attr(c, 'language'),
        categories: [...new Set([...path, ...extra])],
      });
    }
    walk(c, label && !xmlUrl ? [...path, label] : path, out);
  }
}

export function parseOpml(xml: Buffer | string): OpmlDocument {
  const doc = readXml(decodeInput(xml).text, null, () => {});
  if (doc.root.key !== 'opml')
    throw new LedeError('opml_invalid', `not OPML: root element <${doc.root.name}>`);
  const head = childrenOf(doc.root).find((c) => c.key === 'head');
  const titleNode = head ? childrenOf(head).find((c) => c.key === 'title') : undefined;
  const body = childrenOf(doc.root).find((c) => c.key === 'body');
  const outlines: OpmlOutline[] = [];
  if (body) walk(body, [], outlines);
  const title = titleNode
    ? titleNode.children
        .filter((c) => typeof c === 'string')
        .join('')
        .trim()
    : '';
  return { title: title || null, outlines };
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

export type OpmlSource = Pick<Source, 'name' | 'feedUrl'> &
  Partial<Pick<Source, 'homepage' | 'topics' | 'language' | 'kind'>>;

function outline(s: OpmlSource, indent: string): string {
  const attrs = [
    `type="${s.kind === 'sitemap' ? 'sitemap' : 'rss'}"`,
    `text="${esc(s.name)}"`,
    `title="${esc(s.name)}"`,
    `xmlUrl="${esc(s.feedUrl)}"`,
  ];
  if (s.homepage) attrs.push(`htmlUrl="${esc(s.homepage)}"`);
  if (s.language) attrs.push(`language="${esc(s.language)}"`);
  return `${indent}<outline ${attrs.join(' ')}/>`;
}

/** OPML 2.0 of the given sources; sources with topics sit in a folder named after the first. */
export function writeOpml(sources: OpmlSource[], title = 'Lede subscriptions', now = new Date()): string {
  const folders = new Map<string, OpmlSource[]>();
  const loose: OpmlSource[] = [];
  for (const s of sources) {
    const topic = s.topics?.[0];
    if (!topic) loose.push(s);
    else folders.set(topic, [...(folders.get(topic) ?? []), s]);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${esc(title)}</title>`,
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
  ];
  for (const [topic, list] of folders) {
    lines.push(`    <outline text="${esc(topic)}" title="${esc(topic)}">`);
    for (const s of list) lines.push(outline(s, '      '));
    lines.push('    </outline>');
  }
  for (const s of loose) lines.push(outline(s, '    '));
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
