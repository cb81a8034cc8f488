// Who speaks: the noun phrase next to a speech verb (as written), and its resolution to a named
// person. Works on short windows of text; token loops, no backtracking regexes.
import type { Entity } from '../../domain/types.js';

export interface Mention {
  text: string;
  start: number;
  end: number;
}

/** Speech verbs (case-sensitive, so "States" in "United States" is not "states"). */
export const VERB =
  /(?<![\p{L}])(?:said|says|say|told|tells|added|adds|asked|asks|wrote|writes|explained|explains|noted|continued|continues|stated|declared|declares|tweeted|tweets|argued|argues|insisted|insists|claimed|recalled|recalls|replied|replies|responded|responds|warned|warns|acknowledged|acknowledges|admitted|admits|announced|announces|remarked|joked|jokes|quipped|quips|suggested|suggests|conceded|concedes|observed|urged|urges|predicted|predicts|shouted|yelled|boasted|boasts|complained|complains|emphasized|stressed|cautioned|countered|mused|posted|chanted|retorted|concluded|echoed|pledged|thanked|praised|slammed|described|dubbed|labeled|labelled|reads|went on|[Aa]ccording to|a déclaré|a dit|a affirmé|sagte|erklärte|dijo|afirmó|disse)(?![\p{L}])/u;

export const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'who']);
const PERSONAL = new Set(['he', 'she', 'him', 'her', 'his']);
export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'one',
  'another',
  'this',
  'that',
  'our',
]);
const FILLERS = new Set([
  'also',
  'then',
  'later',
  'has',
  'had',
  'have',
  'would',
  'will',
  'previously',
  'once',
  'recently',
  'again',
  'reportedly',
  'just',
  'simply',
  'further',
  'often',
  'had',
  'was',
  'is',
  'flatly',
  'repeatedly',
  'has',
]);
/** Words that end a noun phrase when reading rightwards, or that cannot be part of a subject. */
export const BREAKS = new Set([
  'in',
  'on',
  'at',
  'during',
  'after',
  'before',
  'when',
  'while',
  'who',
  'which',
  'that',
  'to',
  'as',
  'about',
  'for',
  'with',
  'from',
  'and',
  'but',
  'or',
  'if',
  'because',
  'since',
  'by',
  'into',
  'than',
  'so',
  'not',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'this',
  'there',
  'it',
  'what',
  'said',
  'says',
]);
export const TITLE =
  /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Sgt|Lt|Col|Prof|Rev|Pres|Capt|Adm|Maj|Amb|Sec|Judge|President|Senator|Secretary|Governor)\.?$/;

export interface Tok {
  w: string;
  start: number;
  end: number;
}

