// HTML fragment -> plain text, for the domain fields that are text (titles, summaries).
// Not a sanitizer: the output is never rendered as HTML.
import { HTML_ENTITIES } from './html-entities.js';

const XML_NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (m, ref: string) => {
    if (ref[0] === '#') {
      const cp =
        ref[1] === 'x' || ref[1] === 'X'
          ? Number.parseInt(ref.slice(2), 16)
          : Number.parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
    }
    const named = XML_NAMED[ref];
    if (named !== undefined) return named;
    const cp = HTML_ENTITIES.get(ref);
    return cp === undefined ? m : String.fromCodePoint(cp);
  });
}

const BLOCK =
  /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|figure|figcaption)\b[^>]*>/gi;

// Domain text fields are short; the cap also keeps the lazy regexes below linear in practice.
const MAX_HTML = 200_000;

export function htmlToText(html: string | null): string | null {
  if (!html) return null;
  const text = decodeEntities(
    (html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html)
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(BLOCK, '\n')
      .replace(/<\/?[A-Za-z][^>]*>/g, ''),
  )
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
  return text || null;
}
