// The comment markdown subset: paragraphs (blank line), line breaks, "> " quotes, **bold**,
// *italics* / _italics_, [text](https://…) and bare http(s) links. Everything is HTML-escaped
// first; the few tags added afterwards carry no attribute from the input except an escaped
// http(s) URL. Links get rel="nofollow ugc noopener".
import { escapeHtml } from './escape.js';

export const MAX_COMMENT = 5000;

const LINK = /\[([^\]\n]{1,200})\]\((https?:\/\/[^\s()<>"]{1,500})\)|(https?:\/\/[^\s<>"]{1,500})/g;

function anchor(href: string, text: string): string {
  return `<a href="${href}" rel="nofollow ugc noopener" target="_blank">${text}</a>`;
}

/** Trailing punctuation is not part of a bare link ("see https://x.org."). */
function splitTrail(url: string): [string, string] {
  const m = /[.,;:!?')\]]+$/.exec(url);
  return m ? [url.slice(0, m.index), m[0]] : [url, ''];
}

function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([^*\n]{1,500}?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]{1,500}?\S)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?=\S)([^_\n]{1,500}?\S)_(?!\w)/g, '$1<em>$2</em>');
}

/** Inline markup on raw text: links are cut out first so that emphasis never enters a URL. */
function inline(raw: string): string {
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(LINK)) {
    const start = m.index ?? 0;
    out += emphasis(escapeHtml(raw.slice(last, start)));
    if (m[1] !== undefined && m[2] !== undefined) {
      out += anchor(escapeHtml(m[2]), emphasis(escapeHtml(m[1])));
    } else {
      const [url, trail] = splitTrail(m[3] ?? '');
      out += anchor(escapeHtml(url), escapeHtml(url)) + escapeHtml(trail);
    }
    last = start + m[0].length;
  }
  out += emphasis(escapeHtml(raw.slice(last)));
  return out;
}

function paragraph(lines: string[]): string {
  return `<p>${lines.map(inline).join('<br>')}</p>`;
}

/** Renders a comment body to safe HTML. */
export function renderMarkdown(source: string): string {
  const text = source.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  const blocks = text.split(/\n\s*\n/).map((b) => b.replace(/^\n+|\n+$/g, ''));
  const html: string[] = [];
  for (const block of blocks) {
    if (!block.trim()) continue;
    const lines = block.split('\n');
    if (lines.every((l) => /^\s*>/.test(l))) {
      const inner = lines.map((l) => l.replace(/^\s*>\s?/, ''));
      html.push(`<blockquote>${paragraph(inner)}</blockquote>`);
    } else {
      html.push(paragraph(lines));
    }
  }
  return html.join('');
}

/** The http(s) links a body contains (for moderation). */
export function linksOf(source: string): string[] {
  return [...source.matchAll(LINK)].map((m) => m[2] ?? splitTrail(m[3] ?? '')[0]);
}
