/**
 * Document-level rules applied after the tagger (METHODS.md, Entities): organisation cues that
 * news writes the same way everywhere, one type per name within an article (a company keeps its
 * type under its first words or acronym, a place after "in" stays a place), later shorter mentions
 * merged into the full name, and mentions the tagger missed of a name it found elsewhere.
 */
import type { Mention, NerType } from './ner.js';
import type { Token } from './tokenize.js';

export const ORG_HEADS = new Set(
  (
    'inc inc. ltd ltd. corp corp. co co. plc llc ag gmbh sa party ministry council agency university college ' +
    'bank company corporation group association union commission committee court department institute ' +
    'foundation federation club fc organisation organization authority board bureau office service ' +
    'police army navy parliament senate assembly congress league airlines airways times post news network ' +
    'newsroom nv'
  ).split(' '),
);
/** Heads that take "of X" with X still part of the name: "Ministry of Defence", "University of Oxford". */
const ORG_OF = new Set(
  'ministry university department bank council institute bureau office commission court college'.split(' '),
);
const CAPITALISED = /^\p{Lu}/u;
/** Starts with an upper-case letter (/^\p{Lu}/u), ASCII decided without the regex: asked of every token. */
export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : CAPITALISED.test(word);
}

function lowerKey(tokens: Token[], m: Mention): string {
  let key = '';
  for (let i = m.first; i < m.last; i++) key += (i > m.first ? ' ' : '') + tokens[i].text.toLowerCase();
  return key;
}

export function span(tokens: Token[], first: number, last: number, type: NerType): Mention {
  return { start: tokens[first].start, end: tokens[last - 1].end, type, first, last };
}

/** Organisation cues: a head noun inside or right after the name, "X of Y" names, acronyms; within a sentence. */
export function applyOrgRules(
  tokens: Token[],
  sentences: Array<[number, number]>,
  mentions: Mention[],
): Mention[] {
  const opens = new Uint8Array(tokens.length + 1);
  for (const [a] of sentences) opens[a] = 1;
  const out: Mention[] = [];
  const starts = new Map(mentions.map((m, i) => [m.first, i]));
  for (let k = 0; k < mentions.length; k++) {
    let m = mentions[k];
    // "Acme" + "Inc." / "Labour" + "Party": a capitalised head right after the name belongs to it.
    let next = tokens[m.last];
    while (
      next &&
      isCapitalised(next.text) &&
      ORG_HEADS.has(next.text.toLowerCase()) &&
      !starts.has(m.last) &&
      !opens[m.last]
    ) {
      m = span(tokens, m.first, m.last + 1, 'ORG');
      next = tokens[m.last];
    }
    // "Corp" tagged alone after "Nippon Telegraph and Telephone": the name runs back to them.
    if (ORG_HEADS.has(tokens[m.first].text.toLowerCase())) {
      let from = m.first;
      while (from > 0 && !opens[from]) {
        const t = tokens[from - 1].text;
        const joins = CONNECTORS.has(t) && from > 1 && isCapitalised(tokens[from - 2].text);
        if (!(isCapitalised(t) && !DETERMINERS.has(t)) && !joins) break;
        from--;
      }
      if (from < m.first) {
        while (out.length > 0 && out[out.length - 1].last > from) out.pop();
        m = span(tokens, from, m.last, 'ORG');
      }
    }
    // "Ministry of" + "Defence" tagged as a place: the whole is an organisation.
    const of = tokens[m.first - 1];
    const head = tokens[m.first - 2];
    if (of?.text === 'of' && head && isCapitalised(head.text) && ORG_OF.has(head.text.toLowerCase())) {
      const prev = out[out.length - 1];
      const from = prev && prev.last === m.first - 2 ? prev.first : m.first - 2;
      if (prev && prev.last === m.first - 2) out.pop();
      m = span(tokens, from, m.last, 'ORG');
    }
    const last = tokens[m.last - 1].text.toLowerCase();
    if (m.type !== 'ORG' && m.last - m.first > 1 && ORG_HEADS.has(last)) m = { ...m, type: 'ORG' };
    out.push(m);
  }
  return addAcronyms(tokens, addHeadedNames(tokens, opens, out));
}

const ACRONYM = /^\p{Lu}[\p{Lu}&]{1,5}$/u;

