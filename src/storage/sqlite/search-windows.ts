// Time windows for bounded search: for "the last N days", the smallest rowid of an article in
// it. Articles mostly arrive in time order, so FTS5 can skip every older rowid in its doclists;
// the time condition still applies, so a late-imported old article is never counted as recent.
// The smallest rowid is a scan of the window's index range, so it is cached for a while.
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

export const WINDOW_DAYS = [3, 30, 365];
const TTL_MS = 5 * 60_000;

export interface Window {
  since: string;
  rowid: number;
}

export class SearchWindows {
  private readonly cache = new Map<number, { at: number; since: number; rowid: number | null }>();

  constructor(private readonly db: Kysely<DB>) {}

  /** Windows to try in order, narrowest first, ending with null (all time). */
  async forQuery(now: Date, since?: string): Promise<Array<Window | null>> {
    const out: Array<Window | null> = [];
    const sinceMs = since ? Date.parse(since) : Number.NaN;
    for (const days of WINDOW_DAYS) {
      const start = now.getTime() - days * 86_400_000;
      // a date filter narrower than the window makes the window pointless
      if (Number.isFinite(sinceMs) && sinceMs >= start) break;
      const rowid = await this.floor(days, now.getTime());
      if (rowid !== null) out.push({ since: new Date(start).toISOString(), rowid });
    }
    out.push(null);
    return out;
  }

  private async floor(days: number, nowMs: number): Promise<number | null> {
    const hit = this.cache.get(days);
    if (hit && nowMs - hit.at < TTL_MS) return hit.rowid;
    const since = new Date(nowMs - days * 86_400_000 - TTL_MS).toISOString();
    const result = await sql<{ r: number | null }>`
      SELECT min(rowid) AS r FROM articles WHERE sort_at >= ${since}`.execute(this.db);
    const rowid = result.rows[0]?.r ?? null;
    this.cache.set(days, {
      at: nowMs,
      since: Date.parse(since),
      rowid: rowid === null ? null : Number(rowid),
    });
    return rowid === null ? null : Number(rowid);
  }
}
