// Ranks search candidates in JavaScript. FTS5's bm25() first counts, for each query term or
// phrase, the documents that hold it by walking its whole doclist: 50-80 ms for a common word
// at a million articles, seconds for a phrase of common words, on every query. Here the
// candidates are scored with BM25 over their title, description and lead, and each term's
// document frequency is estimated from how densely its newest matches sit in the rowid space
// (exact when it has fewer matches than the probe). Term frequencies are counted with one
// regular expression per term over each field, not by splitting the text into word strings:
// a few hundred candidates make tens of thousands of words, and allocating them was the
// slowest part of a query (and the garbage collector's pauses its worst outliers).

import { foldText } from './fold.js';

export interface Candidate {
  rid: number;
  id: string;
  title: string;
  description: string | null;
  lead: string;
  sortAt: string;
}

export interface RankTerm {
  term: string;
  prefix: boolean;
  df: number;
}

/**
 * Relevance is scaled by freshness: a fresh article keeps its full bm25 score, one that is
 * FRESH_DAYS old keeps (1 - FRESH_SHARE / 2) of it, and very old ones tend to (1 - FRESH_SHARE).
 */
const FRESH_SHARE = 0.4;
const FRESH_DAYS = 7;

export function freshness(sortAt: string, nowMs: number): number {
  const ageDays = Math.max(0, (nowMs - Date.parse(sortAt)) / 86_400_000) || 0;
  return 1 - FRESH_SHARE + FRESH_SHARE / (1 + ageDays / FRESH_DAYS);
}

/** The first phrase (a quoted string of several tokens) of an FTS query, lower case, or null. */
export function phraseOf(match: string): string | null {
  const m = /"((?:[^"]|"")*\s(?:[^"]|"")*)"/.exec(match);
  return m ? m[1].replaceAll('""', '"').toLowerCase() : null;
}

/** How much of the body the ranking reads (news puts what matters first). */
export const LEAD_CHARS = 2000;

const K1 = 1.2;
const B = 0.75;
/** Field weights, as the bm25() weights the index used: title, description, text. */
const FIELDS: Array<[keyof Pick<Candidate, 'title' | 'description' | 'lead'>, number]> = [
  ['title', 10],
  ['description', 4],
  ['lead', 1],
];
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_ASCII = /[^\u0000-\u007f]/;

/** A light stemmer applied to both sides, so "troops" meets "troop" as Porter would make them. */
function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Text as it is matched: folded as the index does (Arabic), accents and marks removed, lower case. */
export function plainText(text: string): string {
  const folded = foldText(text) ?? '';
  if (!NON_ASCII.test(folded)) return folded.toLowerCase();
  return folded.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(text: string): string[] {
  return plainText(text).match(WORD) ?? [];
}

/** Words of a plain text, counted without making them. */
export function wordCount(plain: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    const isWord =
      c < 128
        ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
        : WORD_CHAR.test(plain[i]);
    if (isWord && !inWord) n++;
    inWord = isWord;
  }
  return n;
}

const regexSource = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Counts, in a plain text, the words that are `term`: for a prefix term the words that start
 * with it, otherwise the words that stem to it (term, terms, termed, terming, termies for termy).
 */
export function termCounter(term: string, prefix: boolean): (plain: string) => number {
  const alternatives = prefix
    ? `${regexSource(term)}`
    : `${regexSource(term)}(?:s|ed|ing)?${term.endsWith('y') ? `|${regexSource(term.slice(0, -1))}ies` : ''}`;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})${prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'gu');
  // every form contains this much of the term: texts without it are skipped at indexOf speed
  const core = term.endsWith('y') && !prefix ? term.slice(0, -1) : term;
  return (plain) => {
    if (!plain.includes(core)) return 0;
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(plain) !== null) n++;
    return n;
  };
}

/** Terms of an FTS query made by toFtsQuery: quoted strings (phrases split), "prefix"* kept as prefix. */
export function queryTerms(match: string): Array<{ term: string; prefix: boolean; fts: string }> {
  const out: Array<{ term: string; prefix: boolean; fts: string }> = [];
  for (const m of match.matchAll(/"((?:[^"]|"")*)"(\*?)/g)) {
    const raw = words(m[1].replaceAll('""', '"'));
    raw.forEach((word, i) => {
      const prefix = m[2] === '*' && i === raw.length - 1;
      out.push({ term: prefix ? word : stem(word), prefix, fts: prefix ? `"${word}"*` : `"${word}"` });
    });
  }
  return out;
}

/**
 * Document frequency from a probe of a term's newest matches: `rowids` newest first, at most
 * `probe` of them, among `maxRowid` rows.
 */
export function estimateDf(rowids: number[], probe: number, maxRowid: number): number {
  if (rowids.length < probe) return rowids.length;
  const span = maxRowid - rowids[rowids.length - 1] + 1;
  return Math.min(maxRowid, (rowids.length / Math.max(span, 1)) * maxRowid);
}

export function rankCandidates(
  candidates: Candidate[],
  terms: RankTerm[],
  totalDocs: number,
  nowMs: number,
  phrase: string | null,
): Array<{ candidate: Candidate; score: number }> {
  const counters = terms.map((t) => termCounter(t.term, t.prefix));
  const docs = candidates.map((c) =>
    FIELDS.map(([field]) => {
      const plain = plainText(c[field] ?? '');
      return { length: wordCount(plain), tf: counters.map((count) => count(plain)) };
    }),
  );
  const avg = FIELDS.map((_, f) => docs.reduce((n, d) => n + d[f].length, 0) / Math.max(docs.length, 1) || 1);
  const idf = terms.map((t) => Math.log(1 + (totalDocs - t.df + 0.5) / (t.df + 0.5)));
  return candidates.map((candidate, i) => {
    let score = 0;
    FIELDS.forEach(([, weight], f) => {
      const { length, tf } = docs[i][f];
      tf.forEach((n, ti) => {
        if (n > 0) score += idf[ti] * weight * ((n * (K1 + 1)) / (n + K1 * (1 - B + (B * length) / avg[f])));
      });
    });
    if (phrase && candidate.title.toLowerCase().includes(phrase)) score *= 1.5;
    return { candidate, score: score * freshness(candidate.sortAt, nowMs) };
  });
}
