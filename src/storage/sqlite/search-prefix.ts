// Long prefix terms as an OR of the indexed words that complete them. FTS5 answers a prefix
// longer than its prefix indexes (2, 3 and 4 characters, migrations 6 and 7) by merging the
// doclists of every completion, in full, on each evaluation, whatever the rowid bounds or
// LIMIT: ~45 ms for "minis"* at a million articles, and a search evaluates its query three
// times or more.
// An OR of the completions is walked newest first and stops at the LIMIT like any word.
// The completions are index terms, that is stems, and FTS5 stems a query's words again
// ("agre", the stem of "agree", would be searched as "agr"): each completion is searched
// through a word that the same tokenizer turns into exactly it, found and checked on a scratch
// FTS5 table. A prefix with a completion no such word is found for, or with so many
// completions that an OR would cost more than the merge, is left to FTS5.
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

/**
 * Above this many completions an OR costs more than most merges: each evaluation seeks every
 * word (~28 µs each at a million articles). At 160-190 words an OR search is ~30 ms CPU.
 */
const MAX_COMPLETIONS = 256;
/** Prefixes of this many characters or fewer are read from FTS5's prefix indexes (migrations 6, 7). */
const INDEXED_PREFIX = 4;
/** Words tried for a completion: itself, and with the final e the stemmer took (agre: agree). */
const SPELLINGS = [(stem: string) => stem, (stem: string) => `${stem}e`];
/** The last code point: every term that starts with a prefix sorts below prefix + it. */
const LAST = '\u{10FFFF}';
const PREFIX_TERM = /"((?:[^"]|"")*)"\*/g;
/** An FTS query in parts: quoted strings (a prefix's star kept) and what lies between them. */
const PARTS = /"(?:[^"]|"")*"\*?|[^"]+/g;
const SPACE = /^\s+$/;
/** The tokenize option of a CREATE VIRTUAL TABLE ... USING fts5(...) statement. */
const TOKENIZE = /tokenize\s*=\s*("(?:[^"]|"")*"|'(?:[^']|'')*')/;
/** Rowids of probe rows: unique per process, so concurrent searches on a connection never mix. */
let probeRow = 0;

/** Rewrites an FTS query made by toFtsQuery (or from its terms) with prefix terms replaced. */
export type PrefixRewrite = (fts: string) => string;

export interface PrefixExpansion {
  rewrite: PrefixRewrite;
  /** Words ORed in place of prefix terms (0: nothing was rewritten). */
  words: number;
  /** Documents that hold them, summed over the words (an upper bound of the matches). */
  docs: number;
}

/**
 * A fresh evaluation of an OR seeks each of its words (~28 µs at a million articles); walking
 * its matches costs ~0.3 µs each: a gap is worth a fresh evaluation past this many matches per word.
 */
const MATCHES_PER_SEEK = 100;

/**
 * The rowids of a page, in runs that FTS5 evaluates an OR of `words` words over, one range
 * each: a gap between two rowids is walked when it holds fewer matches (at `density` matches
 * per rowid) than a fresh evaluation is worth.
 */
export function rowidRuns(rids: number[], words: number, density: number): number[][] {
  const maxGap = (Math.max(1, words) * MATCHES_PER_SEEK) / Math.max(density, Number.MIN_VALUE);
  const runs: number[][] = [];
  for (const rid of [...rids].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    if (run && rid - run[run.length - 1] <= maxGap) run.push(rid);
    else runs.push([rid]);
  }
  return runs;
}

