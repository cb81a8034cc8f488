// Figures: numbers with what they count, their unit, ranges and hedges, and who claims them
// ("as many as 30,000 troops, according to Ukrainian officials"). One regex finds number cores;
// the words around each are read by token loops over short windows, so nothing can backtrack.
import type { Figure } from '../../domain/types.js';
import {
  COUNT_BREAKS,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  HEDGES,
  MONTHS,
  NUMBER_WORDS,
  SCALES,
  UNITS,
  wordValue,
} from './figures-numbers.js';
import { leftMention, rightMention, VERB } from './quotes-speakers.js';
import { type Sentence, sentenceAt, splitSentences } from './sentences.js';
import type { Enricher } from './types.js';

/** Plurals without a final s. */
const PLURALS = new Set([
  'people',
  'children',
  'men',
  'women',
  'police',
  'personnel',
  'staff',
  'cattle',
  'sheep',
  'data',
]);

/**
 * A number core: digits (with a currency), a number word, or "a"/"an" where a scale word follows
 * ("a million"; readNumber drops the others, so they are not matched at all: most "a" are articles).
 */
const CORE = new RegExp(
  `(?:(US\\$|A\\$|C\\$|(?<![\\p{L}])Rs\\.?|[$€£¥₹₽₴])\\s?)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)|\\b((?:${NUMBER_WORDS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?(?=\\s+(?:hundred|thousand|million|billion|trillion|[a-z]))|an?(?=\\s(?:hundred|thousand|million|billion|trillion|bn|mn|tn)))`,
  'giu',
);

interface Num {
  start: number;
  end: number;
  value: number;
  /** the multiplier of its scale words (1 without) */
  scale: number;
  currency: string | null;
}

/** Reads one number at `at` (a core and its scale words: "nine million", "$1.5bn"). */
function readNumber(text: string, m: RegExpExecArray): Num | null {
  const start = m.index;
  let end = start + m[0].length;
  const currency = m[1] ? CURRENCY_SYMBOLS[m[1]] : null;
  let value: number;
  if (m[2]) {
    value = Number(m[2].replace(/,/g, ''));
  } else {
    const w = m[3].toLowerCase();
    if (w === 'a' || w === 'an') value = 1;
    else value = wordValue(w) ?? Number.NaN;
  }
  if (!Number.isFinite(value)) return null;
  // scale words: "million", "hundred thousand", "bn"; "m"/"k" only right after a currency amount
  const scale = /^(\s?)(hundred|thousand|million|billion|trillion|bn|mn|tn|m|k)\b/i;
  let factor = 1;
  for (let guard = 0; guard < 3; guard++) {
    const s = scale.exec(text.slice(end, end + 12));
    if (!s) break;
    const word = s[2].toLowerCase();
    if ((word === 'm' || word === 'k') && (!currency || s[1])) break;
    factor *= SCALES[word];
    end += s[0].length;
  }
  // "a"/"an" and "one" only count with a scale ("a million", "one billion"): else they are articles
  if (m[3] && /^(?:an?|one)$/i.test(m[3]) && factor === 1) return null;
  return { start, end, value: value * factor, scale: factor, currency };
}

function skipped(text: string, n: Num, m: RegExpExecArray): boolean {
  const before = text.slice(Math.max(0, n.start - 12), n.start);
  const after = text.slice(n.end, n.end + 8);
  if (/[\p{L}\d][-‐]?$/u.test(before) && !m[1]) return true; // "COVID-19", "F-16", "G7"
  if (
    /^(?:st|nd|rd|th)\b/i.test(after) ||
    /^[:.]\d/.test(after) ||
    /^\s?(?:a\.m|p\.m|am\b|pm\b|GMT|UTC)/i.test(after)
  )
    return true; // ordinals, times
  const prevWord = /(\p{L}+\.?)\s*$/u.exec(before)?.[1] ?? '';
  if (MONTHS.test(prevWord)) return true; // "March 5"
  if (/^\s?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(after) && n.value <= 31)
    return true;
  // a bare four-digit year
  const raw = m[2] ?? '';
  return /^\d{4}$/.test(raw) && n.value >= 1800 && n.value <= 2100 && !n.currency && n.end === n.start + 4;
}

