import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { SearchHit, SearchQuery, SearchRepo } from '../store.js';
import { toArticle } from './articles.js';
import { toFtsQuery } from './fts-query.js';
import { highlightToHtml, MARK_CLOSE, MARK_OPEN } from './highlight.js';
import type { ArticleRow, DB } from './schema.js';
import { SearchWindows, type Window } from './search-windows.js';
import { limitOf, offsetOf, utc } from './util.js';

// Column weights for bm25(): title, description, text. The snippet comes from the body (the
// title is shown beside it anyway), or the description when there is no body.
const WEIGHTS = sql.raw('10.0, 4.0, 1.0');
const SNIPPET_TOKENS = 32;
/**
 * Relevance is scaled by freshness: a fresh article keeps its full bm25 score, one that is
 * FRESH_DAYS old keeps (1 - FRESH_SHARE / 2) of it, and very old ones tend to (1 - FRESH_SHARE).
 */
const FRESH_SHARE = 0.4;
const FRESH_DAYS = 7;
/** Totals are counted exactly up to this many matches; beyond it the total says "at least". */
export const TOTAL_CAP = 1000;

type Ranked = { rid: number; score: number };
type Row = ArticleRow & { rid: number; snip: string };

/**
 * Bounded search (the cost of FTS5 follows the number of matching rows, and ranking needs a
 * score for each): rank the matches of the last few days first, and widen the window (a month,
 * a year, everything) only while the requested page is not full. A window is a lower bound on
 * the FTS rowid (the smallest rowid of an article in it, cached) plus the time condition, so
 * FTS5 skips older rows in its doclists. Ranking is bm25 x freshness inside the window. Only the
 * page's rows are then read in full, with their snippets.
 */
export class SqliteSearchRepo implements SearchRepo {
  private readonly windows: SearchWindows;

  constructor(private readonly db: Kysely<DB>) {
    this.windows = new SearchWindows(db);
  }

  async search(query: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
    const match = toFtsQuery(query.q ?? '');
    if (match === null) return { hits: [], total: 0 };
    const where = this.where(match, query);
    const joined =
      query.sourceId !== undefined ||
      query.category !== undefined ||
      query.language !== undefined ||
      query.since !== undefined ||
      query.before !== undefined;
    const limit = limitOf(query.limit);
    const offset = offsetOf(query.offset);
    // matches of the words alone, counted up to TOTAL_CAP from the FTS index (no row reads):
    // the total when nothing filters, an upper bound otherwise
    const matches = await this.count(match, null, null);
    if (matches === 0) return { hits: [], total: 0 };

    const need = offset + limit;
    const now = new Date();
    let ranked: Ranked[] = [];
    let used: Window | null = null;
    // few matches in all: rank them all at once
    const small = matches < TOTAL_CAP && matches <= need;
    if (limit > 0) {
      for (const window of small ? [null] : await this.windows.forQuery(now, query.since)) {
        used = window;
        ranked = await this.rank(where, window, now, need);
        if (ranked.length >= need || window === null) break;
      }
    }
    // with filters, the total is counted in the window the page came from (a lower bound when
    // that window is not all time): counting filtered matches over all time is the unbounded part
    const total = joined ? Math.max(ranked.length, await this.count(match, where, used)) : matches;
    const page = ranked.slice(offset, offset + limit);
    if (page.length === 0) return { hits: [], total };

    const rows = await sql<Row>`
      SELECT a.*, articles_fts.rowid AS rid,
        coalesce(
          nullif(snippet(articles_fts, 2, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_TOKENS}), ''),
          snippet(articles_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_TOKENS})
        ) AS snip
      FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
      WHERE articles_fts MATCH ${match}
        AND articles_fts.rowid IN (${sql.join(page.map((p) => p.rid))})`.execute(this.db);
    const byRid = new Map(rows.rows.map((r) => [Number(r.rid), r]));
    const hits: SearchHit[] = [];
    for (const { rid, score } of page) {
      const r = byRid.get(rid);
      if (!r) continue;
      const { rid: _rid, snip, ...row } = r;
      hits.push({ article: toArticle(row as ArticleRow), snippet: highlightToHtml(snip ?? ''), score });
    }
    return { hits, total };
  }

  /** Matches counted up to TOTAL_CAP; `where` null means the MATCH alone (no join needed). */
  private async count(
    match: string,
    where: RawBuilder<unknown> | null,
    window: Window | null,
  ): Promise<number> {
    const bound = window
      ? sql`AND articles_fts.rowid >= ${window.rowid} AND a.sort_at >= ${window.since}`
      : sql``;
    const result = where
      ? await sql<{ n: number }>`
          SELECT count(*) AS n FROM (
            SELECT 1 FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
            WHERE ${where} ${bound} LIMIT ${TOTAL_CAP})`.execute(this.db)
      : await sql<{ n: number }>`
          SELECT count(*) AS n FROM (
            SELECT 1 FROM articles_fts WHERE articles_fts MATCH ${match} LIMIT ${TOTAL_CAP})`.execute(
          this.db,
        );
    return Number(result.rows[0]?.n ?? 0);
  }

  /** The best `need` matches in a window (null: all time), ranked by bm25 x freshness. */
  private async rank(
    where: RawBuilder<unknown>,
    window: { since: string; rowid: number } | null,
    now: Date,
    need: number,
  ): Promise<Ranked[]> {
    const ageDays = sql`max(0, julianday(${now.toISOString()}) - julianday(a.sort_at))`;
    const bound = window
      ? sql`AND articles_fts.rowid >= ${window.rowid} AND a.sort_at >= ${window.since}`
      : sql``;
    const rows = await sql<Ranked>`
      SELECT articles_fts.rowid AS rid,
        -bm25(articles_fts, ${WEIGHTS}) * (${1 - FRESH_SHARE} + ${FRESH_SHARE} / (1 + ${ageDays} / ${FRESH_DAYS}))
          AS score
      FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
      WHERE ${where} ${bound}
      ORDER BY score DESC, a.sort_at DESC, a.id
      LIMIT ${need}`.execute(this.db);
    return rows.rows.map((r) => ({ rid: Number(r.rid), score: Number(r.score) }));
  }

  private where(match: string, q: SearchQuery): RawBuilder<unknown> {
    const parts: RawBuilder<unknown>[] = [sql`articles_fts MATCH ${match}`];
    if (q.sourceId !== undefined) parts.push(sql`a.source_id = ${q.sourceId}`);
    if (q.category !== undefined) parts.push(sql`a.category = ${q.category}`);
    if (q.language !== undefined) parts.push(sql`a.language = ${q.language}`);
    if (q.since !== undefined) parts.push(sql`a.sort_at >= ${utc(q.since)}`);
    if (q.before !== undefined) parts.push(sql`a.sort_at < ${utc(q.before)}`);
    return sql.join(parts, sql` AND `);
  }
}
