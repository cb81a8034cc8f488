// The tables the shared repos use, typed so that one query serves SQLite and PostgreSQL.
// Column names are the same on both (export/import move rows between them). Where a column's
// type differs, the shared type is what either backend may return, and the repos write it
// through the backend's SqlCodec.
import type { ColumnType, Insertable, Kysely, Selectable } from 'kysely';
import type { ArticleColumns, CoreTables, JobColumns, SourceColumns, StoryColumns } from './rows.js';

/** 0/1 on SQLite, a boolean on PostgreSQL: written with SqlCodec.bool, read with isTrue */
export type StoredBool = number | boolean;

/** JSON written as text by both; read back as text (SQLite) or parsed jsonb (PostgreSQL) */
type Json = ColumnType<unknown, string, string>;

/** a UTC ISO time; PostgreSQL's timestamptz ordering columns may read back as Date */
type Stamp = ColumnType<Date | string, string, string>;

// The shared shapes are the common columns plus those whose type differs between the backends,
// widened to what either returns; `sqlTables` checks both backends against them.
export type SourceTable = SourceColumns & { topics: Json; enabled: StoredBool };
/** The article columns both backends have; each backend's own repo writes articles. */
export type ArticleTable = ArticleColumns & {
  paywalled: StoredBool;
  lead_image: Json | null;
  images: Json;
  enrichment: Json | null;
  sort_at: Stamp;
};
/** rank_at orders and filters stories: last publication, else last update */
export type StoryTable = StoryColumns & { rank_at: Stamp };
export type JobTable = JobColumns & { payload: Json };

export type SqlTables = CoreTables<SourceTable, ArticleTable, StoryTable, JobTable>;

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
