/**
 * Name lists (countries, cities, regions, universities, companies, US politicians) used as tagger
 * features and to link places to a country. Built from corpus/train/gazetteers by gazetteer-build.ts
 * and shipped as models/gazetteer.json.gz (see models/ATTRIBUTION.md for licences).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { caseBits, HAS_UPPER } from './char-case.js';

/**
 * Category letters: C country, K capital, Y city >= 100k people, y smaller city, R region (admin1),
 * D demonym, U university, S listed company, P politician full name, L politician last name,
 * F first name.
 */
export type GazCategory = 'C' | 'K' | 'Y' | 'y' | 'R' | 'D' | 'U' | 'S' | 'P' | 'L' | 'F';

export interface GazetteerData {
  /** [lower-cased name as space-joined tokens, category letters, ISO country code or ''] */
  entries: Array<[string, string, string]>;
}

interface GazEntry {
  categories: string;
  country: string;
}

/** A word some name starts with: the name the word is alone (if it is one), whether longer ones start so. */
export interface FirstWord {
  entry: GazEntry | undefined;
  prefix: boolean;
}

export interface GazMatch {
  start: number;
  /** token index, exclusive */
  end: number;
  categories: string;
  country: string;
}

const MAX_WORDS = 6;

export class Gazetteer {
  private readonly names = new Map<string, GazEntry>();
  /** every proper prefix of a name ("new", "new york" for "new york city"), so a scan stops early */
  private readonly prefixes = new Set<string>();
  /** ASCII characters some name starts with: a token starting with any other ("," "1") is skipped */
  private readonly asciiStarts = new Uint8Array(128);

  constructor(data: GazetteerData) {
    for (const [key, categories, country] of data.entries) {
      const words = key.split(' ');
      if (words.length > MAX_WORDS) continue;
      this.names.set(key, { categories, country });
      const first = key.charCodeAt(0);
      if (first < 128) this.asciiStarts[first] = 1;
      for (let n = 1; n < words.length; n++) this.prefixes.add(words.slice(0, n).join(' '));
    }
  }

  get size(): number {
    return this.names.size;
  }

  lookup(name: string): GazEntry | undefined {
    return this.names.get(name.toLowerCase());
  }

  /** What the gazetteer knows of a lower-cased word as the start of a name; null when none starts so. */
  firstWord(lower: string): FirstWord | null {
    const entry = this.names.get(lower);
    const prefix = this.prefixes.has(lower);
    return entry || prefix ? { entry, prefix } : null;
  }

  /**
   * Longest matches, left to right, over lower-cased tokens. A name starts only on a word that does
   * not begin in lower case ("may", "mobile" and "of" are cities too), which also keeps this cheap.
   * `first[i]`, when given, is firstWord(lower[i]) known beforehand (the tagger caches it per word).
   */
  match(
    lower: readonly string[],
    words: readonly string[],
    first?: ReadonlyArray<FirstWord | null>,
  ): GazMatch[] {
    const out: GazMatch[] = [];
    let i = 0;
    while (i < lower.length) {
      const c = words[i].charCodeAt(0);
      const known = first?.[i];
      if ((c >= 97 && c <= 122) || (c > 127 && caseBits(c) & HAS_UPPER) || known === null) {
        i++;
        continue;
      }
      let key = lower[i];
      const k0 = key.charCodeAt(0);
      if (k0 < 128 && this.asciiStarts[k0] === 0) {
        i++; // no name starts with this character, so no key built from here can match
        continue;
      }
      let found: GazMatch | null = null;
      for (let n = 1; i + n <= lower.length; n++) {
        const hit = n === 1 && known ? known.entry : this.names.get(key);
        if (hit) found = { start: i, end: i + n, categories: hit.categories, country: hit.country };
        const prefix = n === 1 && known ? known.prefix : this.prefixes.has(key);
        if (n >= MAX_WORDS || i + n >= lower.length || !prefix) break;
        key = `${key} ${lower[i + n]}`;
      }
      if (found) {
        out.push(found);
        i = found.end;
      } else i++;
    }
    return out;
  }

  static fromFile(path: string | URL): Gazetteer {
    return new Gazetteer(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as GazetteerData);
  }
}
