// Re-creates the full-text index with a prefix index of 4 characters beside those of 2 and 3
// (migration 6). A 4-character prefix has the most completions of the prefixes FTS5 would
// otherwise merge (hundreds in a large archive: 25 ms CPU at the median, 110 ms at p99 at a
// million articles, too many to search as an OR of them, see ../search-prefix.ts); from the
// index it is one doclist, read newest first. The index grows by about a third again.
import { ARABIC_MARKS } from '../fold.js';
import type { Migration } from './types.js';

export const migration: Migration = {
  version: 7,
  name: 'search_prefix_index_4',
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
