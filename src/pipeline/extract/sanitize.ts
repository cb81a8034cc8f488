// The last step before anything is stored or shown: an allowlist. No scripts, styles, iframes,
// forms or event handlers survive; links and images become absolute; links get
// rel="noopener nofollow" and open in a new tab.
import sanitizeHtml from 'sanitize-html';
import { resolveUrl } from './dom.js';

const ALLOWED_TAGS = [
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'cite',
  'q',
  'abbr',
  'time',
  'br',
  'hr',
  'a',
  'figure',
  'figcaption',
  'img',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
];

/** elements that mean nothing once their text and images are gone */
const EMPTY_DROPPED = new Set([
  'p',
  'a',
  'figure',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'td',
  'strong',
  'em',
  'b',
  'i',
  'span',
]);

export function sanitizeArticleHtml(html: string, base: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      time: ['datetime'],
      abbr: ['title'],
      ol: ['start'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'svg', 'math'],
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => {
        const href = attribs.href ? resolveUrl(attribs.href, base) : null;
        const out: Record<string, string> = { rel: 'noopener nofollow', target: '_blank' };
        if (href) out.href = href;
        if (attribs.title) out.title = attribs.title;
        return { tagName, attribs: out };
      },
      img: (tagName, attribs) => {
        const src = attribs.src ? resolveUrl(attribs.src, base) : null;
        const out: Record<string, string> = {};
        if (src) out.src = src;
        for (const k of ['alt', 'width', 'height']) if (attribs[k]) out[k] = attribs[k];
        return { tagName, attribs: out };
      },
    },
    exclusiveFilter: (frame) =>
      (frame.tag === 'img' && !frame.attribs.src) ||
      (EMPTY_DROPPED.has(frame.tag) && !frame.text.trim() && !frame.mediaChildren.length),
  })
    .replace(/\n{2,}/g, '\n')
    .trim();
}