export function tokens(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*|[,:;!?"“”‘’«»()—–]/gu;
  const part = text.slice(from, to);
  for (let m = re.exec(part); m; m = re.exec(part)) {
    let w = m[0];
    // a sentence-final period is not part of the word ("said Smith.")
    if (w.length > 1 && w.endsWith('.') && !TITLE.test(w) && !/^(?:\p{L}\.)+$/u.test(w)) w = w.slice(0, -1);
    out.push({ w, start: from + m.index, end: from + m.index + w.length });
  }
  return out;
}

export const isCap = (w: string) => /^\p{Lu}/u.test(w);
export const isWord = (w: string) => /^[\p{L}\p{N}]/u.test(w);
export const span = (text: string, a: Tok, b: Tok): Mention => ({
  text: text.slice(a.start, b.end),
  start: a.start,
  end: b.end,
});

/** The subject right before a speech verb at `verbAt`: "Smith", "he", "a campaign spokesman". */
export function leftMention(text: string, from: number, verbAt: number): Mention | null {
  let toks = tokens(text, from, verbAt);
  while (toks.length && FILLERS.has(toks[toks.length - 1].w.toLowerCase())) toks.pop();
  // skip an appositive: "Smith, the party's chairman, said" -> Smith
  if (toks.length > 2 && toks[toks.length - 1].w === ',') {
    let i = toks.length - 2;
    while (i >= 0 && toks[i].w !== ',' && toks.length - i < 14) i--;
    toks = i > 0 && toks[i].w === ',' ? toks.slice(0, i) : toks.slice(0, -1);
  }
  const last = toks[toks.length - 1];
  if (!last || !isWord(last.w)) return null;
  const lower = last.w.toLowerCase();
  if (PRONOUNS.has(lower)) return lower === 'who' ? null : span(text, last, last);
  if (isCap(last.w)) {
    let i = toks.length - 1;
    while (
      i > 0 &&
      isWord(toks[i - 1].w) &&
      (isCap(toks[i - 1].w) || /^(?:de|van|von|al|bin|del|la|le)$/.test(toks[i - 1].w))
    )
      i--;
    // a sentence-initial "But Smith" / "The Smith campaign": drop a leading function word
    while (
      i < toks.length - 1 &&
      /^(?:But|And|The|In|On|At|As|So|Then|When|While|Now|Still|Yet|Also)$/.test(toks[i].w)
    )
      i++;
    return span(text, toks[i], last);
  }
  if (BREAKS.has(lower) || FILLERS.has(lower)) return null;
  // a description: back to its determiner, at most six words
  let i = toks.length - 1;
  while (i > 0 && toks.length - i < 7 && isWord(toks[i - 1].w) && !BREAKS.has(toks[i - 1].w.toLowerCase())) {
    i--;
    if (DETERMINERS.has(toks[i].w.toLowerCase())) break;
  }
  // "a spokesman for the ministry": a prepositional phrase belongs to the description before it
  if (
    i > 2 &&
    /^(?:for|of|at|from|with)$/.test(toks[i - 1].w) &&
    isWord(toks[i - 2].w) &&
    !isCap(toks[i - 2].w)
  ) {
    let k = i - 2;
    while (k > 0 && i - k < 5 && isWord(toks[k - 1].w) && !BREAKS.has(toks[k - 1].w.toLowerCase())) {
      k--;
      if (DETERMINERS.has(toks[k].w.toLowerCase())) break;
    }
    if (DETERMINERS.has(toks[k].w.toLowerCase())) i = k;
  }
  // without a determiner only a plural ("officials said") reads as a speaker, not "at last said"
  if (!DETERMINERS.has(toks[i].w.toLowerCase()) && !isCap(toks[i].w) && !/s$/.test(lower)) return null;
  return span(text, toks[i], last);
}

/** The phrase right after a speech verb or "according to": "said Smith", "said a spokesman". */
export function rightMention(text: string, from: number, to: number): Mention | null {
  const toks = tokens(text, from, Math.min(to, from + 120));
  const first = toks[0];
  if (!first || !isWord(first.w)) return null;
  const lower = first.w.toLowerCase();
  if (PRONOUNS.has(lower)) return lower === 'who' || lower === 'it' ? null : span(text, first, first);
  if ((BREAKS.has(lower) && !DETERMINERS.has(lower)) || lower === 'that' || lower === 'this') return null;
  let j = 0;
  while (j + 1 < toks.length && j < 8 && isWord(toks[j + 1].w)) {
    if (/[.!?;:]/.test(text.slice(toks[j].end, toks[j + 1].start))) break; // "said Smith. The …"
    const next = toks[j + 1].w;
    const nl = next.toLowerCase();
    if (nl === 'of' && toks[j + 2] && isCap(toks[j + 2].w)) {
      j += 2;
      continue;
    }
    if (BREAKS.has(nl) || /^\p{N}/u.test(next)) break;
    j++;
  }
  // a bare lower-case noun with no determiner and no name ("said today") is not a speaker
  const phrase = toks.slice(0, j + 1);
  if (!isCap(first.w) && !DETERMINERS.has(lower) && phrase.length === 1 && !/s$/.test(lower)) return null;
  return span(text, first, toks[j]);
}

/** Capitalised runs that look like a person's name ("Rustem Umerov"), when no entities are given. */
function nameCandidates(text: string, end: number): Mention[] {
  const out: Mention[] = [];
  const from = 0;
  const re = /\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}/gu;
  const part = text.slice(from, end);
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const first = m[0].split(/\s+/)[0];
    if (
      /^(?:The|A|An|In|On|At|But|And|This|That|When|While|After|Before|If|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|President)$/.test(
        first,
      )
    ) {
      const rest = m[0].slice(first.length).trim();
      if (rest.includes(' '))
        out.push({
          text: rest,
          start: from + m.index + m[0].length - rest.length,
          end: from + m.index + m[0].length,
        });
      continue;
    }
    if (
      /\b(?:House|Department|Party|University|Street|Court|Committee|News|Times|Post|Council|Ministry|Agency|Airport)\b/.test(
        m[0],
      )
    )
      continue;
    out.push({ text: m[0], start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

/**
 * Resolves mentions to named people: "he" -> the last person named before it, "Umerov" -> the
 * longest earlier name ending in the same word ("Rustem Umerov"). Uses the entity enricher's
 * persons when it ran, else capitalised runs that look like names. Names are gathered once.
 */
export function speakerResolver(
  text: string,
  entities: Entity[],
): (mention: Mention | null) => string | null {
  const persons = entities.filter((e) => e.type === 'person');
  // the tagger's persons when it found any, else capitalised runs that look like names
  const known: Mention[] = persons.length
    ? persons.map((e) => ({ text: e.canonical ?? e.text, start: e.start, end: e.end }))
    : nameCandidates(text, text.length);
  return (mention) => {
    if (!mention) return null;
    const words = mention.text.split(/\s+/).filter((w) => !TITLE.test(w));
    const lower = mention.text.toLowerCase();
    const own = persons.find((e) => e.start <= mention.start && mention.end <= e.end + 1);
    if (own) return own.canonical ?? own.text;
    let last = -1;
    for (let i = 0; i < known.length && known[i].end <= mention.start; i++) last = i;
    if (PERSONAL.has(lower)) return last >= 0 ? known[last].text : null;
    if (PRONOUNS.has(lower) || !words.length || !isCap(words[words.length - 1])) return null;
    const lastWord = words[words.length - 1];
    let best = words.join(' ');
    for (let i = 0; i < known.length && known[i].start <= mention.start; i++) {
      const kw = known[i].text.split(/\s+/);
      // "Umerov" -> "Rustem Umerov"; "Kim" -> "Kim Jong Un"
      if (kw.includes(lastWord) && known[i].text.length > best.length) best = known[i].text;
    }
    return best;
  };
}
