// Text constructs (title, summary, content, rights…) -> one string, following feedparser's rules:
// HTML stays markup in a string, inline XHTML is serialised (Atom 1.0 drops the wrapper div),
// plain text stays plain, base64 content is decoded.
import { HTML_VOID_ELEMENTS } from '../../lib/html-void.js';
import type { XNode } from './xml-tree.js';

// <param> left the spec's list in 2023 but older inline XHTML still writes it
const VOID = new Set([...HTML_VOID_ELEMENTS, 'param']);
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

function escText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
function escAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

function localName(name: string): string {
  const c = name.indexOf(':');
  return c < 0 ? name : name.slice(c + 1);
}

/** Inline markup back to text; namespace declarations dropped, SVG/MathML roots keep theirs. */
export function serialize(node: XNode, out: string[]): void {
  const tag = localName(node.name);
  let attrs = '';
  for (let i = 0; i < node.raw.length; i += 2) {
    const an = node.raw[i];
    if (an === 'xmlns' || an.startsWith('xmlns:')) continue;
    attrs += ` ${an}="${escAttr(node.raw[i + 1])}"`;
  }
  if ((node.key === 'svg:svg' && tag === 'svg') || (node.key === 'mathml:math' && tag === 'math')) {
    attrs += ` xmlns="${escAttr(node.ns)}"`;
  }
  if (node.children.length === 0 && VOID.has(tag.toLowerCase())) {
    out.push(`<${tag}${attrs} />`);
    return;
  }
  out.push(`<${tag}${attrs}>`);
  for (const c of node.children) {
    if (typeof c === 'string') out.push(escText(c));
    else serialize(c, out);
  }
  out.push(`</${tag}>`);
}

function isDiv(n: XNode): boolean {
  return localName(n.name).toLowerCase() === 'div' && (n.ns === '' || n.ns === XHTML_NS);
}

/** HTML-typed content: text is markup already; a naked element switches to serialising. */
function htmlContent(node: XNode, out: string[], state: { xml: boolean }): void {
  for (const c of node.children) {
    if (typeof c === 'string') out.push(state.xml ? escText(c) : c);
    else if (!state.xml && isDiv(c))
      htmlContent(c, out, state); // Typepad wraps escaped HTML in a div
    else {
      state.xml = true;
      serialize(c, out);
    }
  }
}

/** Atom 1.0 xhtml: drop one wrapping div when all content is inside it. */
function unwrapDiv(node: XNode): XNode {
  let div: XNode | null = null;
  for (const c of node.children) {
    if (typeof c === 'string') {
      if (c.trim()) return node;
    } else if (div || !isDiv(c)) return node;
    else div = c;
  }
  return div ?? node;
}

export type ContentKind = 'rss' | 'atom03' | 'atom10';

const TYPE_ALIASES: Record<string, string> = {
  text: 'text/plain',
  html: 'text/html',
  xhtml: 'application/xhtml+xml',
};

export function contentType(node: XNode, kind: ContentKind, defaultType?: string): string {
  const t = node.attrs.type;
  if (t === undefined) return defaultType ?? (kind === 'rss' ? 'text/html' : 'text/plain');
  const low = t.trim().toLowerCase();
  return TYPE_ALIASES[low] ?? low;
}

function isBase64(node: XNode, type: string, kind: ContentKind): boolean {
  if ((node.attrs.mode ?? '').toLowerCase() === 'base64') return true;
  if (kind === 'rss' || node.attrs.type === undefined) return false;
  return !(type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('/xml'));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeBase64(s: string): string | null {
  const compact = s.replace(/\s+/g, '');
  if (!compact || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 === 1) return null;
  try {
    return utf8.decode(Buffer.from(compact, 'base64'));
  } catch {
    return null;
  }
}

/** The value of a text construct element; `defaultType` applies when it has no type= (an
 * xhtml:body is XHTML by nature). */
export function textConstruct(node: XNode, kind: ContentKind, defaultType?: string): string {
  const type = contentType(node, kind, defaultType);
  const only = node.children.length === 1 ? node.children[0] : null;
  if (typeof only === 'string' && !type.endsWith('xml')) {
    // the common case: one run of text in an HTML or text construct
    const value = only.trim();
    return isBase64(node, type, kind) ? (decodeBase64(value) ?? value) : value;
  }
  const out: string[] = [];
  if (type.endsWith('xml') && (node.attrs.mode ?? '').toLowerCase() !== 'escaped') {
    const root = kind === 'atom10' && type === 'application/xhtml+xml' ? unwrapDiv(node) : node;
    for (const c of root.children) {
      if (typeof c === 'string') out.push(escText(c));
      else serialize(c, out);
    }
  } else htmlContent(node, out, { xml: false });
  const value = out.join('').trim();
  if (isBase64(node, type, kind)) return decodeBase64(value) ?? value;
  return value;
}
