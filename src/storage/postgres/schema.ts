// Row shapes of the PostgreSQL tables, for Kysely's typing. They never leave storage/postgres/.
// Column names match the SQLite tables (export/import move rows between them); types are
// PostgreSQL's own: booleans, jsonb, timestamptz for the derived ordering columns.
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Stamp = ColumnType<Date | string, string, string>;

export interface SourceRow {
  id: string;
  name: string;
  feed_url: string;
  homepage: string | null;
  country: string | null;
  language: string | null;
  topics: Json<string[]>;
  kind: string;
  enabled: boolean;
  display_policy: string;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  poll_interval_sec: number;
  error_count: number;
  last_error: string | null;
  last_error_at: string | null;
  paused_reason: string | null;
  websub_hub: string | null;
  created_at: string;
}

export interface ArticleRow {
  id: string;
  url: string;
  canonical_url: string;
  source_id: string | null;
  title: string;
  byline: string | null;
  description: string | null;
  published_at: string | null;
  modified_at: string | null;
  language: string | null;
  site_name: string | null;
  section: string | null;
  paywalled: boolean;
  text: string;
  html: string;
  lead_image: Json<unknown> | null;
  images: Json<unknown[]>;
  category: string | null;
  enrichment: Json<unknown> | null;
  story_id: string | null;
  content_hash: string | null;
  duplicate_of: string | null;
  fetched_at: string;
  updated_at: string;
  /** published time, else fetch time: ordering and time filters */
  sort_at: Stamp;
  /** text search configuration picked from the language (lede_english, lede_arabic, …) */
  search_config: string;
  tsv: ColumnType<string, never, never>;
  seq: Generated<string>;
}

export interface TagRow {
  slug: string;
  name: string;
  type: string;
  country: string | null;
}

export interface ArticleTagRow {
  article_id: string;
  tag_slug: string;
  position: number;
}

export interface StoryRow {
  id: string;
  title: string;
  lead_article_id: string | null;
  article_count: number;
  source_count: number;
  category: string | null;
  first_published_at: string | null;
  last_published_at: string | null;
  merged_into: string | null;
  created_at: string;
  updated_at: string;
  rank_at: Stamp;
}

export interface StoryMergeRow {
  from_id: string;
  into_id: string;
  merged_at: string;
}

export interface JobRow {
  id: string;
  type: string;
  payload: Json<unknown>;
  key: string | null;
  state: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface DB {
  sources: SourceRow;
  articles: ArticleRow;
  tags: TagRow;
  article_tags: ArticleTagRow;
  stories: StoryRow;
  story_merges: StoryMergeRow;
  jobs: JobRow;
}
