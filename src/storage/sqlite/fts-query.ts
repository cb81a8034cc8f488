// Turns what a reader typed into an FTS5 query that cannot be a syntax error: every term and
// "phrase" becomes a quoted string, operators (AND OR NOT NEAR, column filters, parentheses,
// ^, +) lose their meaning, and a trailing * on a word of 2+ letters is kept as a prefix search.
// Terms are ANDed, which is what people expect from a news search box.

import { queryTerms } from '../sql/query-terms.js';
import { foldText } from './fold.js';

function quote(text: string): string {
  // folded like the indexed text, so Arabic spelling variants meet
  return `"${(foldText(text) ?? '').replaceAll('"', '""')}"`;
}

/** The FTS5 MATCH expression for `input`, or null when it holds nothing searchable. */
export function toFtsQuery(input: string): string | null {
  const terms = queryTerms(input);
  if (terms.length === 0) return null;
  return terms.map((t) => (t.prefix ? `${quote(t.text)}*` : quote(t.text))).join(' ');
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
