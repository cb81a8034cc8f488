/**
 * People's names after the tagger: names it cut short ("Justin/PER Hobday/O", "M./PER Waugh/PER"),
 * titles and nationalities it took in ("President Kwasniewski"), and day or month names it took for
 * names in capitals ("FRIDAY , DECEMBER 6").
 */
import { ORG_HEADS, span } from './entities-rules.js';
import type { Mention } from './ner.js';
import type { Token } from './tokenize.js';

/** Days and months, written out or short: dates, never names of people, organisations or places. */
const CALENDAR = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

/** Drops mentions made only of day and month names ("FRIDAY", "DECEMBER"), which capitals make look like names. */
export function dropCalendarNames(tokens: Token[], mentions: Mention[]): Mention[] {
  return mentions.filter((m) => {
    for (let i = m.first; i < m.last; i++) if (!CALENDAR.has(tokens[i].text.toLowerCase())) return true;
    return false;
  });
}

const TITLE_CASE = /^\p{Lu}\p{Ll}/u;

/**
 * "Justin/PER Hobday/O": a lone title-case name the tagger closed too early takes the title-case word
 * right after it in the same sentence, unless that word is a date or an organisation head.
 */
function extendForward(tokens: Token[], ends: Set<number>, starts: Set<number>, m: Mention): Mention {
  if (m.type !== 'PER' || m.last - m.first !== 1 || ends.has(m.last) || starts.has(m.last)) return m;
  const next = tokens[m.last]?.text;
  if (!next || !TITLE_CASE.test(next) || !TITLE_CASE.test(tokens[m.first].text)) return m;
  const lower = next.toLowerCase();
  if (CALENDAR.has(lower) || ORG_HEADS.has(lower)) return m;
  return span(tokens, m.first, m.last + 1, 'PER');
}

/** "M.", "K.J.": initials before a surname. */
const INITIALS = /^(?:\p{Lu}\.){1,2}$/u;

function isInitials(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (!INITIALS.test(tokens[i].text)) return false;
  return true;
}

/**
 * People's names the tagger cut short: a lone first name without its surname ("Justin Hobday"),
 * a surname without the initials before it ("M. Waugh", "K. Benjamin").
 */
export function extendPersonNames(
  tokens: Token[],
  sentences: Array<[number, number]>,
  mentions: Mention[],
): Mention[] {
  const ends = new Set(sentences.map(([, b]) => b));
  const opens = new Set(sentences.map(([a]) => a));
  const starts = new Set(mentions.map((m) => m.first));
  const lasts = new Set(mentions.map((m) => m.last));
  const out: Mention[] = [];
  for (const mention of mentions) {
    let m = extendForward(tokens, ends, starts, mention);
    const prev = out[out.length - 1];
    if (
      m.type === 'PER' &&
      prev?.type === 'PER' &&
      prev.last === m.first &&
      isInitials(tokens, prev.first, prev.last)
    ) {
      out.pop();
      m = span(tokens, prev.first, m.last, 'PER');
    } else if (
      m.type === 'PER' &&
      m.first > 0 &&
      !opens.has(m.first) &&
      !lasts.has(m.first) &&
      isInitials(tokens, m.first - 1, m.first)
    ) {
      m = span(tokens, m.first - 1, m.last, 'PER');
    }
    out.push(m);
  }
  return out;
}

/** Titles written before a name; news names the person without them ("President Kwasniewski"). */
const TITLES = new Set(
  (
    'president pope king queen prince princess mr mr. mrs mrs. ms ms. dr dr. sir lord lady minister ' +
    'premier chancellor senator sen. governor gov. judge general gen. colonel col. captain capt. ' +
    'lieutenant-general major-general sheikh cardinal archbishop bishop rev. father sister brother'
  ).split(' '),
);

/**
 * "President Kwasniewski", "Swede Kennet Andersson": titles and nationalities before a person's name
 * are no part of it; a title alone names nobody.
 */
export function trimPersonTitles(
  tokens: Token[],
  mentions: Mention[],
  categoriesOf: (lowerName: string) => string | undefined,
): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    if (m.type !== 'PER') {
      out.push(m);
      continue;
    }
    let first = m.first;
    while (first < m.last) {
      const lower = tokens[first].text.toLowerCase();
      if (!TITLES.has(lower) && !(first + 1 < m.last && /D/.test(categoriesOf(lower) ?? ''))) break;
      first++;
    }
    if (first === m.first) out.push(m);
    else if (first < m.last) out.push(span(tokens, first, m.last, 'PER'));
  }
  return out;
}
