/**
 * Builds the shipped gazetteer from corpus/train/gazetteers (run by scripts/train-ner.ts).
 * Names are stored tokenized and lower-cased exactly as the tagger sees them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GazetteerData } from './gazetteer.js';
import { tokenize } from './tokenize.js';

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

interface Country {
  cca2: string;
  name: string;
  official_name: string;
  aliases: string[];
  demonyms: string[];
  capital: string[];
}
interface City {
  name: string;
  ascii: string | null;
  cc: string;
  admin1?: string | null;
  population: number;
}
interface Politician {
  name: string;
  aliases: string[];
  last_name: string;
}

/** Short forms news writes that the country list lacks. */
const EXTRA_COUNTRIES: Array<[string, string]> = [
  ['U.S.', 'US'],
  ['U.S.A.', 'US'],
  ['America', 'US'],
  ['U.K.', 'GB'],
  ['Britain', 'GB'],
  ['Great Britain', 'GB'],
  ['England', 'GB'],
  ['Scotland', 'GB'],
  ['Wales', 'GB'],
  ['Northern Ireland', 'GB'],
  ['Russia', 'RU'],
  ['South Korea', 'KR'],
  ['North Korea', 'KP'],
  ['Taiwan', 'TW'],
  ['Gaza', 'PS'],
  ['West Bank', 'PS'],
];
const COMPANY_SUFFIX =
  /\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.?|Companies|Group|Holdings|plc|PLC|Ltd\.?|& Co\.?)$/;

export function buildGazetteer(dir: string): GazetteerData {
  const table = new Map<string, { categories: string; country: string }>();
  const add = (name: string | null | undefined, category: string, country = ''): void => {
    if (!name) return;
    const key = tokenize(name)
      .tokens.map((t) => t.text.toLowerCase())
      .join(' ');
    if (!key || key.length < 2) return;
    const entry = table.get(key);
    if (!entry) table.set(key, { categories: category, country });
    else {
      if (!entry.categories.includes(category)) entry.categories += category;
      if (!entry.country) entry.country = country;
    }
  };

  const countries = readJsonl<Country>(join(dir, 'countries.jsonl'));
  for (const c of countries) {
    for (const n of [c.name, c.official_name, ...c.aliases]) if (n.length > 2) add(n, 'C', c.cca2);
  }
  for (const [n, cc] of EXTRA_COUNTRIES) add(n, 'C', cc);
  for (const c of countries) for (const n of c.capital) add(n, 'K', c.cca2);
  for (const c of countries) for (const n of c.demonyms) add(n, 'D', c.cca2);

  // Sorted by population, so a name shared by several cities links to the biggest one.
  const cities = readJsonl<City>(join(dir, 'cities.jsonl'));
  for (const c of cities) {
    const cat = c.population >= 100_000 ? 'Y' : 'y';
    add(c.name, cat, c.cc);
    if (c.ascii && c.ascii !== c.name) add(c.ascii, cat, c.cc);
  }
  for (const c of cities) if (c.admin1) add(c.admin1, 'R', c.cc);

  for (const u of readJsonl<{ name: string; cc: string }>(join(dir, 'orgs-universities.jsonl'))) {
    add(u.name, 'U', u.cc);
  }
  for (const s of readJsonl<{ name: string }>(join(dir, 'orgs-sp500.jsonl'))) {
    add(s.name, 'S', 'US');
    const short = s.name.replace(COMPANY_SUFFIX, '');
    if (short !== s.name) add(short, 'S', 'US');
  }
  for (const p of readJsonl<Politician>(join(dir, 'people-us-politicians.jsonl'))) {
    for (const n of [p.name, ...p.aliases]) add(n, 'P');
    add(p.last_name, 'L');
    const first = p.name.split(/\s+/)[0];
    if (first && !first.endsWith('.')) add(first, 'F');
  }
  const entries: GazetteerData['entries'] = [];
  for (const [key, v] of [...table.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    entries.push([key, v.categories, v.country]);
  }
  return { entries };
}
