/**
 * Sports-page conventions of news text: results, standings, "X v Y" fixtures and "Player (Club)".
 * There a city names the club (an organisation) while a country names the national side (a place).
 */
import { isCapitalised, span } from './entities-rules.js';
import type { Mention, NerType } from './ner.js';
import type { Token } from './tokenize.js';

type Categories = (lowerName: string) => string | undefined;

const NUMBER = /^\d+(?:[.,-]\d+)*$/;
const PLACE_CATEGORIES = /[KYyR]/;
/** A team found by a results or fixtures line outvotes the tagger's guesses for the same name elsewhere. */
export const TEAM_VOTES = 4;

/** Team type from the gazetteer: country -> place, known city or region -> organisation. */
function teamType(name: string, categoriesOf: Categories): NerType | null {
  const cats = categoriesOf(name);
  if (!cats) return null;
  return cats.includes('C') ? 'LOC' : PLACE_CATEGORIES.test(cats) ? 'ORG' : null;
}

function lowerName(tokens: Token[], first: number, last: number): string {
  let out = '';
  for (let i = first; i < last; i++) out += (i > first ? ' ' : '') + tokens[i].text.toLowerCase();
  return out;
}

/** Standings hold games, wins and points (small whole numbers); commodity tables hold decimals. */
function smallIntegers(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (/^\d{1,3}$/.test(tokens[i].text)) n++;
  return n;
}

/** Results and standings ("Plymouth 4 Exeter 1", "BOSTON 10 11 4 74 84 24"): names before scores. */
export function applyTableRules(
  tokens: Token[],
  sentences: Array<[number, number]>,
  mentions: Mention[],
  categoriesOf: Categories,
): Mention[] {
  const byFirst = new Map(mentions.map((m) => [m.first, m]));
  const added: Mention[] = [];
  const replaced: Mention[] = [];
  for (const [a, b] of sentences) {
    // Runs of capitalised words each followed directly by a number.
    const rows: Array<[number, number, number]> = [];
    for (let i = a; i < b; i++) {
      if (!isCapitalised(tokens[i].text)) continue;
      let j = i;
      while (j < b && isCapitalised(tokens[j].text) && !NUMBER.test(tokens[j].text)) j++;
      let k = j;
      while (k < b && NUMBER.test(tokens[k].text)) k++;
      if (k > j) rows.push([i, j, k - j]);
      i = j;
    }
    const standings = rows.length === 1 && rows[0][0] === a && rows[0][2] >= 3;
    if (!(rows.length >= 2 || standings)) continue;
    // The two sure shapes, "Team 2 Team 1" alone on a line and a standings row with at least four
    // figures, make any name there a team, known to the gazetteer or not.
    const lastRow = rows[rows.length - 1];
    const sure =
      (standings && rows[0][2] >= 4 && smallIntegers(tokens, rows[0][1], rows[0][1] + rows[0][2]) >= 4) ||
      (rows.length === 2 &&
        rows[0][0] === a &&
        rows[0][2] === 1 &&
        lastRow[2] === 1 &&
        lastRow[1] + 1 >= b - 1);
    for (const [first, last] of rows) {
      const type = teamType(lowerName(tokens, first, last), categoriesOf) ?? (sure ? 'ORG' : null);
      if (!type) continue;
      const m = byFirst.get(first);
      if (m && m.last === last) Object.assign(m, { type, votes: TEAM_VOTES });
      else if (sure) replaced.push({ ...span(tokens, first, last, type), votes: TEAM_VOTES });
      else if (!m) added.push({ ...span(tokens, first, last, type), votes: TEAM_VOTES });
    }
  }
  if (replaced.length > 0) {
    // In a sure row the whole name before the figures is the team ("FC Hansa Rostock").
    mentions = mentions.filter((m) => !replaced.some((r) => m.first < r.last && r.first < m.last));
    mentions.push(...replaced);
    mentions.sort((x, y) => x.start - y.start);
  }
  if (added.length === 0) return mentions;
  const covered = new Set<number>();
  for (const m of mentions) for (let i = m.first; i < m.last; i++) covered.add(i);
  const fresh = added.filter((m) => !covered.has(m.first) && !covered.has(m.last - 1));
  return [...mentions, ...fresh].sort((x, y) => x.start - y.start);
}

/** Capitalised run starting at i (at most 4 words), or i when there is none. */
function runEnd(tokens: Token[], i: number, limit: number): number {
  let j = i;
  while (j < limit && j - i < 4 && isCapitalised(tokens[j].text) && /\p{L}/u.test(tokens[j].text)) j++;
  return j;
}

