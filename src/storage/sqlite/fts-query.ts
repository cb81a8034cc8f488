// Turns what a reader typed into an FTS5 query that cannot be a syntax error: every term and
// "phrase" becomes a quoted string, operators (AND OR NOT NEAR, column filters, parentheses,
// ^, +) lose their meaning, and a trailing * on a word of 2+ letters is kept as a prefix search.
// Terms are ANDed, which is what people expect from a news search box.

import { foldText } from './fold.js';

const MAX_TERMS = 32;
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
const HAS_WORD = /[\p{L}\p{N}]/u;

function quote(text: string): string {
  // folded like the indexed text, so Arabic spelling variants meet
  return `"${(foldText(text) ?? '').replaceAll('"', '""')}"`;
}

/** The FTS5 MATCH expression for `input`, or null when it holds nothing searchable. */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  // strip control characters: they are never meaningful in a query
  const text = input.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 1000);
  // "a phrase" | a bare token; an unmatched quote runs to the end
  const re = /"([^"]*)"?|([^\s"]+)/g;
  for (const m of text.matchAll(re)) {
    if (parts.length >= MAX_TERMS) break;
    const phrase = m[1];
    if (phrase !== undefined) {
      if (HAS_WORD.test(phrase)) parts.push(quote(phrase.trim()));
      continue;
    }
    const token = m[2] ?? '';
    if (OPERATORS.has(token)) continue;
    const prefix = /^(.*[\p{L}\p{N}].*?)\*+$/u.exec(token);
    const word = prefix ? prefix[1] : token;
    if (!HAS_WORD.test(word)) continue;
    const letters = word.replace(/[^\p{L}\p{N}]/gu, '');
    parts.push(prefix && letters.length >= 2 ? `${quote(word)}*` : quote(word));
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * The matches of an FTS query made by toFtsQuery that hold one of its terms or phrases in the
 * title (a single term or phrase is searched in the title alone: FTS5 then reads only the
 * title's positions, several times faster for a phrase of common words).
 */
export function headlineQuery(match: string): string {
  const parts = match.match(/"(?:[^"]|"")*"\*?/g) ?? [];
  if (parts.length === 1) return `{title} : ${parts[0]}`;
  return `(${match}) AND {title} : (${parts.join(' OR ')})`;
}
