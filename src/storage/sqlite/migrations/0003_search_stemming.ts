// Rebuilds the full-text index with the Porter stemmer in front of unicode61, so "elections"
// finds "election". Porter only rewrites ASCII word endings; other scripts pass through as
// unicode61 tokens.
import type { Migration } from './types.js';

export const migration: Migration = {
  version: 3,
  name: 'search_stemming',
  up(db) {
    db.exec(`
      DROP TRIGGER articles_fts_insert;
      DROP TRIGGER articles_fts_delete;
      DROP TRIGGER articles_fts_update;
      DROP TABLE articles_fts;
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, description, text,
        content='articles', content_rowid='rowid',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, description, text)
        VALUES (new.rowid, new.title, new.description, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, description, text)
        VALUES ('delete', old.rowid, old.title, old.description, old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, description, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, description, text)
        VALUES ('delete', old.rowid, old.title, old.description, old.text);
        INSERT INTO articles_fts (rowid, title, description, text)
        VALUES (new.rowid, new.title, new.description, new.text);
      END;
      INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    `);
  },
};
