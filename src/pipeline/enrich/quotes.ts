// Quotes: direct quotes with their speaker as written (`mention`) and resolved to a named person
// where the text allows (`speaker`), plus "according to X" claims. Attribution reads the words
// right after the quote (",” said X" / ",” X said"), then those right before it ("X said: “"),
// then the rest of its sentence, then carries the previous speaker over to a quote that opens the
// next paragraph. Every regex runs on a short window, so none can stall on a long text.
import type { Entity, Quote } from '../../domain/types.js';
import { findQuoteSpans } from './quotes-spans.js';
import { leftMention, type Mention, rightMention, speakerResolver, VERB } from './quotes-speakers.js';
import { lazyProperNouns, sentenceSubject } from './quotes-subject.js';
import { type Sentence, sentenceAt, splitSentences } from './sentences.js';
import type { Enricher } from './types.js';

/** A quote as emitted: the contract's fields plus what kind of attribution it is. */
export interface QuoteResult extends Quote {
  kind: 'direct' | 'claim';
}

const MIN_WORDS = 2;
const WINDOW = 160;
const OPENERS = /[“«„]|(?<=^|\s)["‘']/;

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Speaker in the words after the closing mark, up to the end of that sentence or the next quote. */
function after(text: string, closeAt: number, limit: number): Mention | null {
  const from = closeAt + 1;
  const windowEnd = Math.min(limit, from + WINDOW);
  let tail = text.slice(from, windowEnd);
  // up to the next quotation (an apostrophe in "Sanders' campaign" is not one) or sentence end;
  // the splitter ends a sentence at '?” Sanders replied', so the window ignores its boundaries
  const stop = tail.search(OPENERS);
  if (stop >= 0) tail = tail.slice(0, stop);
  const end = /\p{L}{2}[.!?]\s|\n/u.exec(tail);
  if (end) tail = tail.slice(0, end.index + 3);
  // '… works.” He said' starts a new sentence; '…?” Sanders replied' and ',” he said' do not
  if (/\.\s*$/.test(text.slice(Math.max(0, closeAt - 2), closeAt)) && !/^\s*\p{Ll}/u.test(tail)) return null;
  // the attribution must come first: ",” he said" / ",” said Smith" / "— Smith told CNN."
  const m = /^[\s,.!?:;—–-]*/.exec(tail);
  const rest = tail.slice(m ? m[0].length : 0);
  if (!rest) return null;
  const v = VERB.exec(rest);
  if (!v || v.index > 90) return null;
  const verbAt = from + (m ? m[0].length : 0) + v.index;
  if (v.index === 0 || /^\s*(?:also|then|later|again|once)?\s*$/.test(rest.slice(0, v.index))) {
    return rightMention(text, verbAt + v[0].length, windowEnd);
  }
  // only a short subject (with an appositive) may sit between the quote and the verb
  const between = rest.slice(0, v.index);
  if (wordCount(between) > (between.includes(',') ? 20 : 8) || /[.!?]\s/.test(between)) return null;
  return leftMention(text, from + (m ? m[0].length : 0), verbAt);
}

/** Speaker in the words before the opening mark, within its sentence: "Smith said: “". */
function before(text: string, sentenceStart: number, openAt: number): Mention | null {
  const from = Math.max(sentenceStart, openAt - WINDOW);
  const head = text.slice(from, openAt);
  // the last speech verb, followed only by a few words ("told reporters", "said in a statement that")
  let last: RegExpExecArray | null = null;
  const re = new RegExp(VERB.source, 'gu');
  for (let v = re.exec(head); v; v = re.exec(head)) last = v;
  if (!last) return null;
  const between = head.slice(last.index + last[0].length);
  if (wordCount(between) > 8 || /[.!?]\s/.test(between)) return null;
  const verbAt = from + last.index;
  if (/^according to$/i.test(last[0])) return rightMention(text, verbAt + last[0].length, openAt);
  return leftMention(text, from, verbAt);
}

/**
 * A quote inside a sentence ("Cruz says he is “tied”", "Smith thanked him for “…”") or introduced by
 * the sentence before it ("Cruz continued:") belongs to that sentence's subject.
 */
function subjectOf(
  text: string,
  sentences: readonly Sentence[],
  si: number,
  openAt: number,
  proper: () => Set<string>,
): Mention | null {
  const s = sentences[si];
  const head = text.slice(s.start, openAt);
  // "… doesn't surprise Republican pollster Daron Shaw: “…”": the name right before the colon
  if (/\p{Lu}[\p{L}’'.-]*\s*:\s*$/u.test(head)) {
    const colon = s.start + head.lastIndexOf(':');
    const name = leftMention(text, Math.max(s.start, colon - 80), colon);
    if (name && /^\p{Lu}/u.test(name.text)) return name;
  }
  if (openAt - s.start > 2) {
    // a quoted title ("Saturday Night Live") or a one- or two-word tag is no one's words
    const quoted = text.slice(openAt + 1, Math.min(text.length, openAt + 200)).split(/[”"»“]/)[0];
    if (wordCount(quoted) < 2 || /^\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*[.,!?]?$/u.test(quoted.trim()))
      return null;
    return sentenceSubject(text, s.start, openAt, proper);
  }
  const prev = sentences[si - 1];
  if (prev && /[:,]\s*$/.test(text.slice(prev.start, prev.end)) && s.start - prev.end < 4) {
    return before(text, prev.start, prev.end) ?? sentenceSubject(text, prev.start, prev.end, proper);
  }
  return null;
}

const ACCORDING = /\baccording to\s+/giu;
/** Holds wherever ACCORDING can match in a part of the text: one scan of the text rules most articles out. */
const ACCORDING_ANYWHERE = /according to\s/iu;

/** "… according to Ukrainian officials": the clause before (or after) is the claim. */
function claims(
  text: string,
  sentences: readonly Sentence[],
  taken: (s: number, e: number) => boolean,
  resolve: (m: Mention | null) => string | null,
): QuoteResult[] {
  const out: QuoteResult[] = [];
  if (!ACCORDING_ANYWHERE.test(text)) return out;
  for (const s of sentences) {
    const body = text.slice(s.start, s.end);
    ACCORDING.lastIndex = 0;
    const m = ACCORDING.exec(body);
    if (!m) continue;
    const who = rightMention(text, s.start + m.index + m[0].length, Math.min(s.end, s.start + m.index + 200));
    if (!who) continue;
    // the claim: the sentence without the "according to X" phrase and its commas
    const phraseStart = s.start + m.index;
    let start = s.start;
    let end = s.end;
    if (phraseStart - s.start > 10) end = phraseStart;
    else start = Math.min(s.end, who.end);
    while (start < end && /[\s,.;:—–-]/.test(text[start])) start++;
    while (end > start && /[\s,.;:—–-]/.test(text[end - 1])) end--;
    if (end - start < 10 || taken(start, end)) continue;
    const speaker = resolve(who);
    out.push({ kind: 'claim', text: text.slice(start, end), start, end, mention: who.text, speaker });
  }
  return out;
}

export function findQuotes(text: string, entities: Entity[] = []): QuoteResult[] {
  const sentences = splitSentences(text);
  const spans = findQuoteSpans(text);
  const quotes: QuoteResult[] = [];
  const mentions: (Mention | null)[] = [];
  const proper = lazyProperNouns(text);
  let prev: { mention: Mention | null; end: number; paragraph: number } | null = null;
  for (const q of spans) {
    const words = wordCount(text.slice(q.start, q.end));
    if (words < MIN_WORDS) continue;
    const si = sentenceAt(sentences, q.start);
    const s = sentences[si];
    const limit = Math.min(text.length, q.closeAt + 1 + WINDOW);
    let mention = q.closed ? after(text, q.closeAt, limit) : null;
    mention ??= s ? before(text, s.start, q.openAt) : null;
    mention ??= s ? subjectOf(text, sentences, si, q.openAt, proper) : null;
    // a quote that continues the previous speaker's words in the next paragraph or sentence
    const para = s?.paragraph ?? 0;
    if (!mention && prev?.mention && para - prev.paragraph <= 1 && q.openAt - prev.end < 600)
      mention = prev.mention;
    prev = { mention, end: q.closeAt, paragraph: para };
    // quoted words nobody is said to speak are titles, slogans or scare quotes, not quotes
    if (!mention) continue;
    quotes.push({
      kind: 'direct',
      text: text.slice(q.start, q.end),
      start: q.start,
      end: q.end,
      mention: mention.text,
      speaker: null,
    });
    mentions.push(mention);
  }
  const resolve = speakerResolver(text, entities);
  quotes.forEach((q, i) => {
    q.speaker = resolve(mentions[i]);
  });
  const inside = (s: number, e: number) => quotes.some((q) => q.start < e && s < q.end);
  const extra = claims(text, sentences, inside, resolve);
  return [...quotes, ...extra].sort((a, b) => a.start - b.start);
}

export const quoteEnricher: Enricher = {
  name: 'quotes',
  enrich(input, result) {
    result.quotes = findQuotes(input.text, result.entities);
  },
};
