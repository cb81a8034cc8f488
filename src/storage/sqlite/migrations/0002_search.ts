// Full-text index over articles (external content: the text lives once, in articles).
// Triggers keep it in step with every write, inside the writer's transaction.
import type { Migration } from './types.js';

export const migration: Migration = {
  version: 2,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, description, text,
        content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
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
