// What differs between SQLite and PostgreSQL in the shared repos' queries, as one object per
// backend (sqlite-codec.ts, postgres-codec.ts): column encodings and the few SQL spellings
// that are not common to both.
import type { RawBuilder } from 'kysely';
import type { StoredBool } from './tables.js';

export interface SqlCodec {
  /** a boolean as the column stores it */
  bool(value: boolean): StoredBool;
  /** a JSON column as read back; `fallback` for NULL */
  fromJson<T>(value: unknown, fallback: T): T;
  /** a text column to order by bytes (SQLite's only order; PostgreSQL's default follows the locale) */
  bytewise(column: string): RawBuilder<string>;
  /** the larger of two numbers (PostgreSQL's max() is only an aggregate) */
  greatest(a: RawBuilder<number>, b: RawBuilder<number>): RawBuilder<number>;
  /** hours from the time in `column` to `now` (negative for a later time) */
  hoursSince(column: string, now: string): RawBuilder<number>;
  /**
   * The value of a derived ordering column (stories.rank_at) for a row's preferred time and its
   * fallback: SQLite keeps text, PostgreSQL's timestamptz needs a time it can parse.
   */
  orderingTime(preferred: string | null, fallback: string): string;
  /** `column` equals one of `values` (not empty): SQLite binds each value, PostgreSQL one array */
  oneOf(column: string, values: readonly string[]): RawBuilder<boolean>;
  /** ends a claim's row pick: concurrent PostgreSQL claimers skip each other's row */
  skipLocked: RawBuilder<unknown>;
  /**
   * One more assignment (column, value) for article rows whose story is changed (a move, a
   * merge), or null: PostgreSQL gives them a fresh articles.seq, so workers sharing the database
   * learn the change (ClusterSync.placedSince); SQLite has no seq and a single process.
   */
  storyChangeStamp: readonly [column: RawBuilder<unknown>, value: RawBuilder<unknown>] | null;
}
