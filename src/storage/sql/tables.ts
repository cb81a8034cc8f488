// The tables the shared repos use, typed so that one query serves SQLite and PostgreSQL.
// Column names are the same on both (export/import move rows between them). Where a column's
// type differs, the shared type is what either backend may return, and the repos write it
// through the backend's SqlCodec.
import type { ColumnType, Insertable, Kysely, Selectable } from 'kysely';

/** 0/1 on SQLite, a boolean on PostgreSQL: written with SqlCodec.bool, read with isTrue */
export type StoredBool = number | boolean;

/** JSON written as text by both; read back as text (SQLite) or parsed jsonb (PostgreSQL) */
type Json = ColumnType<unknown, string, string>;

/** a UTC ISO time; PostgreSQL's timestamptz ordering columns may read back as Date */
type Stamp = ColumnType<Date | string, string, string>;

export interface SourceTable {
  id: string;
  name: string;
  feed_url: string;
  homepage: string | null;
  country: string | null;
  language: string | null;
  topics: Json;
  kind: string;
  enabled: StoredBool;
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

export interface TagTable {
  slug: string;
  name: string;
  type: string;
  country: string | null;
}

export interface ArticleTagTable {
  article_id: string;
  tag_slug: string;
  position: number;
}

/** The article columns the shared repos read or move; each backend's own repo writes articles. */
export interface ArticleTable {
  id: string;
  story_id: string | null;
  sort_at: Stamp;
}

export interface StoryTable {
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
  /** ranking and `since`: last publication, else last update */
  rank_at: Stamp;
}

export interface StoryMergeTable {
  from_id: string;
  into_id: string;
  merged_at: string;
}

export interface JobTable {
  id: string;
  type: string;
  payload: Json;
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

export interface SqlTables {
  sources: SourceTable;
  tags: TagTable;
  article_tags: ArticleTagTable;
  articles: ArticleTable;
  stories: StoryTable;
  story_merges: StoryMergeTable;
  jobs: JobTable;
}

/** Tables the shared repos never insert into: only their row shape is checked. */
type NotInserted = 'articles';

export function isTrue(value: StoredBool): boolean {
  return value === true || value === 1;
}

type RequiredKeys<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? never : K }[keyof T];

/**
 * True when a backend's table can stand for the shared one: every row it returns has the shared
 * shape, and (for tables the shared repos insert into) a shared insert sets every column the
 * backend requires.
 */
type Fits<Backend, Shared, Inserted extends boolean> = [Selectable<Backend>] extends [Selectable<Shared>]
  ? Inserted extends false
    ? true
    : [RequiredKeys<Insertable<Backend>>] extends [keyof Insertable<Shared>]
      ? true
      : false
  : false;

type Misfits<DB> = {
  [K in keyof SqlTables]: K extends keyof DB
    ? Fits<DB[K], SqlTables[K], K extends NotInserted ? false : true> extends true
      ? never
      : K
    : K;
}[keyof SqlTables];

/**
 * A backend's Kysely seen through the shared table types. Kysely's DB parameter is invariant, so
 * this is a cast; the `Misfits` check makes it a compile error for a backend whose tables no
 * longer fit (the error names the table).
 */
export function sqlTables<DB>(
  db: Kysely<DB> & ([Misfits<DB>] extends [never] ? unknown : { misfitTable: Misfits<DB> }),
): Kysely<SqlTables> {
  return db as unknown as Kysely<SqlTables>;
}
