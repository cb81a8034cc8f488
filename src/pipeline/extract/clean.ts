// Boilerplate removal before scoring (trafilatura's first step): drop non-content tags, hidden
// subtrees and elements whose class/id words say navigation, sharing, related links, newsletter,
// comments, ads and the like. A match is kept when it holds most of the page's paragraph text,
// so a site that names its article wrapper "post-with-sidebar" is not wiped out.
import type { Document, Element } from 'domhandler';
import { attr, isElement, removeNode, walkElements } from './dom.js';

const DROP_TAGS = new Set(
  'script style noscript template svg canvas iframe object embed nav aside button input select textarea option dialog menu link meta head map audio video source track'.split(
    ' ',
  ),
);

/** class/id words (whole tokens, or parts of a token split on - and _) that mark boilerplate */
const NEGATIVE_WORDS = new Set(
  `share sharing shares sharebar social socials related recommended recommendations newsletter newsletters
subscribe subscription signup promo promotion advert advertisement advertising ad ads adslot dfp gpt sponsor
sponsored comment comments disqus cookie cookies consent gdpr popup modal breadcrumb breadcrumbs byline tags
taglist toolbar menu nav navbar navigation footer masthead sidebar outbrain taboola trending popular mostread
readmore readnext upnext skip sronly print author bio rating pagination pager carousel
slideshow banner alert overlay login follow disclaimer copyright credits utility toc donate tooltip teaser
teasers onward gallery caption captions credit lightbox figcaption cta excerpt`.split(/\s+/),
);

/** words that mark the article itself: never drop an element carrying one of these as a token */
const POSITIVE =
  /(^|[\s_-])(article|articlebody|article-body|story-body|post-body|entry-content|content|main|body|text)($|[\s_-])/i;

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function words(hint: string): string[] {
  const out: string[] = [];
  for (const token of hint.split(/\s+/)) {
    if (!token) continue;
    out.push(token.toLowerCase());
    for (const part of token.split(/[-_]+/)) if (part && part !== token) out.push(part.toLowerCase());
    // camelCase ids such as "shareBar", "relatedLinks"
    if (/[a-z][A-Z]/.test(token)) for (const part of token.split(/(?=[A-Z])/)) out.push(part.toLowerCase());
  }
  return out;
}

/** class and id as written: camelCase word boundaries still visible */
function rawClassId(el: Element): string {
  const c = el.attribs.class;
  const i = el.attribs.id;
  return c || i ? `${c ?? ''} ${i ?? ''}` : '';
}

function insideArticle(el: Element): boolean {
  for (let p = el.parent; p && isElement(p); p = p.parent) if (p.name === 'article') return true;
  return false;
}

export function isNegativeHint(hint: string): boolean {
  if (!hint) return false;
  // embedded posts (tweets, Instagram) in a "social-media-embed" wrapper are quoted content
  if (hint.includes('embed')) return false;
  if (/related|recommend|caption/i.test(hint)) return true;
  // "hidden" only as a whole class: "field-label-hidden" hides a label, not the field
  if (/(^|\s)(hidden|is-hidden|hide|d-none|invisible)(\s|$)/i.test(hint)) return true;
  for (const w of words(hint)) if (NEGATIVE_WORDS.has(w)) return true;
  return /(^|[\s_-])(sr-only|visually-hidden|read-more|more-stories|most-popular|related-|social-|share-)/.test(
    hint,
  );
}

/** inline tags that leave a block one run of prose (body.ts's leaf-prose test reads them too) */
export const PROSE_INLINE = new Set([
  'a',
  'b',
  'i',
  'em',
  'strong',
  'span',
  'br',
  'small',
  'sup',
  'sub',
  'u',
  'time',
  'abbr',
  'cite',
  'q',
  'mark',
  'code',
]);

// the paragraph-text measure also takes <font> as inline; the leaf-prose test in body.ts never
// has, and is left so that the bodies it picks do not shift
const LEAF_INLINE = new Set([...PROSE_INLINE, 'font']);

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'textarea']);

/** characters of paragraph-like text below el (p, or a div/span holding only inline content) */
export function contentChars(el: Element): number {
  let total = 0;
  const visit = (e: Element): [number, number, boolean] => {
    let text = 0;
    let link = 0;
    let block = false;
    for (const c of e.children) {
      if (c.type === 'text') text += (c as unknown as { data: string }).data.trim().length;
      else if (isElement(c)) {
        const ce = c as Element;
        if (NOT_TEXT.has(ce.name)) continue;
        const [t, l, b] = visit(ce);
        text += t;
        link += ce.name === 'a' ? t : l;
        if (b || !LEAF_INLINE.has(ce.name)) block = true;
      }
    }
    if ((e.name === 'p' || (!block && !LEAF_INLINE.has(e.name))) && text >= 40 && link < text * 0.3) {
      total += text;
      return [text, link, true];
    }
    return [text, link, block];
  };
  visit(el);
  return total;
}

const STRUCTURAL = new Set(['html', 'body', 'main', 'article']);
const BOILERPLATE_ROLES =
  /(^|\s)(navigation|banner|contentinfo|complementary|dialog|alert|menu|menubar)(\s|$)/;

/**
 * Remove non-content tags and hidden subtrees in place, and return the elements whose tag,
 * role or class/id words mark boilerplate. Those are only marked: scoring skips them, and the
 * renderer keeps one that turns out to hold much of the chosen article (see body.ts).
 */
export type MarkReason = 'hidden' | 'tag' | 'role' | 'class';
export type Marks = Map<Element, MarkReason>;

export function pruneBoilerplate(doc: Document): Marks {
  const marked: Marks = new Map();
  // a class-marked element holding most of the page's prose is a layout wrapper
  // ("container penci_sidebar", "theiaStickySidebar"), not boilerplate
  let total = -1;
  const holdsMostProse = (el: Element) => {
    if (total < 0) total = documentParagraphChars(doc);
    return total > 0 && contentChars(el) >= total * 0.6;
  };
  walkElements(doc, (el) => {
    const name = el.name;
    if (DROP_TAGS.has(name)) {
      removeNode(el);
      return false;
    }
    if (el.attribs.hidden !== undefined || HIDDEN_STYLE.test(attr(el, 'style'))) {
      marked.set(el, 'hidden');
      return false;
    }
    // an <article> inside another is a teaser of a related story
    if (name === 'article' && insideArticle(el) && !holdsMostProse(el)) {
      marked.set(el, 'class');
      return false;
    }
    if (STRUCTURAL.has(name)) return undefined;
    if (name === 'header' || name === 'footer') {
      marked.set(el, 'tag');
      return false;
    }
    const role = el.attribs.role?.toLowerCase() ?? '';
    if (role && BOILERPLATE_ROLES.test(role)) {
      marked.set(el, 'role');
      return false;
    }
    const hint = rawClassId(el);
    if (
      hint &&
      isNegativeHint(hint) &&
      !POSITIVE.test(hint) &&
      !/articlebody|text/i.test(attr(el, 'itemprop')) &&
      !holdsMostProse(el)
    ) {
      marked.set(el, 'class');
      return false;
    }
    return undefined;
  });
  return marked;
}

export function documentParagraphChars(doc: Document): number {
  let n = 0;
  for (const c of doc.children) if (isElement(c)) n += contentChars(c);
  return n;
}
