import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { SearchHit, SearchQuery, SearchRepo } from '../store.js';
import { toArticle } from './articles.js';
import { toFtsQuery } from './fts-query.js';
import { highlightToHtml, MARK_CLOSE, MARK_OPEN } from './highlight.js';
import type { ArticleRow, DB } from './schema.js';
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

type Row = ArticleRow & { score: number; snip: string };

export class SqliteSearchRepo implements SearchRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async search(query: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
    const match = toFtsQuery(query.q ?? '');
    if (match === null) return { hits: [], total: 0 };
    const where = this.where(match, query);
    const total = await sql<{ n: number }>`
      SELECT count(*) AS n FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
      WHERE ${where}`.execute(this.db);
    const n = Number(total.rows[0]?.n ?? 0);
    const limit = limitOf(query.limit);
    if (n === 0 || limit === 0) return { hits: [], total: n };

    const now = new Date().toISOString();
    const ageDays = sql`max(0, julianday(${now}) - julianday(a.sort_at))`;
    const rows = await sql<Row>`
      SELECT a.*,
        -bm25(articles_fts, ${WEIGHTS}) * (${1 - FRESH_SHARE} + ${FRESH_SHARE} / (1 + ${ageDays} / ${FRESH_DAYS}))
          AS score,
        coalesce(
          nullif(snippet(articles_fts, 2, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_TOKENS}), ''),
          snippet(articles_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_TOKENS})
        ) AS snip
      FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
      WHERE ${where}
      ORDER BY score DESC, a.sort_at DESC, a.id
      LIMIT ${limit} OFFSET ${offsetOf(query.offset)}`.execute(this.db);
    return {
      total: n,
      hits: rows.rows.map((r) => ({
        article: toArticle(r),
        snippet: highlightToHtml(r.snip ?? ''),
        score: Number(r.score),
      })),
    };
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
