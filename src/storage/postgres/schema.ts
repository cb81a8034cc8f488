// Row shapes of the PostgreSQL tables, for Kysely's typing: the shared columns (../sql/rows.ts)
// plus PostgreSQL's own types for the rest: booleans, jsonb, timestamptz for the derived
// ordering columns, the search columns. They never leave storage/.
import type { ColumnType, Generated } from 'kysely';
import type { ArticleColumns, CoreTables, JobColumns, SourceColumns, StoryColumns } from '../sql/rows.js';

type Json<T> = ColumnType<T, string, string>;
type Stamp = ColumnType<Date | string, string, string>;

export interface SourceRow extends SourceColumns {
  topics: Json<string[]>;
  enabled: boolean;
}

export interface ArticleRow extends ArticleColumns {
  paywalled: boolean;
  lead_image: Json<unknown> | null;
  images: Json<unknown[]>;
  enrichment: Json<unknown> | null;
  /** published time, else fetch time: ordering and time filters */
  sort_at: Stamp;
  /** text search configuration picked from the language (lede_english, lede_arabic, …) */
  search_config: string;
  tsv: ColumnType<string, never, never>;
  seq: Generated<string>;
}

export interface StoryRow extends StoryColumns {
  rank_at: Stamp;
}

export interface JobRow extends JobColumns {
  payload: Json<unknown>;
}

export type DB = CoreTables<SourceRow, ArticleRow, StoryRow, JobRow>;
