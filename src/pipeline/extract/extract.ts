// extractArticle: metadata first, then the body by DOM scoring with boilerplate removal, then
// figures, sanitized HTML and plain text. Never throws on bad HTML: no article means empty text
// and an emptyReason.
import { parseDocument } from 'htmlparser2';
import { chooseBody, cleanBlocks, wordCount } from './body.js';
import { pruneBoilerplate } from './clean.js';
import { capDepth } from './dom.js';
import { readMetadata } from './metadata.js';
import { blocksToText } from './text.js';
import type { ExtractedArticle } from './types.js';

/** Pages above this size are cut: an article never needs more, and parsing stays bounded. */
export const MAX_HTML_CHARS = 8_000_000;

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

export function extractArticle(html: string, url: string): ExtractedArticle {
  const source = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  const doc = parseDocument(source, { decodeEntities: true, lowerCaseAttributeNames: true });
  capDepth(doc);
  const meta = readMetadata(doc, url);
  const marked = pruneBoilerplate(doc);
  const body = chooseBody(doc, marked, meta.title);
  const blocks = cleanBlocks(body.blocks, meta.title);
  let text = blocksToText(blocks);
  const fromLd = jsonLdBody(meta.articleBody, text);
  if (fromLd) text = fromLd;
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
    html: '',
    leadImage: meta.image ? { url: meta.image, caption: null, credit: null } : null,
    images: [],
    siteName: meta.siteName,
    canonicalUrl: meta.canonicalUrl,
    emptyReason: text ? null : 'no_article',
  };
}