export class PrefixExpander {
  private ready: Promise<void> | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  /** `match`'s long prefix terms rewritten into ORs of their completions (identity when none). */
  async expand(match: string): Promise<PrefixExpansion> {
    const replacements = new Map<string, string>();
    let words = 0;
    let docs = 0;
    for (const [term, text] of new Map([...match.matchAll(PREFIX_TERM)].map((m) => [m[0], m[1]]))) {
      const or = await this.completions(text.replaceAll('""', '"'));
      if (or === null) continue;
      replacements.set(term, `(${or.words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ')})`);
      words += or.words.length;
      docs += or.docs;
    }
    const rewrite: PrefixRewrite = (fts) => {
      const parts = fts.match(PARTS) ?? [];
      return parts
        .map((part, i) => {
          if (part.startsWith('"')) return replacements.get(part) ?? part;
          // FTS5 ANDs adjacent strings, not a string and a parenthesised OR: the AND spelt out
          const between = SPACE.test(part) && parts[i - 1]?.startsWith('"') && parts[i + 1]?.startsWith('"');
          return between ? ' AND ' : part;
        })
        .join('');
    };
    return { rewrite: replacements.size === 0 ? (fts) => fts : rewrite, words, docs };
  }

  /** Words that reach exactly the index terms `prefix`* reaches, and their documents; or null. */
  private async completions(prefix: string): Promise<{ words: string[]; docs: number } | null> {
    const stemmed = await this.tokens([prefix]);
    if (stemmed.length !== 1 || [...stemmed[0]].length <= INDEXED_PREFIX) return null;
    const stem = stemmed[0];
    const terms = await sql<{ term: string; doc: number }>`
      SELECT term, doc FROM temp.lede_fts_terms WHERE term >= ${stem} AND term < ${stem + LAST}
      LIMIT ${MAX_COMPLETIONS + 1}`.execute(this.db);
    const completions = terms.rows.map((r) => r.term);
    if (completions.length === 0 || completions.length > MAX_COMPLETIONS) return null;
    const words = new Map<string, string>();
    for (const spell of SPELLINGS) {
      const open = completions.filter((c) => !words.has(c));
      if (open.length === 0) break;
      const tried = open.map(spell);
      // one token per word tried, or the words cannot be told apart: give up on this round
      const got = await this.tokens(tried);
      if (got.length !== tried.length) continue;
      open.forEach((c, i) => {
        if (got[i] === c) words.set(c, tried[i]);
      });
    }
    if (words.size < completions.length) return null;
    return { words: [...words.values()], docs: terms.rows.reduce((n, r) => n + Number(r.doc), 0) };
  }

  /** The index terms the articles' tokenizer makes of these words, in order. */
  private async tokens(words: string[]): Promise<string[]> {
    await this.prepare();
    const row = BigInt(++probeRow);
    await sql`INSERT INTO temp.lede_stem_probe (rowid, w) VALUES (${row}, ${words.join(' ')})`.execute(
      this.db,
    );
    try {
      const result = await sql<{ term: string }>`
        SELECT term FROM temp.lede_stem_probe_terms WHERE doc = ${row} ORDER BY offset`.execute(this.db);
      return result.rows.map((r) => r.term);
    } finally {
      await sql`DELETE FROM temp.lede_stem_probe WHERE rowid = ${row}`.execute(this.db);
    }
  }

  /**
   * The connection's scratch tables: an FTS5 table with the articles index's tokenizer (read
   * from its definition) and its tokens in order, and the articles index's terms.
   */
  private prepare(): Promise<void> {
    this.ready ??= (async () => {
      const table = await sql<{ sql: string }>`
        SELECT sql FROM sqlite_master WHERE name = 'articles_fts'`.execute(this.db);
      const tokenize = TOKENIZE.exec(table.rows[0]?.sql ?? '')?.[1];
      if (tokenize === undefined) throw new Error('articles_fts has no tokenize option');
      await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.lede_stem_probe
        USING fts5(w, tokenize=${sql.raw(tokenize)})`.execute(this.db);
      await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.lede_stem_probe_terms
        USING fts5vocab(temp, lede_stem_probe, 'instance')`.execute(this.db);
      await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.lede_fts_terms
        USING fts5vocab(main, articles_fts, 'row')`.execute(this.db);
    })().catch((error: unknown) => {
      this.ready = null; // tried again by the next search
      throw error;
    });
    return this.ready;
  }
}
