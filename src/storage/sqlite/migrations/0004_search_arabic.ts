// Re-creates the full-text index over folded text (see ../fold.ts): the triggers index
// lede_fold(column), a function every connection registers before migrating. Arabic marks
// become token characters so that folding them away never splits or joins tokens.
import { ARABIC_MARKS } from '../fold.js';
import type { Migration } from './types.js';

const cols = (p: string) => `lede_fold(${p}.title), lede_fold(${p}.description), lede_fold(${p}.text)`;

export const migration: Migration = {
  version: 4,
  name: 'search_arabic',
  up(db) {
    db.exec(`
      DROP TRIGGER articles_fts_insert;
      DROP TRIGGER articles_fts_delete;
      DROP TRIGGER articles_fts_update;
      DROP TABLE articles_fts;
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, description, text,
        content='articles', content_rowid='rowid',
        tokenize="porter unicode61 remove_diacritics 2 tokenchars '${ARABIC_MARKS}'"
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, description, text) VALUES (new.rowid, ${cols('new')});
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, description, text)
        VALUES ('delete', old.rowid, ${cols('old')});
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, description, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, description, text)
        VALUES ('delete', old.rowid, ${cols('old')});
        INSERT INTO articles_fts (rowid, title, description, text) VALUES (new.rowid, ${cols('new')});
      END;
      -- not 'rebuild': that would index the raw columns, not their folded form
      INSERT INTO articles_fts (rowid, title, description, text)
        SELECT rowid, ${cols('articles')} FROM articles;
    `);
  },
};
