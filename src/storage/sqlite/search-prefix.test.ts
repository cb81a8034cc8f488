import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerFold } from './fold.js';
import { headlineQuery, toFtsQuery } from './fts-query.js';
import { migrate } from './migrate.js';
import type { DB } from './schema.js';
import { PrefixExpander, rowidRuns } from './search-prefix.js';

const TEXTS = [
  'The committee agreed to meet the commission.',
  'A commitment from the committees, and an agreement.',
  'Commissioners and their commitments were discussed.',
  'Nothing of the kind: the weather was mild.',
  'The guarantee guaranteed a guaranteeing guarantor.',
  'Al-Sisi spoke; Alsisians listened.',
];

describe('PrefixExpander', () => {
  let raw: Database.Database;
  let db: Kysely<DB>;
  beforeEach(() => {
    raw = new Database(':memory:');
    registerFold(raw);
    migrate(raw);
    const insert = raw.prepare(
      `INSERT INTO articles (id, url, canonical_url, title, text, html, fetched_at, updated_at, sort_at)
       VALUES (?, ?, ?, ?, ?, '', 'now', 'now', 'now')`,
    );
    TEXTS.forEach((text, i) => {
      insert.run(
        `a${i}`,
        `https://x.example/${i}`,
        `https://x.example/${i}`,
        text.split(' ').slice(0, 3).join(' '),
        text,
      );
    });
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
  });
  afterEach(async () => {
    await db.destroy();
  });

  const rowids = (fts: string) =>
    raw.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').pluck().all(fts);

  it('finds through an OR of completions exactly what FTS5 finds for the prefix, stems that stem again included', async () => {
    const expander = new PrefixExpander(db);
    for (const q of ['commi*', 'commit*', 'guaran*', 'weath*', 'committee* agreem*']) {
      const match = toFtsQuery(q) ?? '';
      const { rewrite, words } = await expander.expand(match);
      expect(rewrite(match), q).not.toMatch(/"\*/);
      expect(rowids(rewrite(match)), q).toEqual(rowids(match));
      expect(rowids(rewrite(headlineQuery(match))), q).toEqual(rowids(headlineQuery(match)));
      expect(words, q).toBeGreaterThan(0);
    }
    // "committe" (committee's stem) is searched as "committee": FTS5 would stem "committe" to "commit"
    expect((await expander.expand('"committe"*')).rewrite('"committe"*')).toBe('("committee")');
  });

  it('leaves to FTS5 the prefixes its prefix indexes serve, prefixes of several tokens, and absent ones', async () => {
    const expander = new PrefixExpander(db);
    for (const match of ['"comm"*', '"com"*', '"co"*', '"agree"*', '"al-sis"*', '"zzzz"*']) {
      const { rewrite, words } = await expander.expand(match);
      expect(rewrite(match)).toBe(match);
      expect(words).toBe(0);
    }
  });
});

describe('rowidRuns', () => {
  it('joins rowids whose gaps hold fewer matches than a fresh evaluation is worth', () => {
    // 2 words at 0.01 matches per rowid: gaps up to 20,000 rowids are walked
    expect(rowidRuns([900_000, 5, 899_990, 880_000, 20_005], 2, 0.01)).toEqual([
      [5, 20_005],
      [880_000, 899_990, 900_000],
    ]);
    expect(rowidRuns([3, 1, 2], 1, 1)).toEqual([[1, 2, 3]]);
    expect(rowidRuns([], 5, 0)).toEqual([]);
  });
});
