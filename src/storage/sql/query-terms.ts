// What a reader typed in the search box, read the same way by both backends: every term and
// "phrase" is taken literally (operators AND OR NOT NEAR and query syntax lose their meaning),
// a trailing * on a word of 2+ letters asks for a prefix search, and control characters are
// dropped. Each backend quotes the terms for its own query language and ANDs them.

/** A word or phrase to match, as typed (not yet folded or quoted). */
export interface QueryTerm {
  text: string;
  /** match words starting with `text` */
  prefix: boolean;
}

const MAX_TERMS = 32;
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
const HAS_WORD = /[\p{L}\p{N}]/u;

/** The terms of `input` holding a letter or digit, at most 32; empty when nothing is searchable. */
export function queryTerms(input: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  // strip control characters: they are never meaningful in a query
  const text = input.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 1000);
  // "a phrase" | a bare token; an unmatched quote runs to the end
  for (const m of text.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    if (terms.length >= MAX_TERMS) break;
    const phrase = m[1];
    if (phrase !== undefined) {
      if (HAS_WORD.test(phrase)) terms.push({ text: phrase.trim(), prefix: false });
      continue;
    }
    const token = m[2] ?? '';
    if (OPERATORS.has(token)) continue;
    const prefix = /^(.*[\p{L}\p{N}].*?)\*+$/u.exec(token);
    const word = prefix ? prefix[1] : token;
    if (!HAS_WORD.test(word)) continue;
    const letters = word.replace(/[^\p{L}\p{N}]/gu, '');
    terms.push({ text: word, prefix: prefix !== null && letters.length >= 2 });
  }
  return terms;
}
