// Figures keep their image, caption and credit apart from the body text (the seed page's
// "Open Source Centre/Airbus" must not run into a paragraph). Lazy-loading attributes are
// resolved here so that the sanitized HTML shows the real image.
import type { Element } from 'domhandler';
import type { Image } from '../../domain/types.js';
import { attr, classId, findAll, findFirst, isElement, normalizeSpace, rawText, resolveUrl } from './dom.js';

const LAZY_ATTRS = [
  'data-src',
  'data-original',
  'data-lazy-src',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
];
const CREDIT_HINT = /credit|copyright|source|photographer|byline|attribution|courtesy/;
const CREDIT_TEXT = /^(?:photo|image|picture|credit|foto|source|bild)s?\s*(?:credit)?\s*[:|]\s*|^©\s*/i;

/** The real source of an image: lazy attributes first, then the first srcset entry, then src. */
export function imageSource(img: Element, base: string): string | null {
  for (const name of LAZY_ATTRS) {
    const v = img.attribs[name];
    if (v && !v.startsWith('data:')) return resolveUrl(v, base);
  }
  const src = attr(img, 'src');
  if (src && !src.startsWith('data:')) return resolveUrl(src, base);
  const srcset = img.attribs.srcset ?? img.attribs['data-srcset'];
  const first = srcset?.split(',')[0]?.trim().split(/\s+/)[0];
  return first ? resolveUrl(first, base) : null;
}

function dimension(v: string | undefined): number | null {
  const n = v ? Number.parseInt(v, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Split a caption into its text and its credit ("… Photo: Jane Doe/AP", a credit span). */
export function splitCaption(caption: Element | null): { caption: string | null; credit: string | null } {
  if (!caption) return { caption: null, credit: null };
  let credit: string | null = null;
  const creditEl = findFirst(caption, (el) => CREDIT_HINT.test(classId(el)));
  let text = normalizeSpace(rawText(caption));
  if (creditEl) {
    credit = normalizeSpace(rawText(creditEl)) || null;
    if (credit) text = normalizeSpace(text.replace(credit, ''));
  }
  if (!credit) {
    const m =
      /(?:^|\s)(?:(?:Photo|Image|Picture|Credit|Foto)s?(?:\s+credit)?\s*[:|]|©)\s*([^.]{2,80})$/i.exec(text);
    if (m) {
      credit = normalizeSpace(m[1]);
      text = normalizeSpace(text.slice(0, m.index));
    }
  }
  credit = credit ? normalizeSpace(credit.replace(CREDIT_TEXT, '')) || null : null;
  return { caption: text || null, credit };
}

/** Outside a <figure>: a following sibling of the image (or of its wrapper) named as a caption. */
function siblingCaption(img: Element): Element | null {
  for (let node: Element | null = img, hops = 0; node && hops < 2; hops++) {
    for (let sib = node.next; sib; sib = sib.next) {
      if (isElement(sib) && /caption/i.test(sib.attribs.class ?? '')) return sib;
    }
    node = node.parent && isElement(node.parent) ? node.parent : null;
  }
  return null;
}

/** Images of the article parts, in page order, each with its caption and credit. */
export function collectImages(parts: Element[], base: string): Image[] {
  const images: Image[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    for (const img of findAll(part, (el) => el.name === 'img')) {
      const url = imageSource(img, base);
      if (!url || seen.has(url)) continue;
      const width = dimension(img.attribs.width);
      const height = dimension(img.attribs.height);
      // tracking pixels and icons
      if ((width !== null && width < 100) || (height !== null && height < 100)) continue;
      seen.add(url);
      let figure: Element | null = null;
      for (let p = img.parent; p && 'name' in p; p = p.parent as Element | null) {
        if ((p as Element).name === 'figure') {
          figure = p as Element;
          break;
        }
        if (p === part) break;
      }
      const captionEl = figure ? findFirst(figure, (el) => el.name === 'figcaption') : siblingCaption(img);
      const { caption, credit } = splitCaption(captionEl);
      images.push({
        url,
        caption: caption ?? (normalizeSpace(attr(img, 'alt')) || null),
        credit,
        width,
        height,
      });
    }
  }
  return images;
}

/** Rewrite lazy image attributes to a plain absolute src, in place, before serializing. */
export function resolveLazyImages(parts: Element[], base: string): void {
  for (const part of parts) {
    for (const img of findAll(part, (el) => el.name === 'img')) {
      const url = imageSource(img, base);
      if (url) img.attribs.src = url;
    }
  }
}
