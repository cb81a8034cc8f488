// Small DOM helpers over domhandler nodes. Walks are recursive: the tree is depth-capped first
// (capDepth) so that a page of 10,000 nested tables cannot overflow the stack.
import { type AnyNode, type Document, Element, type ParentNode, Text } from 'domhandler';
import { HTML_VOID_ELEMENTS } from '../../lib/html-void.js';

export const MAX_DEPTH = 180;

export function isElement(node: AnyNode): node is Element {
  return node instanceof Element;
}

export function isTextNode(node: AnyNode): node is Text {
  return node instanceof Text;
}

export function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

/** class and id, lower-cased, for hint matching */
export function classId(el: Element): string {
  const c = el.attribs.class;
  const i = el.attribs.id;
  if (!c && !i) return '';
  return `${c ?? ''} ${i ?? ''}`.toLowerCase();
}

export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const i = parent.children.indexOf(node as never);
  if (i >= 0) parent.children.splice(i, 1);
  node.parent = null;
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.prev = null;
  node.next = null;
}

/** Pre-order walk over elements; return false from visit to skip an element's children. */
export function walkElements(root: ParentNode, visit: (el: Element) => boolean | undefined): void {
  for (const child of [...root.children]) {
    if (!(child instanceof Element)) continue;
    if (visit(child) === false) continue;
    walkElements(child, visit);
  }
}

export function findAll(root: ParentNode, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  walkElements(root, (el) => {
    if (test(el)) out.push(el);
    return undefined;
  });
  return out;
}

export function findFirst(root: ParentNode, test: (el: Element) => boolean): Element | null {
  for (const child of root.children) {
    if (!(child instanceof Element)) continue;
    if (test(child)) return child;
    const found = findFirst(child, test);
    if (found) return found;
  }
  return null;
}

/** Raw text of a subtree (no block separation), for measuring. */
export function rawText(node: AnyNode): string {
  if (node instanceof Text) return node.data;
  if (!(node instanceof Element) && !('children' in node)) return '';
  let out = '';
  for (const child of (node as ParentNode).children) out += rawText(child);
  return out;
}

export function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * Iteratively replace every element deeper than MAX_DEPTH by its text, so that every later
 * recursive walk is bounded.
 */
export function capDepth(doc: Document): void {
  const stack: [ParentNode, number][] = [[doc, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    for (const child of node.children) {
      if (!(child instanceof Element)) continue;
      if (depth + 1 >= MAX_DEPTH) {
        const text = flatText(child);
        child.children = text ? [new Text(text)] : [];
        for (const c of child.children) c.parent = child;
      } else stack.push([child, depth + 1]);
    }
  }
}

function flatText(root: Element): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node instanceof Text) parts.push(node.data);
    else if (node instanceof Element && node.name !== 'script' && node.name !== 'style') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
      parts.push(' ');
    }
  }
  return normalizeSpace(parts.join(''));
}

export function resolveUrl(href: string, base: string): string | null {
  const h = href.trim();
  if (!h || h.startsWith('data:') || h.startsWith('javascript:')) return null;
  try {
    return new URL(h, base || undefined).href;
  } catch {
    return null;
  }
}

// elements that never close, or whose end tag the parser supplies: neither nests deeper
const VOID_OR_AUTO_CLOSED = new Set([
  ...HTML_VOID_ELEMENTS,
  'p',
  'li',
  'td',
  'th',
  'tr',
  'dt',
  'dd',
  'option',
  'tbody',
  'thead',
  'tfoot',
]);
const MAX_SOURCE_DEPTH = 400;

/**
 * htmlparser2 keeps its open-element stack with unshift, so a page of 20,000 nested tables costs
 * quadratic time before any of our code runs. One linear scan counts nesting; only when it runs
 * past MAX_SOURCE_DEPTH are the deeper tags blanked out (their text stays).
 */
export function limitNesting(html: string): string {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let tooDeep = false;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2].toLowerCase();
    if (m[3] || VOID_OR_AUTO_CLOSED.has(name)) continue;
    depth += m[1] ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > MAX_SOURCE_DEPTH) {
      tooDeep = true;
      break;
    }
  }
  if (!tooDeep) return html;
  depth = 0;
  return html.replace(tag, (whole, close: string, rawName: string, selfClose: string) => {
    const name = rawName.toLowerCase();
    if (selfClose || VOID_OR_AUTO_CLOSED.has(name)) return depth > MAX_SOURCE_DEPTH ? ' ' : whole;
    if (close) {
      depth = Math.max(0, depth - 1);
      return depth >= MAX_SOURCE_DEPTH ? ' ' : whole;
    }
    depth++;
    return depth > MAX_SOURCE_DEPTH ? ' ' : whole;
  });
}