/** "Rui Barros ( Porto )", "Candice Gilg ( France )", "Lazio v AS Roma": sides and affiliations. */
export function applyFixtureRules(tokens: Token[], mentions: Mention[], categoriesOf: Categories): Mention[] {
  const byFirst = new Map(mentions.map((m) => [m.first, m]));
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) for (let i = m.first; i < m.last; i++) covered[i] = 1;
  const retype = (first: number, last: number, fallback: NerType | null) => {
    const type = teamType(lowerName(tokens, first, last), categoriesOf) ?? fallback;
    const m = byFirst.get(first);
    if (type && m && m.last === last) Object.assign(m, { type, votes: TEAM_VOTES });
    else if (type && !m && !covered.slice(first, last).some((c) => c)) {
      const added = { ...span(tokens, first, last, type), votes: TEAM_VOTES };
      mentions.push(added);
      byFirst.set(first, added);
      covered.fill(1, first, last);
    }
  };
  for (const m of [...mentions]) {
    // A person followed by their club or country in brackets.
    if (m.type === 'PER' && tokens[m.last]?.text === '(') {
      const end = runEnd(tokens, m.last + 1, tokens.length);
      const after = tokens[end]?.text;
      // Not a place the gazetteer knows: a club, party or employer.
      if (end > m.last + 1 && (after === ')' || after === ',')) retype(m.last + 1, end, 'ORG');
    }
  }
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i].text;
    if (t !== 'v' && t !== 'vs' && t !== 'vs.') continue;
    // "Cagliari ( 16 ) v Reggiana ( 18 )": a league position in brackets may follow the home side.
    const side =
      tokens[i - 1].text === ')' && i > 3 && tokens[i - 3].text === '(' && NUMBER.test(tokens[i - 2].text)
        ? i - 3
        : i;
    let start = side;
    while (start > 0 && side - start < 4 && isCapitalised(tokens[start - 1].text)) start--;
    const end = runEnd(tokens, i + 1, tokens.length);
    if (start < side && end > i + 1) {
      retype(start, side, null);
      retype(i + 1, end, null);
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** "Lee Kyou-hyuk ( South Korea )": an untagged name before a country in brackets is a person. */
export function applyNationalityRule(
  tokens: Token[],
  mentions: Mention[],
  categoriesOf: Categories,
): Mention[] {
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) for (let i = m.first; i < m.last; i++) covered[i] = 1;
  const added: Mention[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i].text !== '(') continue;
    const end = runEnd(tokens, i + 1, tokens.length);
    if (end === i + 1 || tokens[end]?.text !== ')') continue;
    if (!categoriesOf(lowerName(tokens, i + 1, end))?.includes('C')) continue;
    let start = i;
    while (start > 0 && i - start < 3 && isCapitalised(tokens[start - 1].text) && !covered[start - 1])
      start--;
    // Two words at least ("Minna Karhu"): one capitalised word could be anything.
    if (i - start >= 2 && /\p{Ll}/u.test(tokens[i - 1].text)) added.push(span(tokens, start, i, 'PER'));
    if (!covered[i + 1]) added.push(span(tokens, i + 1, end, 'LOC'));
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

const ALL_CAPS_WORD = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

/** Capitalised words in capitals, none a number: a team's name on a schedule line. */
function isCapsName(tokens: Token[], first: number, last: number): boolean {
  if (first >= last || last - first > 4) return false;
  for (let i = first; i < last; i++)
    if (!ALL_CAPS_WORD.test(tokens[i].text) || NUMBER.test(tokens[i].text)) return false;
  return true;
}

/**
 * Schedules in capitals, one game a line ("TORONTO AT NY RANGERS"): the name before "AT" is the
 * visiting team; the one after names where they play, left to the tagger.
 */
export function applyScheduleRule(
  tokens: Token[],
  sentences: Array<[number, number]>,
  mentions: Mention[],
  categoriesOf: Categories,
): Mention[] {
  const teams: Mention[] = [];
  for (const [a, b] of sentences) {
    let at = a + 1;
    while (at < b - 1 && tokens[at].text !== 'AT') at++;
    if (at >= b - 1 || !isCapsName(tokens, a, at) || !isCapsName(tokens, at + 1, b)) continue;
    const type = teamType(lowerName(tokens, a, at), categoriesOf) ?? 'ORG';
    teams.push({ ...span(tokens, a, at, type), votes: TEAM_VOTES });
  }
  if (teams.length === 0) return mentions;
  const kept = mentions.filter((m) => !teams.some((t) => m.first < t.last && t.first < m.last));
  return [...kept, ...teams].sort((x, y) => x.start - y.start);
}
