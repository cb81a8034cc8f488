// Core tables. Times are ISO-8601 text; sort_at/rank_at hold normalised UTC copies so that
// text comparison orders them correctly whatever offset a feed used.
import type { Migration } from './types.js';

export const migration: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        feed_url TEXT NOT NULL UNIQUE,
        homepage TEXT,
        country TEXT,
        language TEXT,
        topics TEXT NOT NULL DEFAULT '[]',
        kind TEXT NOT NULL DEFAULT 'feed',
        enabled INTEGER NOT NULL DEFAULT 1,
        display_policy TEXT NOT NULL DEFAULT 'excerpt',
        etag TEXT,
        last_modified TEXT,
        next_poll_at TEXT,
        last_polled_at TEXT,
        last_success_at TEXT,
        poll_interval_sec INTEGER NOT NULL DEFAULT 900,
        error_count INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        last_error_at TEXT,
        paused_reason TEXT,
        websub_hub TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX sources_due ON sources (enabled, next_poll_at);

      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        lead_article_id TEXT,
        article_count INTEGER NOT NULL DEFAULT 0,
        source_count INTEGER NOT NULL DEFAULT 0,
        category TEXT,
        first_published_at TEXT,
        last_published_at TEXT,
        merged_into TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        rank_at TEXT NOT NULL
      );
      CREATE INDEX stories_rank ON stories (rank_at DESC) WHERE merged_into IS NULL;
      CREATE INDEX stories_category ON stories (category, rank_at DESC);

      CREATE TABLE story_merges (
        from_id TEXT PRIMARY KEY,
        into_id TEXT NOT NULL,
        merged_at TEXT NOT NULL
      );
      CREATE INDEX story_merges_into ON story_merges (into_id);

      -- story_id has no foreign key: clustering may write an article before its story row.
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        canonical_url TEXT NOT NULL,
        source_id TEXT REFERENCES sources(id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        byline TEXT,
        description TEXT,
        published_at TEXT,
        modified_at TEXT,
        language TEXT,
        site_name TEXT,
        section TEXT,
        paywalled INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL,
        html TEXT NOT NULL,
        lead_image TEXT,
        images TEXT NOT NULL DEFAULT '[]',
        category TEXT,
        enrichment TEXT,
        story_id TEXT,
        content_hash TEXT,
        duplicate_of TEXT,
        fetched_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        sort_at TEXT NOT NULL
      );
      CREATE INDEX articles_sort ON articles (sort_at DESC, id DESC);
      CREATE INDEX articles_source ON articles (source_id, sort_at DESC);
      CREATE INDEX articles_category ON articles (category, sort_at DESC);
      CREATE INDEX articles_story ON articles (story_id, sort_at DESC);
      CREATE INDEX articles_language ON articles (language, sort_at DESC);
      CREATE INDEX articles_url ON articles (url);
      CREATE INDEX articles_canonical_url ON articles (canonical_url);
      CREATE INDEX articles_content_hash ON articles (content_hash);

      CREATE TABLE tags (
        slug TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT
      );
      CREATE TABLE article_tags (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag_slug TEXT NOT NULL REFERENCES tags(slug) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (article_id, tag_slug)
      );
      CREATE INDEX article_tags_tag ON article_tags (tag_slug, article_id);

      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        key TEXT,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL,
        run_at TEXT NOT NULL,
        locked_by TEXT,
        locked_until TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- at most one live job per key: this is what makes enqueue idempotent
      CREATE UNIQUE INDEX jobs_live_key ON jobs (key) WHERE key IS NOT NULL AND state IN ('queued', 'running');
      CREATE INDEX jobs_claim ON jobs (state, run_at);
      CREATE INDEX jobs_lease ON jobs (state, locked_until) WHERE state = 'running';
    `);
  },
};
