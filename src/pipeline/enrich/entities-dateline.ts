/**
 * Wire datelines ("AL-AIN , United Arab Emirates 1996-12-06", "KYIV, Ukraine (AP) —", "LONDON (Reuters) -"):
 * the capitalised city at the start of a line, and the country or state after it, are places.
 */
import { isCapitalised, span } from './entities-rules.js';
import type { Mention } from './ner.js';
import type { Token } from './tokenize.js';

const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const DATE_START = /^(?:\d{4}-\d\d-\d\d|\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const AFTER = new Set(['(', '-', '—', '–', ':']);

function isDate(t: Token | undefined): boolean {
  return t !== undefined && DATE_START.test(t.text);
}

export function applyDatelineRule(
  tokens: Token[],
  sentences: Array<[number, number]>,
  mentions: Mention[],
): Mention[] {
  const changes: Mention[] = [];
  for (const [a, b] of sentences) {
    let j = a;
    while (j < b && j - a < 4 && ALL_CAPS.test(tokens[j].text) && /\p{L}/u.test(tokens[j].text)) j++;
    if (j === a || j >= b) continue;
    const next = tokens[j];
    if (next.text === ',') {
      let k = j + 1;
      while (k < b && k - j <= 4 && isCapitalised(tokens[k].text)) k++;
      const end = tokens[k];
      if (k === j + 1 || !(k === b || isDate(end) || AFTER.has(end.text))) continue;
      changes.push(span(tokens, a, j, 'LOC'), span(tokens, j + 1, k, 'LOC'));
    } else if (isDate(next) || (next.text === '(' && j + 1 < b && isCapitalised(tokens[j + 1].text))) {
      changes.push(span(tokens, a, j, 'LOC'));
    }
  }
  if (changes.length === 0) return mentions;
  // A dateline place replaces whatever overlapped it.
  const kept = mentions.filter((m) => !changes.some((c) => m.first < c.last && c.first < m.last));
  return [...kept, ...changes].sort((x, y) => x.start - y.start);
}
