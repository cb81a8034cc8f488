// "Ask about this article": an extractive answerer. It never writes a sentence of its own: it
// ranks the article's sentences for a question (BM25 over sentence terms, plus a lift for the
// entities the question names and for the kind of fact it asks for: a number, a person, a date)
// and returns the best few, with their UTF-16 offsets into the article text, in reading order.
import type { Enrichment } from '../../domain/types.js';
import { splitSentences } from './sentences.js';

export interface AnswerSentence {
  start: number;
  end: number;
  text: string;
  score: number;
}

export interface Answer {
  question: string;
  /** best sentences in reading order; empty when nothing in the article matches */
  sentences: AnswerSentence[];
}

export interface AskOptions {
  maxSentences: number;
  /** a sentence must reach this share of the best score to be listed beside it */
  relativeFloor: number;
}

const DEFAULTS: AskOptions = { maxSentences: 3, relativeFloor: 0.5 };
const K1 = 1.2;
const B = 0.75;
const MAX_QUESTION = 500;

const STOP = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been being it its this that these ' +
    'those what which who whom whose when where why how does do did has have had will would can could should may ' +
    'might about into than then there their they them he she his her him we you your i me my our not no so if ' +
    'any all some many much more most very just also article say said says tell told'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;

/** Lower-case content terms, lightly stemmed so "troops" meets "troop" and "deployed" "deploy". */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    let w = m[0].replace(/['’]s?$/, '');
    if (w.length < 2 || STOP.has(w)) continue;
    if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
    else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
    else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
    else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    out.push(w);
  }
  return out;
}

type Intent = 'number' | 'person' | 'date' | 'place' | null;

function intentOf(question: string): Intent {
  const q = question.toLowerCase();
  if (/\bhow (many|much|big|large|long|far|old)\b|\bwhat (number|percentage|share|amount)\b/.test(q))
    return 'number';
  if (/^\s*(who|whom|whose)\b|\bwho\b/.test(q)) return 'person';
  if (/^\s*when\b|\bwhat (date|day|time|year)\b/.test(q)) return 'date';
  if (/^\s*where\b/.test(q)) return 'place';
  return null;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Answers `question` from `text` (and its enrichment, whose offsets point into `text`). */
export function askArticle(
  text: string,
  enrichment: Pick<Enrichment, 'entities' | 'figures' | 'quotes' | 'events'> | null,
  question: string,
  options: Partial<AskOptions> = {},
): Answer {
  const { maxSentences, relativeFloor } = { ...DEFAULTS, ...options };
  const q = question.slice(0, MAX_QUESTION).trim();
  const qTerms = [...new Set(terms(q))];
  const sentences = splitSentences(text).filter((s) => s.end > s.start);
  if (sentences.length === 0 || q === '') return { question: q, sentences: [] };

  const docs = sentences.map((s) => terms(text.slice(s.start, s.end)));
  const avgLen = docs.reduce((n, d) => n + d.length, 0) / docs.length || 1;
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);

  const intent = intentOf(q);
  const qLower = q.toLowerCase();
  const entities = enrichment?.entities ?? [];
  // entities the question names (by their text or canonical name)
  const named = entities.filter((e) => {
    const names = [e.text, e.canonical ?? ''].filter((n) => n.length >= 3).map((n) => n.toLowerCase());
    return names.some((n) => qLower.includes(n));
  });
  const namedKeys = new Set(named.map((e) => (e.canonical ?? e.text).toLowerCase()));

  const scored = sentences.map((s, i) => {
    const doc = docs[i];
    const tf = new Map<string, number>();
    for (const t of doc) tf.set(t, (tf.get(t) ?? 0) + 1);
    let score = 0;
    for (const t of qTerms) {
      const f = tf.get(t);
      if (!f) continue;
      const n = df.get(t) ?? 0;
      const idf = Math.log(1 + (sentences.length - n + 0.5) / (n + 0.5));
      score += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / avgLen));
    }
    if (score === 0) return { s, score };
    // lift sentences that mention what the question names, and that hold the kind of fact asked for
    const mentions = entities.filter(
      (e) => overlaps(e, s) && namedKeys.has((e.canonical ?? e.text).toLowerCase()),
    ).length;
    score *= 1 + 0.3 * Math.min(mentions, 2);
    const span = { start: s.start, end: s.end };
    const holds =
      intent === 'number'
        ? (enrichment?.figures ?? []).some((f) => overlaps(f, span)) || /\d/.test(text.slice(s.start, s.end))
        : intent === 'person'
          ? entities.some((e) => e.type === 'person' && overlaps(e, span)) ||
            (enrichment?.quotes ?? []).some((x) => overlaps(x, span))
          : intent === 'date'
            ? (enrichment?.events ?? []).some((e) => overlaps(e, span))
            : intent === 'place'
              ? entities.some((e) => e.type === 'place' && overlaps(e, span))
              : false;
    if (holds) score *= 1.5;
    return { s, score };
  });

  const best = Math.max(0, ...scored.map((x) => x.score));
  if (best === 0) return { question: q, sentences: [] };
  const chosen = scored
    .filter((x) => x.score >= best * relativeFloor)
    .sort((a, b) => b.score - a.score || a.s.start - b.s.start)
    .slice(0, maxSentences)
    .sort((a, b) => a.s.start - b.s.start);
  return {
    question: q,
    sentences: chosen.map(({ s, score }) => ({
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      score: Math.round(score * 1000) / 1000,
    })),
  };
}
