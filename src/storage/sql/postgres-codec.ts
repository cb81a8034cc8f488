import { sql } from 'kysely';
import { sortAt } from '../postgres/articles.js';
import type { SqlCodec } from './codec.js';

/** Real booleans, jsonb (read back parsed), timestamptz ordering columns. */
export const postgresCodec: SqlCodec = {
  bool: (value) => value,
  fromJson: <T>(value: unknown, fallback: T): T => (value == null ? fallback : (value as T)),
  bytewise: (column) => sql<string>`${sql.ref(column)} COLLATE "C"`,
  greatest: (a, b) => sql<number>`greatest(${a}, ${b})`,
  hoursSince: (column, now) =>
    sql<number>`extract(epoch FROM (${now}::timestamptz - ${sql.ref(column)})) / 3600.0`,
  orderingTime: sortAt,
  skipLocked: sql`FOR UPDATE SKIP LOCKED`,
};
