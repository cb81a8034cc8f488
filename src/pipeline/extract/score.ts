// Candidate scoring in the manner of Readability: every paragraph-like block scores by its commas
// and length, the score flows to its parent (full), grandparent (half) and further ancestors
// (less), each candidate is weighted by its class/id hints and scaled down by its link density.
import type { Document, Element } from 'domhandler';
import { classId, isElement, isTextNode } from './dom.js';

export interface Stats {
  text: number;
  link: number;
  /** characters in paragraph-like blocks below */
  para: number;
}

const POSITIVE_HINT =
  /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text|paragraph/;
const NEGATIVE_HINT =
  /hidden|banner|combx|comment|com-|contact|foot|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|caption|credit|newsletter|subscribe|recirc|most-|nav|menu/;

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'dd', 'li']);
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'br',
  'ins',
  'del',
  'img',
]);

export function classWeight(el: Element): number {
  const hint = classId(el);
  if (!hint) return 0;
  let w = 0;
  if (NEGATIVE_HINT.test(hint)) w -= 25;
  if (POSITIVE_HINT.test(hint)) w += 25;
  return w;
}

export interface Scored {
  stats: Map<Element, Stats>;
  scores: Map<Element, number>;
}

function hasBlockChild(el: Element): boolean {
  for (const c of el.children) if (isElement(c) && !INLINE_TAGS.has(c.name)) return true;
  return false;
}

function commas(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 0x060c || c === 0xff0c || c === 0x3001 || c === 0x3002) n++;
  }
  return n;
}

function baseScore(el: Element): number {
  switch (el.name) {
    case 'div':
    case 'article':
    case 'section':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/** Score every candidate; elements in `skip` count as absent. */
export function scoreDocument(doc: Document, skip: ReadonlyMap<Element, unknown>): Scored {
  const stats = new Map<Element, Stats>();
  const raw = new Map<Element, number>();
  const paragraphs: { el: Element; score: number }[] = [];

  const measure = (el: Element, inLink: boolean): Stats => {
    const s: Stats = { text: 0, link: 0, para: 0 };
    if (skip.has(el)) return s;
    const link = inLink || el.name === 'a';
    for (const c of el.children) {
      if (isTextNode(c)) {
        const n = c.data.trim().length;
        s.text += n;
        if (link) s.link += n;
      } else if (isElement(c)) {
        const cs = measure(c, link);
        s.text += cs.text;
        s.link += cs.link;
        s.para += cs.para;
      }
    }
    const paragraphLike = PARAGRAPH_TAGS.has(el.name) || (el.name === 'div' && !hasBlockChild(el));
    if (paragraphLike && s.text >= 25 && s.para === 0) {
      const text = textOf(el);
      const score = 1 + commas(text) + Math.min(Math.floor(text.length / 100), 3);
      paragraphs.push({ el, score: score * (1 - s.link / Math.max(1, s.text)) });
      s.para = s.text - s.link;
    }
    stats.set(el, s);
    return s;
  };
  for (const c of doc.children) if (isElement(c)) measure(c, false);

  for (const { el, score } of paragraphs) {
    let node = el.parent;
    for (let level = 0; node && isElement(node) && level < 5; level++) {
      if (!raw.has(node)) raw.set(node, baseScore(node) + classWeight(node));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      raw.set(node, raw.get(node)! + score / divider);
      node = node.parent;
    }
  }
  const scores = new Map<Element, number>();
  for (const [el, score] of raw) {
    const s = stats.get(el)!;
    scores.set(el, score * (1 - s.link / Math.max(1, s.text)));
  }
  return { stats, scores };
}

export function textOf(el: Element): string {
  let out = '';
  for (const c of el.children) {
    if (isTextNode(c)) out += c.data;
    else if (isElement(c)) out += textOf(c);
  }
  return out.trim();
}