/** "Nippon Telegraph and Telephone Corp ( NTT )": an acronym in brackets after an organisation. */
function addAcronyms(tokens: Token[], mentions: Mention[]): Mention[] {
  const byLast = new Map(mentions.map((m) => [m.last, m]));
  const starts = new Set(mentions.map((m) => m.first));
  const added: Mention[] = [];
  for (const m of mentions) {
    if (m.type !== 'ORG') continue;
    const open = tokens[m.last];
    const acr = tokens[m.last + 1];
    const close = tokens[m.last + 2];
    if (open?.text !== '(' || close?.text !== ')' || !acr || !ACRONYM.test(acr.text)) continue;
    if (starts.has(m.last + 1) || byLast.has(m.last + 2)) continue;
    added.push(span(tokens, m.last + 1, m.last + 2, 'ORG'));
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

const CONNECTORS = new Set(['of', 'for', 'and', '&', 'on']);
const DETERMINERS = new Set(['The', 'A', 'An', 'THE']);

/** "European Commission", "Bank of England": capitalised words ending in a head, left untagged. */
function addHeadedNames(tokens: Token[], opens: Uint8Array, mentions: Mention[]): Mention[] {
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) for (let i = m.first; i < m.last; i++) covered[i] = 1;
  const added: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || !isCapitalised(tokens[i].text) || DETERMINERS.has(tokens[i].text)) continue;
    let j = i;
    let end = -1;
    while (j < tokens.length && !covered[j] && (j === i || !opens[j])) {
      const t = tokens[j].text;
      if (isCapitalised(t)) {
        if (j > i && ORG_HEADS.has(t.toLowerCase()) && !ORG_HEADS.has(tokens[j - 1].text.toLowerCase()))
          end = j + 1;
      } else if (!(CONNECTORS.has(t) && j + 1 < tokens.length && isCapitalised(tokens[j + 1].text))) break;
      j++;
    }
    // "Ministry of Defence": a head followed by "of X" keeps X.
    if (end > 0 && ORG_OF.has(tokens[end - 1].text.toLowerCase()) && j > end) end = j;
    if (end > 0) {
      added.push(span(tokens, i, end, 'ORG'));
      i = end - 1;
    } else i = j;
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

/** Legal forms that end a company's full name. */
const COMPANY_FORMS = new Set('inc inc. corp corp. co co. ltd ltd. plc llc ag gmbh sa nv'.split(' '));

/**
 * Short names that can only be an organisation named in full elsewhere in the article, whatever the
 * tagger made of them alone: the first word of a company ("Homestake Mining Co" ... "Homestake") and
 * an acronym in brackets after an organisation ("Nippon Telegraph and Telephone Corp ( NTT )").
 * Maps the short name (lower case) to the full name.
 */
function organisationsByShortName(tokens: Token[], mentions: Mention[]): Map<string, string> {
  const out = new Map<string, string>();
  const fullName = (m: Mention) =>
    tokens
      .slice(m.first, m.last)
      .map((t) => t.text)
      .join(' ');
  for (const m of mentions) {
    if (m.type !== 'ORG') continue;
    const acronym = tokens[m.last + 1]?.text;
    if (tokens[m.last]?.text === '(' && tokens[m.last + 2]?.text === ')' && acronym && ACRONYM.test(acronym))
      out.set(acronym.toLowerCase(), fullName(m));
    if (m.last - m.first < 2 || !COMPANY_FORMS.has(tokens[m.last - 1].text.toLowerCase())) continue;
    const first = tokens[m.first].text;
    if (first.length < 3 || !isCapitalised(first) || DETERMINERS.has(first)) continue;
    // "Santa Fe Pacific Gold Corp" ... "Santa Fe": the leading words, short of the legal form.
    for (let last = m.first + 1; last < m.last; last++)
      out.set(lowerKey(tokens, { ...m, last }), fullName(m));
  }
  return out;
}

/** Prepositions after which a place name is the place. */
const PLACE_BEFORE = new Set(['in', 'at', 'near']);

export interface Resolved extends Mention {
  canonical: string;
}

/** One type per name, shorter mentions merged into the longest full name, missed repeats added. */
export function resolveDocument(tokens: Token[], mentions: Mention[]): Resolved[] {
  // Votes per name; longer mentions vote more (a full name is stronger evidence than a surname).
  const votes = new Map<string, Map<NerType, number>>();
  for (const m of mentions) {
    const key = lowerKey(tokens, m);
    const v = votes.get(key) ?? new Map<NerType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + (m.votes ?? m.last - m.first));
    votes.set(key, v);
  }
  const typeOf = (key: string, fallback: NerType): NerType => {
    const v = votes.get(key);
    if (!v) return fallback;
    let best = fallback;
    let bestN = v.get(fallback) ?? 0;
    for (const [t, n] of v) if (n > bestN) [best, bestN] = [t, n];
    return best;
  };
  // Full names (several words) by their words, to find what a one-word mention stands for.
  const fullNames = new Map<string, { text: string; type: NerType; words: number }>();
  for (const m of mentions) {
    if (m.last - m.first < 2 || m.type === 'MISC') continue;
    const text = tokens
      .slice(m.first, m.last)
      .map((t) => t.text)
      .join(' ');
    for (let i = m.first; i < m.last; i++) {
      const w = tokens[i].text.toLowerCase();
      if (w.length < 2 || !isCapitalised(tokens[i].text)) continue;
      const prev = fullNames.get(w);
      if (!prev || prev.words < m.last - m.first) {
        fullNames.set(w, { text, type: typeOf(lowerKey(tokens, m), m.type), words: m.last - m.first });
      }
    }
  }
  const organisations = organisationsByShortName(tokens, mentions);
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) for (let i = m.first; i < m.last; i++) covered[i] = 1;
  const all = [...mentions];
  // A capitalised word the tagger left out, that names a person found elsewhere ("Shkvyrin").
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || !isCapitalised(tokens[i].text)) continue;
    const w = tokens[i].text.toLowerCase();
    if (votes.has(w) && tokens[i].text.length > 2) all.push(span(tokens, i, i + 1, typeOf(w, 'PER')));
    else if (fullNames.get(w)?.type === 'PER') all.push(span(tokens, i, i + 1, 'PER'));
  }
  all.sort((a, b) => a.start - b.start);
  return all.map((m) => {
    const key = lowerKey(tokens, m);
    // "at Chicago", "in Milan": the place itself, even where the same name is a team or a firm.
    const placed = m.type === 'LOC' && PLACE_BEFORE.has(tokens[m.first - 1]?.text.toLowerCase() ?? '');
    let type = placed ? m.type : typeOf(key, m.type);
    let canonical = tokens
      .slice(m.first, m.last)
      .map((t) => t.text)
      .join(' ');
    const organisation = organisations.get(key);
    if (organisation) {
      type = 'ORG';
      canonical = organisation;
    } else if (m.last - m.first === 1 && !placed) {
      const full = fullNames.get(key);
      if (full && (full.type === type || !votes.has(key) || full.type === 'PER')) {
        type = full.type;
        canonical = full.text;
      }
    }
    return { ...m, type, canonical };
  });
}
