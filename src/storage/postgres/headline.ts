// Snippets: ts_headline() runs over the indexed (folded) text, so Arabic matches are found the
// way the index found them; the marked fragment is then mapped back onto the original words
// (folding only changes letters inside words, so whitespace-separated chunks line up one to
// one) and escaped exactly like the SQLite snippets: only <mark> survives.
import { highlightToHtml, MARK_CLOSE, MARK_OPEN } from '../sqlite/highlight.js';

export { MARK_CLOSE, MARK_OPEN };

interface Chunk {
  start: number;
  end: number;
}

function chunks(text: string): Chunk[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Marked fragment of `folded` -> the same fragment of `original`, still marked. */
export function remapMarks(original: string, folded: string, marked: string): string {
  if (original === folded) return marked;
  const plain = marked.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '');
  const at = folded.indexOf(plain);
  const fc = chunks(folded);
  const oc = chunks(original);
  if (at < 0 || fc.length !== oc.length) return marked;
  // folded offsets covered by a mark
  const hot: Chunk[] = [];
  let pos = at;
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_OPEN) open = pos;
    else if (ch === MARK_CLOSE) {
      if (open >= 0) hot.push({ start: open, end: pos });
      open = -1;
    } else pos += ch.length;
  }
  const end = at + plain.length;
  let out = '';
  let prev = -1;
  for (let i = 0; i < fc.length; i++) {
    const f = fc[i];
    if (f.end <= at || f.start >= end) continue;
    const o = oc[i];
    if (prev >= 0) out += original.slice(oc[prev].end, o.start);
    const word = original.slice(o.start, o.end);
    const isHot = hot.some((h) => h.start < f.end && h.end > f.start);
    if (isHot) {
      // mark the letters, not the punctuation stuck to them
      const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}\p{M}]*)$/u.exec(word);
      out += m ? `${m[1]}${MARK_OPEN}${m[2]}${MARK_CLOSE}${m[3]}` : `${MARK_OPEN}${word}${MARK_CLOSE}`;
    } else out += word;
    prev = i;
  }
  return out;
}

export function snippetHtml(
  original: string,
  folded: string,
  marked: string,
  restore: (text: string) => string = (t) => t,
): string {
  return highlightToHtml(restore(remapMarks(original, folded, marked)));
}
