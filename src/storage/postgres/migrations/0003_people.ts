// People tables (accounts, comments, following…), the same columns as SQLite's migration 5:
// plain text columns, so the shared repo code (../sqlite/users.ts, people.ts, comments.ts)
// runs on both backends through Kysely.
import type { Migration } from './types.js';

export const migration: Migration = {
  version: 3,
  name: 'people',
  async up(client) {
    await client.query(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE password_resets (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        target_type TEXT NOT NULL,
        target_id TEXT NOT NULL,
        parent_id TEXT,
        user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
        author_name TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL,
        moderation TEXT NOT NULL,
        idempotency_key TEXT,
        created_at TEXT NOT NULL,
        edited_at TEXT
      );
      CREATE INDEX comments_target ON comments(target_type, target_id, created_at);
      CREATE INDEX comments_status ON comments(status, created_at);
      CREATE INDEX comments_user ON comments(user_id, created_at);
      CREATE UNIQUE INDEX comments_idempotency ON comments(user_id, idempotency_key);
      CREATE TABLE comment_reports (
        comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (comment_id, user_id)
      );
      CREATE TABLE follows (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (user_id, kind, value)
      );
      CREATE TABLE bookmarks (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (user_id, article_id)
      );
      CREATE TABLE mutes (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (user_id, kind, value)
      );
      CREATE TABLE reading_history (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        read_at TEXT NOT NULL,
        PRIMARY KEY (user_id, article_id)
      );
      CREATE INDEX reading_history_recent ON reading_history(user_id, read_at);
      CREATE TABLE moderation_log (
        id TEXT PRIMARY KEY,
        actor_id TEXT,
        action TEXT NOT NULL,
        comment_id TEXT,
        subject_user_id TEXT,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX moderation_log_time ON moderation_log(created_at);
      CREATE TABLE site_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE rate_events (
        key TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX rate_events_key ON rate_events(key, at);
    `);
  },
};
