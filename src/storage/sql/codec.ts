// What differs between SQLite and PostgreSQL in the shared repos' queries, as one object per
// backend: column encodings and the few SQL spellings that are not common to both.

import { type RawBuilder, sql } from 'kysely';
import { bool, fromJson } from '../sqlite/util.js';
import type { StoredBool } from './tables.js';

export interface SqlCodec {
  /** a boolean as the column stores it */
  bool(value: boolean): StoredBool;
  /** a JSON column as read back; `fallback` for NULL */
  fromJson<T>(value: unknown, fallback: T): T;
  /** a text column to order by bytes (SQLite's only order; PostgreSQL's default follows the locale) */
  bytewise(column: string): RawBuilder<string>;
}

export const sqliteCodec: SqlCodec = {
  bool,
  fromJson<T>(value: unknown, fallback: T): T {
    if (value != null && typeof value !== 'string') {
      throw new Error(`SQLite JSON column holds a ${typeof value}, not text`);
    }
    return fromJson(value ?? null, fallback);
  },
  bytewise: (column) => sql<string>`${sql.ref(column)}`,
};

export const postgresCodec: SqlCodec = {
  bool: (value) => value,
  // jsonb comes back parsed
  fromJson: <T>(value: unknown, fallback: T): T => (value == null ? fallback : (value as T)),
  bytewise: (column) => sql<string>`${sql.ref(column)} COLLATE "C"`,
};
