import { sql } from 'kysely';
import type { SqlCodec } from './codec.js';
import { utc } from './util.js';

/** A timestamptz-safe ordering time: the preferred, else the fallback, else now (unparseable text). */
function orderingTime(preferred: string | null, fallback: string): string {
  for (const t of [preferred, fallback]) {
    if (t != null && !Number.isNaN(Date.parse(t))) return utc(t);
  }
  return new Date().toISOString();
}

/** Real booleans, jsonb (read back parsed), timestamptz ordering columns. */
export const postgresCodec = {
  bool: (value) => value,
  fromJson: <T>(value: unknown, fallback: T): T => (value == null ? fallback : (value as T)),
  bytewise: (column) => sql<string>`${sql.ref(column)} COLLATE "C"`,
  greatest: (a, b) => sql<number>`greatest(${a}, ${b})`,
  hoursSince: (column, now) =>
    sql<number>`extract(epoch FROM (${now}::timestamptz - ${sql.ref(column)})) / 3600.0`,
  orderingTime,
  oneOf: (column, values) => sql<boolean>`${sql.ref(column)} = ANY(${values}::text[])`,
  skipLocked: sql`FOR UPDATE SKIP LOCKED`,
  // an identity column GENERATED ALWAYS may be set to DEFAULT only, which draws the next value
  storyChangeStamp: [sql.ref('seq'), sql`DEFAULT`],
} satisfies SqlCodec;
