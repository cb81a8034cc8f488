// extractArticle: metadata first, then the body by DOM scoring with boilerplate removal, then
// figures, sanitized HTML and plain text. Never throws on bad HTML: no article means empty text
// and an emptyReason.

import render from 'dom-serializer';
import type { Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { chooseBody, cleanBlocks, wordCount } from './body.js';
import { pruneBoilerplate } from './clean.js';
import { capDepth, isElement, limitNesting, removeNode, walkElements } from './dom.js';
import { collectImages, resolveLazyImages } from './figures.js';
import { readMetadata } from './metadata.js';
import { sanitizeArticleHtml } from './sanitize.js';
import { applySiteRules, cutSiteTail } from './site-rules.js';
import type { Block } from './text.js';
import type { ExtractedArticle } from './types.js';

/** Pages above this size are cut: an article never needs more, and parsing stays bounded. */
export const MAX_HTML_CHARS = 4_000_000;
/** fewer body words than this is a teaser or an index page, not an article */
const MIN_WORDS = 8;

/**
 * JSON-LD articleBody replaces the DOM text only when it is complete (no trailing ellipsis) and
 * clearly longer: some sites render the body with scripts, others truncate the JSON-LD copy.
 */
function jsonLdBody(articleBody: string | null, domText: string): string | null {
  if (!articleBody) return null;
  const body = articleBody.replace(/<[^>]+>/g, ' ').trim();
  if (/(\.\.\.|…|\[\.\.\.\])$/.test(body)) return null;
  const ld = wordCount(body);
  if (ld < 50 || ld <= wordCount(domText) * 1.3 + 20) return null;
  return body
    .split(/\s*\n\s*/)
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const KEEP_ATTRS = new Set([
  'href',
  'src',
  'alt',
  'title',
  'width',
  'height',
  'colspan',
  'rowspan',
  'datetime',
  'start',
]);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Body HTML of the parts without the boilerplate and the blocks the post-pass dropped. */
function bodyHtml(parts: Element[], skip: (el: Element) => boolean, dropped: Block[], base: string): string {
  for (const part of parts) {
    const doomed: Element[] = [];
    walkElements(part, (el) => {
      // a figure keeps its caption and credit whatever their class names say
      if (el.name === 'figure') return false;
      if (skip(el)) {
        doomed.push(el);
        return false;
      }
      return undefined;
    });
    for (const el of doomed) removeNode(el);
  }
  for (const block of dropped) {
    const el = block.el;
    if (el && block.whole && !parts.includes(el)) removeNode(el);
  }
  resolveLazyImages(parts, base);
  // sanitize-html is slow on attribute-heavy markup: drop what it would drop anyway, first
  for (const part of parts) {
    walkElements(part, (el) => {
      for (const name of Object.keys(el.attribs)) if (!KEEP_ATTRS.has(name)) delete el.attribs[name];
      return undefined;
    });
    for (const name of Object.keys(part.attribs)) if (!KEEP_ATTRS.has(name)) delete part.attribs[name];
  }
  return sanitizeArticleHtml(parts.map((p) => render(p, { encodeEntities: 'utf8' })).join('\n'), base);
}

function emptyArticle(reason: string): ExtractedArticle {
  return {
    title: null,
    byline: null,
    published: null,
    modified: null,
    language: null,
    description: null,
    section: null,
    paywalled: false,
    text: '',
    html: '',
    leadImage: null,
    images: [],
    siteName: null,
    canonicalUrl: null,
    emptyReason: reason,
  };
}

export function extractArticle(html: string, url: string): ExtractedArticle {
  if (typeof html !== 'string' || !html.trim()) return emptyArticle('empty_input');
  const source = limitNesting(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
  const doc = parseDocument(source, { decodeEntities: true, lowerCaseAttributeNames: true });
  if (!doc.children.some(isElement)) return emptyArticle('not_html');
  capDepth(doc);
  const meta = readMetadata(doc, url);
  const marked = pruneBoilerplate(doc);
  applySiteRules(doc, url, marked);
  const body = chooseBody(doc, marked, meta.title);
  const blocks = cutSiteTail(cleanBlocks(body.blocks, meta.title), url);
  let text = blocks.map((b) => b.text).join('\n');
  const images = collectImages(body.parts, url);
  let articleHtml: string;
  const fromLd = jsonLdBody(meta.articleBody, text);
  if (fromLd) {
    text = fromLd;
    articleHtml = fromLd
      .split('\n')
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join('\n');
  } else {
    const kept = new Set(blocks);
    articleHtml = bodyHtml(
      body.parts,
      body.skip,
      body.blocks.filter((b) => !kept.has(b)),
      url,
    );
  }
  let emptyReason: string | null = null;
  if (!text) emptyReason = body.root ? 'only_boilerplate' : 'no_text';
  else if (wordCount(text) < MIN_WORDS) emptyReason = 'too_short';
  if (emptyReason) {
    text = '';
    articleHtml = '';
  }
  const lead = meta.image
    ? (images.find((i) => i.url === meta.image) ?? { url: meta.image, caption: null, credit: null })
    : (images[0] ?? null);
  return {
    title: meta.title,
    byline: meta.byline,
    published: meta.published,
    modified: meta.modified,
    language: meta.language,
    description: meta.description,
    section: meta.section,
    paywalled: meta.paywalled,
    text,
    html: articleHtml,
    leadImage: lead,
    images,
    siteName: meta.siteName,
    canonicalUrl: meta.canonicalUrl,
    emptyReason,
  };
}
