import { sql } from 'kysely';
import { bool, fromJson } from '../sqlite/util.js';
import type { SqlCodec } from './codec.js';
import { utc } from './util.js';

/** Booleans as 0/1, JSON as text, times as UTC ISO text. */
export const sqliteCodec = {
  bool,
  fromJson<T>(value: unknown, fallback: T): T {
    if (value != null && typeof value !== 'string') {
      throw new Error(`SQLite JSON column holds a ${typeof value}, not text`);
    }
    return fromJson(value ?? null, fallback);
  },
  bytewise: (column) => sql<string>`${sql.ref(column)}`,
  greatest: (a, b) => sql<number>`max(${a}, ${b})`,
  hoursSince: (column, now) => sql<number>`(julianday(${now}) - julianday(${sql.ref(column)})) * 24`,
  orderingTime: (preferred, fallback) => utc(preferred ?? fallback),
  oneOf: (column, values) => sql<boolean>`${sql.ref(column)} IN (${sql.join(values)})`,
  // one writer at a time: the claim's single UPDATE cannot race another
  skipLocked: sql``,
  storyChangeStamp: null,
} satisfies SqlCodec;
