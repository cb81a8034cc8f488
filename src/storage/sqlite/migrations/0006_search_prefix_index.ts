// Re-creates the full-text index with prefix indexes of 2, 3 and 4 characters. Without them FTS5
// answers a prefix query by merging the doclist of every indexed word that completes it, on
// each evaluation and whatever the rowid bounds or LIMIT: 0.4 s for "ka"* at a million
// articles. With them a short prefix is one doclist, read newest first and cut short like a
// word's. Longer prefixes have few enough completions to be searched as an OR of them (see
// ../search-prefix.ts). The index grows about 2.9 times (614 MB -> 1.8 GB at a million articles).
// The triggers of 0004 stay: they name the table, which is dropped and made again here.
import { ARABIC_MARKS } from '../fold.js';
import type { Migration } from './types.js';

export const migration: Migration = {
  version: 6,
  name: 'search_prefix_index',
  up(db) {
    db.exec(`
      DROP TABLE articles_fts;
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, description, text,
        content='articles', content_rowid='rowid',
        tokenize="porter unicode61 remove_diacritics 2 tokenchars '${ARABIC_MARKS}'",
        prefix='2 3 4'
      );
      -- not 'rebuild': that would index the raw columns, not their folded form (see 0004)
      INSERT INTO articles_fts (rowid, title, description, text)
        SELECT rowid, lede_fold(title), lede_fold(description), lede_fold(text) FROM articles;
    `);
  },
};
