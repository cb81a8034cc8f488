// Text features shared by fingerprints and clustering: words, light stemming, and name-like
// tokens (capitalised words that are not sentence starters), which stand in for entities when
// the enrich stage has not run (the `lede cluster --jsonl` input has only title and text).

const STOP = `a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yours yourself
yourselves said says say told according would could may might must shall one two three four five six seven
eight nine ten new last first year years week weeks day days time times mr mrs ms dr per cent percent
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow am pm
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
updated posted published reuters ap afp copyright rights reserved read story stories image photo video
getty images caption click here share email print advertisement comments comment subscribe newsletter
it's i'm he's she's that's there's they're we're don't didn't doesn't can't won't isn't wasn't aren't`;

export const STOPWORDS = new Set(STOP.split(/\s+/).filter(Boolean));

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Code units of the letter or digit at `i` (2 for an astral one), or 0. ASCII without a regex. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  return LETTER_OR_DIGIT.test(text[i]) ? 1 : 0;
}

/**
 * Calls `visit` with each lower-case word of a text: a letter or digit followed by letters,
 * digits and apostrophes, possessive 's dropped. A hand-written scan: no match objects, and
 * apostrophes are touched only in the words that have some (this runs on every article).
 */
function eachWord(text: string, visit: (word: string) => void): void {
  const lower = text.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const first = wordCharAt(lower, i);
    if (first === 0) {
      i++;
      continue;
    }
    let j = i + first;
    let quoted = false;
    while (j < n) {
      const c = lower.charCodeAt(j);
      if (c === 39 || c === 0x2019) {
        quoted = true;
        j++;
        continue;
      }
      const next = wordCharAt(lower, j);
      if (next === 0) break;
      j += next;
    }
    const word = lower.slice(i, j);
    visit(quoted ? dropPossessive(word.replace(/’/g, "'")) : word);
    i = j;
  }
}

/** Lower-case words of a text (letters and digits, inner apostrophes kept, possessive 's dropped). */
export function words(text: string): string[] {
  const out: string[] = [];
  eachWord(text, (word) => out.push(word));
  return out;
}

function dropPossessive(word: string): string {
  if (word.endsWith("'s")) return word.slice(0, -2);
  return word.endsWith("'") ? word.slice(0, -1) : word;
}

/** Upper-case letter at `i`, with a fast path for ASCII. */
function isCapitalAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(text.slice(i, i + 2));
}

