// The columns whose type is the same on SQLite and PostgreSQL, written once. Each backend's
// schema.ts adds the columns it types its own way (booleans, JSON, the derived ordering times,
// its search columns); tables.ts widens those to what either backend returns.

export interface SourceColumns {
  id: string;
  name: string;
  feed_url: string;
  homepage: string | null;
  country: string | null;
  language: string | null;
  kind: string;
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

export interface ArticleColumns {
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
  text: string;
  html: string;
  category: string | null;
  story_id: string | null;
  content_hash: string | null;
  duplicate_of: string | null;
  fetched_at: string;
  updated_at: string;
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

export interface StoryColumns {
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
}

export interface StoryMergeRow {
  from_id: string;
  into_id: string;
  merged_at: string;
}

export interface JobColumns {
  id: string;
  type: string;
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

/** The tables both backends have, given each backend's row types for those that differ. */
export interface CoreTables<Source, Article, Story, Job> {
  sources: Source;
  articles: Article;
  tags: TagRow;
  article_tags: ArticleTagRow;
  stories: Story;
  story_merges: StoryMergeRow;
  jobs: Job;
}
