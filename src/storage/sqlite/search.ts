import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { SearchHit, SearchQuery, SearchRepo } from '../store.js';
import { toArticle } from './articles.js';
import { toFtsQuery } from './fts-query.js';
import { highlightToHtml, MARK_CLOSE, MARK_OPEN } from './highlight.js';
import type { ArticleRow, DB } from './schema.js';
import { type Candidate, estimateDf, queryTerms, rankCandidates } from './search-rank.js';
import { limitOf, offsetOf, utc } from './util.js';

// The snippet comes from the body (the title is shown beside it anyway), or the description
// when there is no body. Field weights of the ranking are in search-rank.ts.
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
type CandidateRow = {
  rid: number;
  id: string;
  title: string;
  description: string | null;
  lead: string | null;
  sort_at: string;
};
/** How much of the body the ranking reads (news puts what matters first). */
const LEAD_CHARS = 2000;
/** Newest matches probed per term to estimate its document frequency. */
const DF_PROBE = 200;
type Row = ArticleRow & { rid: number; snip: string };

/** Candidates ranked per query: the newest K matches (K grows with the page asked for). */
const CANDIDATES = { min: 200, perResult: 5, max: 2000 };
/** Phrases need position lists for every candidate: fewer of them. */
const PHRASE_CANDIDATES = { min: 60, perResult: 3, max: 400 };
/** With filters each candidate costs a row read: fewer again. */
const FILTERED_CANDIDATES = { min: 100, perResult: 5, max: 500 };

/** The first phrase (a quoted string of several tokens) of an FTS query, lower case, or null. */
function phraseOf(match: string): string | null {
  const m = /"((?:[^"]|"")*\s(?:[^"]|"")*)"/.exec(match);
  return m ? m[1].replaceAll('""', '"').toLowerCase() : null;
}

/**
 * Bounded search. The cost of FTS5 follows the number of matching rows: ranking every match of
 * a common word, or checking a phrase of common words in every document that holds its words,
 * is what makes naive bm25 ordering slow at a million articles. So the candidates are the newest
 * K matches (FTS5 walks its doclists backwards from the newest rowid and stops at K; rowids grow
 * with arrival, which is close to publication order), ranked by bm25 x freshness. When fewer
 * than K match, every match is ranked: rare words and small stores see exact bm25 order. Only
 * the page's rows are then read in full, with their snippets.
 */
export class SqliteSearchRepo implements SearchRepo {
  constructor(private readonly db: Kysely<DB>) {}

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
    const matches = await this.count(match);
    if (matches === 0) return { hits: [], total: 0 };

    const need = offset + limit;
    const phrase = phraseOf(match);
    const bounds = joined ? FILTERED_CANDIDATES : phrase ? PHRASE_CANDIDATES : CANDIDATES;
    const k = Math.max(need, Math.min(bounds.max, Math.max(bounds.min, need * bounds.perResult)));
    const { ranked, candidates } = await this.rank(match, where, k, Math.max(need, 1), phrase);
    // with filters, the total is what the candidates hold: exact when fewer than K matched, a
    // lower bound otherwise (counting filtered matches over all time is the unbounded part)
    const total = joined ? candidates : matches;
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

  /** Matches of the words alone, counted up to TOTAL_CAP from the FTS index (no row reads). */
  private async count(match: string): Promise<number> {
    const result = await sql<{ n: number }>`
      SELECT count(*) AS n FROM (
        SELECT 1 FROM articles_fts WHERE articles_fts MATCH ${match} LIMIT ${TOTAL_CAP})`.execute(this.db);
    return Number(result.rows[0]?.n ?? 0);
  }

  /** The best `need` of the newest `k` matches, by BM25 (search-rank.ts) x freshness. */
  private async rank(
    match: string,
    where: RawBuilder<unknown>,
    k: number,
    need: number,
    phrase: string | null,
  ): Promise<{ ranked: Ranked[]; candidates: number }> {
    const rows = await sql<CandidateRow>`
      SELECT articles_fts.rowid AS rid, a.id, a.title, a.description, substr(a.text, 1, ${LEAD_CHARS}) AS lead, a.sort_at
      FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
      WHERE ${where}
      ORDER BY articles_fts.rowid DESC
      LIMIT ${k}`.execute(this.db);
    if (rows.rows.length === 0) return { ranked: [], candidates: 0 };
    const max = await sql<{ m: number }>`SELECT max(rowid) AS m FROM articles`.execute(this.db);
    const maxRowid = Number(max.rows[0]?.m ?? 0);
    const unique = [...new Map(queryTerms(match).map((t) => [`${t.term}\u0000${t.prefix}`, t])).values()];
    const terms = await Promise.all(
      unique.map(async (t) => {
        const probe = await sql<{ r: number }>`
          SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ${t.fts}
          ORDER BY rowid DESC LIMIT ${DF_PROBE}`.execute(this.db);
        return {
          ...t,
          df: estimateDf(
            probe.rows.map((x) => Number(x.r)),
            DF_PROBE,
            maxRowid,
          ),
        };
      }),
    );
    const nowMs = Date.now();
    const freshness = (sortAt: string) => {
      const ageDays = Math.max(0, (nowMs - Date.parse(sortAt)) / 86_400_000) || 0;
      return 1 - FRESH_SHARE + FRESH_SHARE / (1 + ageDays / FRESH_DAYS);
    };
    const candidates: Candidate[] = rows.rows.map((r) => ({
      rid: Number(r.rid),
      id: r.id,
      title: r.title,
      description: r.description,
      lead: r.lead ?? '',
      sortAt: r.sort_at,
    }));
    const scored = rankCandidates(
      candidates,
      terms,
      Math.max(maxRowid, candidates.length),
      freshness,
      phrase,
    );
    scored.sort(
      (x, y) =>
        y.score - x.score ||
        y.candidate.sortAt.localeCompare(x.candidate.sortAt) ||
        x.candidate.id.localeCompare(y.candidate.id),
    );
    return {
      ranked: scored.slice(0, need).map((x) => ({ rid: x.candidate.rid, score: x.score })),
      candidates: candidates.length,
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