interface Word {
  w: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}][\p{L}\d'’-]*|[%°]|[^\s\p{L}]/gu;

/** The words of text[from, from + limit), read on demand: a figure looks at its first few words only. */
class WordsAfter {
  private readonly read: Word[] = [];
  private readonly part: string;
  /** where WORD goes on in `part` (-1 once it is through) */
  private next = 0;

  constructor(
    text: string,
    private readonly from: number,
    limit: number,
  ) {
    this.part = text.slice(from, Math.min(text.length, from + limit));
  }

  /** The k-th word, or undefined past the last. */
  at(k: number): Word | undefined {
    while (this.read.length <= k && this.next >= 0) {
      WORD.lastIndex = this.next;
      const m = WORD.exec(this.part);
      if (!m) {
        this.next = -1;
        break;
      }
      this.next = WORD.lastIndex;
      this.read.push({ w: m[0], start: this.from + m.index, end: this.from + m.index + m[0].length });
    }
    return this.read[k];
  }

  /** The k-th word, where the caller has seen it is there. */
  get(k: number): Word {
    const word = this.at(k);
    if (!word) throw new Error(`figures: no word ${k} after the number`);
    return word;
  }
}

/** Who the sentence says the figure comes from: "according to X", "X said", "said X". */
function claimantOf(text: string, s: Sentence): string | null {
  const body = text.slice(s.start, s.end);
  const v = VERB.exec(body);
  if (!v) return null;
  const at = s.start + v.index;
  const after = rightMention(text, at + v[0].length, s.end);
  if (/^[Aa]ccording to$/.test(v[0])) return after?.text ?? null;
  const before = leftMention(text, s.start, at);
  return before && !/^(?:it|they|we|you|i)$/i.test(before.text) ? before.text : (after?.text ?? null);
}

function figureIn(text: string, s: Sentence, m: RegExpExecArray): { figure: Figure; end: number } | null {
  const n = readNumber(text, m);
  if (!n || skipped(text, n, m)) return null;
  let end = n.end;
  let unit: string | null = n.currency;
  let valueMax: number | null = null;
  let hedge: string | null = null;
  let toks = new WordsAfter(text, end, 80);
  let t = 0;
  const peek = (k = 0) => toks.at(t + k)?.w ?? '';
  // unit right after the number: "%", "per cent", "km", "dollars"
  const two = `${peek()} ${peek(1)}`.toLowerCase();
  if (UNITS[two] && two.includes(' ')) {
    unit = UNITS[two];
    end = toks.get(t + 1).end;
    t += 2;
  } else if (UNITS[peek().toLowerCase()] || UNITS[peek()]) {
    unit = UNITS[peek().toLowerCase()] ?? UNITS[peek()];
    end = toks.get(t).end;
    t++;
  } else if (CURRENCY_WORDS[peek().toLowerCase()]) {
    unit = CURRENCY_WORDS[peek().toLowerCase()];
    end = toks.get(t).end;
    t++;
  }
  // a range: "10,000 to 20,000", "5-7%", "between 3 and 4 million"
  const rangeWord = peek().toLowerCase();
  // "and" makes a range only after "between" ("71 kWh and 95 kWh" are two figures)
  const between = /\bbetween\s+$/i.test(text.slice(Math.max(s.start, n.start - 9), n.start));
  if (rangeWord === 'to' || rangeWord === '-' || rangeWord === '–' || (rangeWord === 'and' && between)) {
    const from = toks.get(t).end;
    CORE.lastIndex = 0;
    const rest = text.slice(from, from + 40);
    const m2 = CORE.exec(rest);
    if (m2 && /^\s*$/.test(rest.slice(0, m2.index))) {
      const n2 = readNumber(text, Object.assign(m2, { index: from + m2.index }));
      // "10 to 20 million": the upper bound's scale applies to both
      const low = n2 && n.scale === 1 ? n.value * n2.scale : n.value;
      if (n2 && n2.value >= low) {
        n.value = low;
        valueMax = n2.value;
        end = n2.end;
        toks = new WordsAfter(text, end, 80);
        t = 0;
        const u = UNITS[peek().toLowerCase()] ?? CURRENCY_WORDS[peek().toLowerCase()];
        if (u) {
          unit = u;
          end = toks.get(0).end;
          t = 1;
        }
        unit ??= n2.currency;
      }
    }
  }
  // "$69.11 per barrel"
  if (peek().toLowerCase() === 'per' && toks.at(t + 1) && /^\p{L}/u.test(peek(1)) && peek(1) !== 'cent') {
    unit = `${unit ?? ''} per ${peek(1)}`.trim();
    end = toks.get(t + 1).end;
    t += 2;
  }
  // what it counts: "troops", "artillery shells", "of people" after "millions"
  if (
    peek().toLowerCase() === 'of' &&
    /(?:hundred|thousand|million|billion|dozen)s?$/i.test(text.slice(n.start, n.end))
  )
    t++;
  // a counted phrase ends with its (plural) head noun: "artillery shells", "Russian troops"
  const countStart = t;
  while (toks.at(t) && t - countStart < 3 && /^\p{L}[\p{L}\d'’-]*[\p{L}\d]$/u.test(peek())) {
    const w = peek().toLowerCase();
    if (COUNT_BREAKS.has(w) || (t > countStart && /ed$/.test(w))) break;
    t++;
    if ((/[^s]s$/.test(w) && !/(?:ous|ss|is|us)$/.test(w)) || PLURALS.has(w)) break;
  }
  let counts: string | null = null;
  if (t > countStart) {
    counts = text.slice(toks.get(countStart).start, toks.get(t - 1).end);
    end = toks.get(t - 1).end;
  }
  // a hedge before: "as many as", "up to", "between"
  const head = text.slice(Math.max(s.start, n.start - 24), n.start).toLowerCase();
  let start = n.start;
  // the hedge and then one space: "up to 5"
  const spaced = head.endsWith(' ');
  for (const h of spaced ? HEDGES : []) {
    if (head.endsWith(h, head.length - 1)) {
      hedge = h;
      start = n.start - h.length - 1;
      break;
    }
  }
  if (valueMax === null && hedge === 'between') hedge = null;
  // a bare number ("He is 45") says nothing a reader can check against a claim
  if (!unit && !counts && !hedge && n.scale === 1) return null;
  const figure: Figure = {
    text: text.slice(start, end),
    value: n.value,
    unit,
    counts,
    claimant: null,
    start,
    end,
  };
  if (valueMax !== null) figure.valueMax = valueMax;
  if (hedge) figure.hedge = hedge;
  return { figure, end };
}

export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  const sentences = splitSentences(text);
  if (!sentences.length) return out;
  const claimants = new Map<number, string | null>();
  const re = new RegExp(CORE.source, 'giu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const si = sentenceAt(sentences, m.index);
    const s = sentences[si];
    if (m.index < s.start || m.index >= s.end) continue;
    const found = figureIn(text, s, m);
    if (!found) continue;
    if (!claimants.has(si)) claimants.set(si, claimantOf(text, s));
    found.figure.claimant = claimants.get(si) ?? null;
    out.push(found.figure);
    re.lastIndex = Math.max(re.lastIndex, found.end);
  }
  return out;
}

export const figureEnricher: Enricher = {
  name: 'figures',
  enrich(input, result) {
    result.figures = findFigures(input.text);
  },
};
