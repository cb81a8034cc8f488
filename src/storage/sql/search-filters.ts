// The search filters (source, section, language, time window) as conditions on the articles
// table under the alias `a`, the same on both backends' full-text queries.
import { type RawBuilder, sql } from 'kysely';
import type { SearchQuery } from '../store.js';
import { utc } from './util.js';

export function searchFilters(q: SearchQuery): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (q.sourceId !== undefined) parts.push(sql`a.source_id = ${q.sourceId}`);
  if (q.category !== undefined) parts.push(sql`a.category = ${q.category}`);
  if (q.language !== undefined) parts.push(sql`a.language = ${q.language}`);
  if (q.since !== undefined) parts.push(sql`a.sort_at >= ${utc(q.since)}`);
  if (q.before !== undefined) parts.push(sql`a.sort_at < ${utc(q.before)}`);
  return parts;
}
