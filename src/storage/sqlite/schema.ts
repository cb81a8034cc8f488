// Row shapes of the SQLite tables, for Kysely's typing: the shared columns (../sql/rows.ts) plus
// SQLite's own spelling of the rest (booleans as 0/1, JSON as text, times as text). These never
// leave storage/: the repos map them to domain types.
import type { Generated } from 'kysely';
import type { ArticleColumns, CoreTables, JobColumns, SourceColumns, StoryColumns } from '../sql/rows.js';
import type { PeopleDB } from './people-schema.js';

export interface SourceRow extends SourceColumns {
  topics: string; // JSON array
  enabled: number;
}

export interface ArticleRow extends ArticleColumns {
  rowid: Generated<number>;
  paywalled: number;
  lead_image: string | null; // JSON
  images: string; // JSON array
  enrichment: string | null; // JSON
  /** UTC ISO time used for ordering and time filters: published time, else fetch time */
  sort_at: string;
}

export interface StoryRow extends StoryColumns {
  /** UTC ISO time used for ranking and `since`: last publication, else last update */
  rank_at: string;
}

export interface JobRow extends JobColumns {
  payload: string; // JSON
}

export interface DB extends PeopleDB, CoreTables<SourceRow, ArticleRow, StoryRow, JobRow> {}