/** A light suffix stripper: enough to meet plurals and -ed/-ing forms, cheap on every token. */
export function stem(word: string): string {
  const w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3);
  if (w.endsWith('ed') && w.length > 4) return w.slice(0, -2);
  if (w.endsWith('es') && w.length > 4 && /(?:ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** Content terms with their counts: stemmed words that are not stop words or single letters. */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  eachWord(text, (word) => {
    if (word.length < 2 || STOPWORDS.has(word)) return;
    const term = stem(word);
    counts.set(term, (counts.get(term) ?? 0) + 1);
  });
  return counts;
}

/** Words whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st jr sr gen col lt sgt capt rep sen gov pres inc co corp ltd vs no u.s u.k u.n st mt ft'.split(
    ' ',
  ),
);

/**
 * Name-like features of a text: lower-cased capitalised words that do not start a sentence
 * (or that appear capitalised elsewhere too), plus years (`y:2009`), which tell apart two
 * events of the same kind in different years. Keys start with `prefix`.
 */
export function nameCounts(text: string, prefix = ''): Map<string, number> {
  const counts = new Map<string, number>();
  const starters = new Set<string>();
  const inside = new Set<string>();
  let sentenceStart = true;
  const n = text.length;
  let i = 0;
  // tokens are a letter or digit followed by letters, digits and ' ’ . - (so "U.S." is one);
  // a scan by hand, so that the many lower-case tokens cost no string at all
  while (i < n) {
    const first = text.charCodeAt(i);
    const width = wordCharAt(text, i);
    if (width === 0) {
      if (first === 46 || first === 33 || first === 63 || first === 10) sentenceStart = true;
      i++;
      continue;
    }
    const start = i;
    i += width;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 39 || c === 0x2019 || c === 46 || c === 45) i++;
      else {
        const next = wordCharAt(text, i);
        if (next === 0) break;
        i += next;
      }
    }
    const endsWithDot = text.charCodeAt(i - 1) === 46;
    if (first >= 48 && first <= 57) {
      if (isYearAt(text, start, i)) {
        const key = `${prefix}y:${text.slice(start, start + 4)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      sentenceStart = endsWithDot;
      continue;
    }
    if (!isCapitalAt(text, start)) {
      sentenceStart = endsWithDot;
      continue;
    }
    const token = text.slice(start, i);
    const clean = /[.'’-]$/.test(token) ? token.replace(/[.'’-]+$/, '') : token;
    let lower = clean.toLowerCase();
    if (lower.includes("'") || lower.includes('’')) lower = dropPossessive(lower.replace(/’/g, "'"));
    if (lower.length > 1 && !STOPWORDS.has(lower)) {
      const key = prefix + lower;
      (sentenceStart ? starters : inside).add(key);
      if (!sentenceStart) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    sentenceStart = endsWithDot && clean.length > 1 && !ABBREVIATIONS.has(lower);
  }
  for (const key of starters) if (inside.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** A token that starts with a year from 1800 to 2099 not followed by another digit. */
function isYearAt(text: string, start: number, end: number): boolean {
  if (end - start < 4 || (end - start > 4 && isDigit(text.charCodeAt(start + 4)))) return false;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  const century = (a === 49 && (b === 56 || b === 57)) || (a === 50 && b === 48);
  return century && isDigit(text.charCodeAt(start + 2)) && isDigit(text.charCodeAt(start + 3));
}

const NUMBER = /\d[\d,.:/-]*\d|\d/g;

/**
 * Numbers as written (scores, ages, tallies, dates): two reports of one event repeat the same
 * figures, while the same kind of event in another year or place does not.
 */
export function numberCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(NUMBER)) {
    const key = `#${match[0]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const YEAR_RE = '((?:1[89]|20)\\d\\d)';
/** Weekdays, dates ("November 11, 2011", "11 Nov 2011", "Nov. 11") and years, in one scan. */
const WHEN = new RegExp(
  `\\b(?:(\\d{1,2})\\s+)?(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?(?:\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b)?(?:[\\s,.a-z]{0,4}${YEAR_RE}\\b)?|${YEAR_RE})\\b`,
  'gi',
);

/** Dates written in numbers: 11/28/05, 8/2/13, 16/08/2011. */
const NUMERIC_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g;

const DAY_BITS = new Map(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d, i) => [d, 1 << i]));
const MONTHS = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i]),
);

/** A calendar day as one number, month · 32 + day: the days next to it are the numbers next to it. */
export function calendarDay(month: number, day: number): number {
  return month * 32 + day;
}

export interface EventDate {
  /**
   * the latest year it names: the article's own time (look-backs name earlier years, and news
   * rarely names later ones); null when it names none
   */
  year: number | null;
  /** the weekdays it names, as a bit set (Monday = bit 0) */
  days: number;
  /** the calendar days it names ("Nov. 11", "11 November"), see calendarDay */
  dates: number[];
}

/** Whether the name starting at `at` is written capitalised (a name, not "may" or "sat"). */
const capitalAt = (text: string, at: number) => {
  const first = text.charCodeAt(at);
  return first >= 65 && first <= 90;
};

/** When an article dates its event (one pass over the text for names, one for numeric dates). */
export function eventDate(text: string): EventDate {
  let year = 0;
  let days = 0;
  const dates = new Set<number>();
  for (const m of text.matchAll(WHEN)) {
    const named = m[6] ?? m[5];
    if (named !== undefined) year = Math.max(year, Number(named));
    // a weekday or month dates something when it is written as a name, capitalised
    const name = m[2] ?? m[3];
    if (!name || !capitalAt(text, m.index + (m[1] ? m[0].indexOf(name) : 0))) continue;
    const key = name.slice(0, 3).toLowerCase();
    if (m[2]) days |= DAY_BITS.get(key) ?? 0;
    const day = Number(m[4] ?? m[1]);
    if (m[3] && day >= 1 && day <= 31) dates.add(calendarDay(MONTHS.get(key)!, day));
  }
  for (const m of text.matchAll(NUMERIC_DATE)) {
    // month first as in US datelines, unless the first number cannot be a month (16/08/2011)
    const [first, second] = [Number(m[1]), Number(m[2])];
    const [month, day] = first > 12 ? [second, first] : [first, second];
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    const written = Number(m[3]);
    year = Math.max(year, m[3].length === 4 ? written : written < 50 ? 2000 + written : 1900 + written);
    dates.add(calendarDay(month - 1, day));
  }
  return { year: year || null, days, dates: [...dates] };
}
