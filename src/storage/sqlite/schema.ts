// Row shapes of the SQLite tables, for Kysely's typing. These never leave storage/sqlite/:
// the repos map them to domain types.
import type { Generated } from 'kysely';
import type { PeopleDB } from './people-schema.js';

export interface SourceRow {
  id: string;
  name: string;
  feed_url: string;
  homepage: string | null;
  country: string | null;
  language: string | null;
  topics: string; // JSON array
  kind: string;
  enabled: number;
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
  rowid: Generated<number>;
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
  paywalled: number;
  text: string;
  html: string;
  lead_image: string | null; // JSON
  images: string; // JSON array
  category: string | null;
  enrichment: string | null; // JSON
  story_id: string | null;
  content_hash: string | null;
  duplicate_of: string | null;
  fetched_at: string;
  updated_at: string;
  /** UTC ISO time used for ordering and time filters: published time, else fetch time */
  sort_at: string;
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
  /** UTC ISO time used for ranking and `since`: last publication, else last update */
  rank_at: string;
}

export interface StoryMergeRow {
  from_id: string;
  into_id: string;
  merged_at: string;
}

export interface JobRow {
  id: string;
  type: string;
  payload: string; // JSON
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

export interface DB extends PeopleDB {
  sources: SourceRow;
  articles: ArticleRow;
  tags: TagRow;
  article_tags: ArticleTagRow;
  stories: StoryRow;
  story_merges: StoryMergeRow;
  jobs: JobRow;
}
