// Ranks search candidates in JavaScript. FTS5's bm25() first counts, for each query term or
// phrase, the documents that hold it by walking its whole doclist: 50-80 ms for a common word
// at a million articles, seconds for a phrase of common words, on every query. Here the
// candidates (the newest K matches) are scored with BM25 over their title, description and
// lead, and each term's document frequency is estimated from how densely its newest matches
// sit in the rowid space (exact when it has fewer matches than the probe).

import { foldText } from './fold.js';

export interface Candidate {
  rid: number;
  id: string;
  title: string;
  description: string | null;
  lead: string;
  sortAt: string;
}

const K1 = 1.2;
const B = 0.75;
/** Field weights, as the bm25() weights the index used: title, description, text. */
const FIELDS: Array<[keyof Pick<Candidate, 'title' | 'description' | 'lead'>, number]> = [
  ['title', 10],
  ['description', 4],
  ['lead', 1],
];
const WORD = /[\p{L}\p{N}]+/gu;

/** A light stemmer applied to both sides, so "troops" meets "troop" as Porter would make them. */
function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function words(text: string): string[] {
  // fold as the index does (Arabic variants, marks, proclitics), so terms meet their matches
  return (foldText(text) ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(WORD) ?? [];
}

export function tokens(text: string): string[] {
  return words(text).map(stem);
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
  terms: Array<{ term: string; prefix: boolean; df: number }>,
  totalDocs: number,
  freshness: (sortAt: string) => number,
  phrase: string | null,
): Array<{ candidate: Candidate; score: number }> {
  const docs = candidates.map((c) => FIELDS.map(([field]) => tokens(c[field] ?? '')));
  const avg = FIELDS.map((_, f) => docs.reduce((n, d) => n + d[f].length, 0) / Math.max(docs.length, 1) || 1);
  const idf = terms.map((t) => Math.log(1 + (totalDocs - t.df + 0.5) / (t.df + 0.5)));
  return candidates.map((candidate, i) => {
    let score = 0;
    terms.forEach((t, ti) => {
      FIELDS.forEach(([, weight], f) => {
        const words = docs[i][f];
        let tf = 0;
        for (const w of words) if (t.prefix ? w.startsWith(t.term) : w === t.term) tf++;
        if (tf > 0)
          score += idf[ti] * weight * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * words.length) / avg[f])));
      });
    });
    if (phrase && candidate.title.toLowerCase().includes(phrase)) score *= 1.5;
    return { candidate, score: score * freshness(candidate.sortAt) };
  });
}
