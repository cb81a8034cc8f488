// Full-text pieces shared by the article writer and search: the text search configuration
// for an article's language, the text that is indexed (Arabic folded like SQLite's index, see
// ../sqlite/fold.ts), and a tsquery built from what a reader typed that cannot be a syntax error.

import { queryTerms } from '../sql/query-terms.js';
import { foldText } from '../sqlite/fold.js';

/** ISO 639-1 language -> built-in PostgreSQL stemmer; the index uses lede_<stemmer>. */
export const STEMMED_LANGUAGES: Record<string, string> = {
  ar: 'arabic',
  hy: 'armenian',
  eu: 'basque',
  ca: 'catalan',
  da: 'danish',
  nl: 'dutch',
  en: 'english',
  fi: 'finnish',
  fr: 'french',
  de: 'german',
  el: 'greek',
  hi: 'hindi',
  hu: 'hungarian',
  id: 'indonesian',
  ga: 'irish',
  it: 'italian',
  lt: 'lithuanian',
  ne: 'nepali',
  no: 'norwegian',
  nb: 'norwegian',
  nn: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  es: 'spanish',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
};

export const FALLBACK_CONFIG = 'lede_simple';

/** The configuration for a language ("en", "en-GB", "ar"…), among those the database has. */
export function configFor(language: string | null, available: ReadonlySet<string>): string {
  const base = language?.toLowerCase().split(/[-_]/)[0] ?? '';
  const stem = STEMMED_LANGUAGES[base];
  const name = stem ? `lede_${stem}` : FALLBACK_CONFIG;
  return available.has(name) ? name : FALLBACK_CONFIG;
}

/** PostgreSQL text cannot hold NUL; tsvector input is capped well under its 1 MB limit. */
export function clean(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}
const INDEX_CHARS = 200_000;
export function indexed(text: string | null): string {
  return foldText(clean(text ?? '').slice(0, INDEX_CHARS)) ?? '';
}

function lexeme(text: string): string {
  // a quoted to_tsquery operand: the configuration's parser and dictionaries still apply, so
  // several words in one operand become a phrase (<->); quotes and backslashes are escaped
  const folded = foldText(text) ?? '';
  return `'${folded.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/**
 * The to_tsquery() input for `input`, or null when it holds nothing searchable: every term and
 * "phrase" is a quoted operand (operators and syntax lose their meaning), a trailing * on a word
 * of 2+ letters is a prefix search, and terms are ANDed — the same rules as the SQLite search.
 */
export function toTsQuery(input: string): string | null {
  const terms = queryTerms(input);
  if (terms.length === 0) return null;
  return terms.map((t) => (t.prefix ? `${lexeme(t.text)}:*` : lexeme(t.text))).join(' & ');
}
