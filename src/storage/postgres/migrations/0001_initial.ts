// Core tables, as on SQLite, with PostgreSQL types. Times the domain reads back are kept as the
// ISO text they were written with; sort_at and rank_at are timestamptz copies for ordering.
import type { Migration } from './types.js';

export const migration: Migration = {
  version: 1,
  name: 'initial',
  async up(client) {
    await client.query(`
      CREATE TABLE sources (
        id text PRIMARY KEY,
        name text NOT NULL,
        feed_url text NOT NULL UNIQUE,
        homepage text,
        country text,
        language text,
        topics jsonb NOT NULL DEFAULT '[]',
        kind text NOT NULL DEFAULT 'feed',
        enabled boolean NOT NULL DEFAULT true,
        display_policy text NOT NULL DEFAULT 'excerpt',
        etag text,
        last_modified text,
        next_poll_at text,
        last_polled_at text,
        last_success_at text,
        poll_interval_sec integer NOT NULL DEFAULT 900,
        error_count integer NOT NULL DEFAULT 0,
        last_error text,
        last_error_at text,
        paused_reason text,
        websub_hub text,
        created_at text NOT NULL
      );
      CREATE INDEX sources_due ON sources (next_poll_at NULLS FIRST, created_at)
        WHERE enabled AND paused_reason IS NULL;

      CREATE TABLE stories (
        id text PRIMARY KEY,
        title text NOT NULL,
        lead_article_id text,
        article_count integer NOT NULL DEFAULT 0,
        source_count integer NOT NULL DEFAULT 0,
        category text,
        first_published_at text,
        last_published_at text,
        merged_into text,
        created_at text NOT NULL,
        updated_at text NOT NULL,
        rank_at timestamptz NOT NULL
      );
      CREATE INDEX stories_rank ON stories (rank_at DESC) WHERE merged_into IS NULL;
      CREATE INDEX stories_category ON stories (category, rank_at DESC);
      CREATE INDEX stories_merged_into ON stories (merged_into) WHERE merged_into IS NOT NULL;

      CREATE TABLE story_merges (
        from_id text PRIMARY KEY,
        into_id text NOT NULL,
        merged_at text NOT NULL
      );
      CREATE INDEX story_merges_into ON story_merges (into_id);

      CREATE TABLE articles (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        url text NOT NULL,
        canonical_url text NOT NULL,
        source_id text REFERENCES sources(id) ON DELETE SET NULL,
        title text NOT NULL,
        byline text,
        description text,
        published_at text,
        modified_at text,
        language text,
        site_name text,
        section text,
        paywalled boolean NOT NULL DEFAULT false,
        text text NOT NULL,
        html text NOT NULL,
        lead_image jsonb,
        images jsonb NOT NULL DEFAULT '[]',
        category text,
        enrichment jsonb,
        story_id text,
        content_hash text,
        duplicate_of text,
        fetched_at text NOT NULL,
        updated_at text NOT NULL,
        sort_at timestamptz NOT NULL,
        search_config regconfig NOT NULL,
        tsv tsvector NOT NULL
      );
      CREATE INDEX articles_sort ON articles (sort_at DESC, id DESC);
      CREATE INDEX articles_source ON articles (source_id, sort_at DESC);
      CREATE INDEX articles_category ON articles (category, sort_at DESC);
      CREATE INDEX articles_story ON articles (story_id, sort_at DESC);
      CREATE INDEX articles_language ON articles (language, sort_at DESC);
      CREATE INDEX articles_url ON articles (url);
      CREATE INDEX articles_canonical_url ON articles (canonical_url);
      CREATE INDEX articles_content_hash ON articles (content_hash);
      CREATE INDEX articles_tsv ON articles USING gin (tsv);

      CREATE TABLE tags (
        slug text PRIMARY KEY,
        name text NOT NULL,
        type text NOT NULL,
        country text
      );
      CREATE TABLE article_tags (
        article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag_slug text NOT NULL REFERENCES tags(slug) ON DELETE CASCADE,
        position integer NOT NULL,
        PRIMARY KEY (article_id, tag_slug)
      );
      CREATE INDEX article_tags_tag ON article_tags (tag_slug, article_id);

      CREATE TABLE jobs (
        id text PRIMARY KEY,
        type text NOT NULL,
        payload jsonb,
        key text,
        state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL,
        run_at text NOT NULL,
        locked_by text,
        locked_until text,
        last_error text,
        created_at text NOT NULL,
        updated_at text NOT NULL
      );
      CREATE UNIQUE INDEX jobs_live_key ON jobs (key) WHERE key IS NOT NULL AND state IN ('queued', 'running');
      CREATE INDEX jobs_claim ON jobs (state, run_at);
      CREATE INDEX jobs_lease ON jobs (state, locked_until) WHERE state = 'running';
    `);
  },
};
