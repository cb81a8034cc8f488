import { type Kysely, type RawBuilder, sql } from 'kysely';
import { toArticle } from '../sql/article-row.js';
import { searchFilters } from '../sql/search-filters.js';
import { sqliteCodec } from '../sql/sqlite-codec.js';
import { limitOf, offsetOf } from '../sql/util.js';
import type { SearchHit, SearchQuery, SearchRepo } from '../store.js';
import { headlineQuery, toFtsQuery } from './fts-query.js';
import { highlightToHtml, MARK_CLOSE, MARK_OPEN } from './highlight.js';
import type { ArticleRow, DB } from './schema.js';
import { PrefixExpander, type PrefixRewrite, rowidRuns } from './search-prefix.js';
import {
  type Candidate,
  estimateDf,
  LEAD_CHARS,
  phraseOf,
  queryTerms,
  type RankTerm,
  rankCandidates,
} from './search-rank.js';
import { chunks } from './util.js';

// The snippet comes from the body (the title is shown beside it anyway), or the description
// when there is no body. Field weights of the ranking are in search-rank.ts.
const SNIPPET_TOKENS = 32;
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
/** Newest matches probed per term to estimate its document frequency. */
const DF_PROBE = 200;
type Row = ArticleRow & { rid: number; snip: string };
type Bounds = { min: number; perResult: number; max: number };

/** Newest matches ranked per query (K grows with the page asked for). */
const CANDIDATES: Bounds = { min: 200, perResult: 5, max: 2000 };
/** With filters each match costs a row read before it is a candidate: fewer. */
const FILTERED_CANDIDATES: Bounds = { min: 100, perResult: 5, max: 500 };
/** Matches with a query word in the title, of any age, ranked beside the newest ones. */
const HEADLINE_CANDIDATES: Bounds = { min: 200, perResult: 2, max: 500 };
/**
 * Matches the title pass may walk: it covers the whole archive for rare and middling words,
 * and for common ones the stretch that holds their newest HEADLINE_SCAN matches (their recent
 * title matches are many, and fresher than old ones). 20,000 single-word matches are 1-2 ms.
 */
const HEADLINE_SCAN = 20_000;
/** Matches a filtered search walks newest first, each with a row read (about 1.5 µs). */
const FILTER_SCAN = 5_000;
/** Matches looked at first, to tell filters that pass few of the newest matches. */
const FILTER_PROBE = 500;
/** Filtered articles walked beyond them, each with an FTS index lookup (about 7 µs). */
const FILTER_WALK = 2_000;

const candidatesFor = (bounds: Bounds, need: number) =>
  Math.max(need, Math.min(bounds.max, Math.max(bounds.min, need * bounds.perResult)));

const CANDIDATE_COLUMNS = sql`a.rowid AS rid, a.id, a.title, a.description,
  substr(a.text, 1, ${LEAD_CHARS}) AS lead, a.sort_at`;

/**
 * A rowid bound FTS5 can seek to: it uses a bound only when it is an SQL integer, and the
 * driver sends JavaScript numbers as reals (FTS5 then walks every match and SQLite filters).
 */
const rowidBound = (rowid: number) => BigInt(Math.floor(rowid));

/**
 * Bounded search. The cost of FTS5 follows the number of matching rows: ranking every match of
 * a common word, or checking a phrase of common words in every document that holds its words,
 * is what makes naive bm25 ordering slow at a million articles. So the candidates are
 *  - the newest K matches (FTS5 walks its doclists backwards from the newest rowid and stops
 *    at K; rowids grow with arrival, which is close to publication order), and
 *  - the newest matches with a query word in their title (the field that weighs most), over
 *    the whole archive unless the query is common (then over the stretch that holds its newest
 *    HEADLINE_SCAN matches), so a very relevant older article is not missed,
 * ranked together by bm25 x freshness. When fewer than K match, every match is ranked: rare
 * words and small stores see exact bm25 order. Only the page's rows are then read in full,
 * with their snippets.
 */
export class SqliteSearchRepo implements SearchRepo {
  private readonly prefixes: PrefixExpander;

  constructor(private readonly db: Kysely<DB>) {
    this.prefixes = new PrefixExpander(db);
  }

  async search(query: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
    const match = toFtsQuery(query.q ?? '');
    if (match === null) return { hits: [], total: 0 };
    // what FTS5 evaluates: long prefixes as ORs of their completions (search-prefix.ts); the
    // ranking reads the query as typed
    const expansion = await this.prefixes.expand(match);
    const { rewrite } = expansion;
    const fts = rewrite(match);
    const filters = searchFilters(query);
    const limit = limitOf(query.limit);
    const offset = offsetOf(query.offset);
    const need = offset + limit;
    // the newest matches of the words alone, up to TOTAL_CAP, from the FTS index (no row
    // reads): the total when nothing filters, and how common the query is
    const newest = await this.newest(fts, TOTAL_CAP);
    if (newest.length === 0) return { hits: [], total: 0 };
    const maxRowid = await this.maxRowid();
    const everything = newest.length < TOTAL_CAP;
    const density =
      newest.length / Math.max(1, everything ? maxRowid : maxRowid - newest[newest.length - 1] + 1);
    const terms = await this.terms(match, rewrite, newest, maxRowid);
    const phrase = phraseOf(match);
    // how densely the rowids walked by a scan of the query hold work: a phrase is checked in
    // every document that holds its words (as many as its rarest word at most)
    const walked = phrase ? Math.max(density, Math.min(...terms.map((t) => t.df)) / maxRowid) : density;

    let recent: CandidateRow[];
    let total: number;
    let complete: boolean;
    if (filters.length === 0) {
      const k = candidatesFor(CANDIDATES, need);
      recent = await this.rows(newest.slice(0, k));
      total = newest.length;
      complete = everything && newest.length <= k;
    } else {
      // with filters, the total is what the candidates hold: exact when every match was
      // seen, a lower bound otherwise (counting filtered matches over all time is the
      // unbounded part). The newest matches are walked as far back as FILTER_SCAN of them
      // reach; when too few of them pass (an old date range, a small source), the filtered
      // articles older than that are walked instead, newest first, each checked in the index.
      const k = candidatesFor(FILTERED_CANDIDATES, need);
      const floor = everything ? 0 : Math.max(0, maxRowid - Math.ceil(FILTER_SCAN / walked));
      // a first look at the newest FILTER_PROBE matches: when none passes, the filters select
      // another part of the archive, walked directly
      let scanned = everything ? 0 : Math.max(floor, maxRowid - Math.ceil(FILTER_PROBE / walked));
      recent = await this.filtered(fts, filters, k, scanned);
      if (scanned > floor && recent.length > 0 && recent.length < k) {
        scanned = floor;
        recent = await this.filtered(fts, filters, k, scanned);
      }
      complete = scanned === 0 && recent.length < k;
      if (scanned > 0 && recent.length < k)
        recent = [...recent, ...(await this.filteredOlder(fts, filters, k - recent.length, scanned))];
      total = recent.length;
    }
    let candidates = recent;
    if (!complete) {
      // with filters the stretch walked ends at the newest candidate (where an old date range
      // sits), and a filter reads the row of every title match: half the walk then
      const top =
        filters.length > 0 && recent.length > 0 ? Math.max(...recent.map((r) => Number(r.rid))) : maxRowid;
      const span = Math.ceil(HEADLINE_SCAN / (filters.length > 0 ? 2 : 1) / walked);
      const floor = everything ? 0 : Math.max(0, top - span);
      const seen = new Set(recent.map((r) => Number(r.rid)));
      const older = (
        await this.headlines(
          rewrite(headlineQuery(match)),
          filters,
          floor,
          top,
          candidatesFor(HEADLINE_CANDIDATES, need),
        )
      ).filter((rid) => !seen.has(rid));
      candidates = [...recent, ...(await this.rows(older))];
      if (filters.length > 0) total = Math.max(total, candidates.length);
    }
    const ranked = this.rank(candidates, terms, maxRowid, need, phrase);
    const page = ranked.slice(offset, offset + limit);
    if (page.length === 0) return { hits: [], total };
    // each evaluation of the page's rows seeks every word of the query: rowid by rowid for a
    // few words, over runs of the page's rowids for an OR of completions, over the page's whole
    // range for a prefix FTS5 merges (each evaluation merges every completion)
    const rids = page.map((p) => p.rid);
    const runs =
      expansion.words > 0
        ? rowidRuns(rids, expansion.words, expansion.docs / Math.max(1, maxRowid))
        : /"\*/.test(fts)
          ? [rids]
          : null;
    return { hits: await this.hits(fts, page, runs), total };
  }

  /** Rowids of the newest `n` matches of an FTS query, newest first (index only). */
  private async newest(match: string, n: number, floor = 0): Promise<number[]> {
    const result = await sql<{ r: number }>`
      SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ${match} AND rowid >= ${rowidBound(floor)}
      ORDER BY rowid DESC LIMIT ${n}`.execute(this.db);
    return result.rows.map((x) => Number(x.r));
  }

  private async maxRowid(): Promise<number> {
    const max = await sql<{ m: number | null }>`SELECT max(rowid) AS m FROM articles`.execute(this.db);
    return Number(max.rows[0]?.m ?? 0);
  }

  /** What the ranking reads of the articles with these rowids. */
  private async rows(rids: number[]): Promise<CandidateRow[]> {
    const out: CandidateRow[] = [];
    for (const part of chunks(rids)) {
      const result = await sql<CandidateRow>`
        SELECT ${CANDIDATE_COLUMNS} FROM articles a WHERE a.rowid IN (${sql.join(part)})`.execute(this.db);
      out.push(...result.rows);
    }
    return out;
  }

  /** The newest `k` matches that pass the filters, with what the ranking reads of them. */
  private async filtered(
    match: string,
    filters: RawBuilder<unknown>[],
    k: number,
    floor: number,
  ): Promise<CandidateRow[]> {
    const result = await sql<CandidateRow>`
      SELECT ${CANDIDATE_COLUMNS}
      FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
      WHERE articles_fts MATCH ${match} AND articles_fts.rowid >= ${rowidBound(floor)}
        AND ${sql.join(filters, sql` AND `)}
      ORDER BY articles_fts.rowid DESC
      LIMIT ${k}`.execute(this.db);
    return result.rows;
  }

  /**
   * Up to `k` matches among the newest FILTER_WALK articles below rowid `ceiling` that pass the
   * filters (walked through the filters' index in time order, each looked up in the FTS index).
   */
  private async filteredOlder(
    match: string,
    filters: RawBuilder<unknown>[],
    k: number,
    ceiling: number,
  ): Promise<CandidateRow[]> {
    const result = await sql<CandidateRow>`
      SELECT ${CANDIDATE_COLUMNS} FROM articles a WHERE a.rowid IN (
        SELECT r FROM (
          SELECT a.rowid AS r FROM articles a
          WHERE a.rowid < ${rowidBound(ceiling)} AND ${sql.join(filters, sql` AND `)}
          ORDER BY a.sort_at DESC LIMIT ${FILTER_WALK})
        WHERE EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ${match} AND rowid = r)
        LIMIT ${k})`.execute(this.db);
    return result.rows;
  }

  /**
   * Rowids of the newest `k` matches of `headline` (the query's matches with a query word in
   * their title), between rowids `floor` and `top` (the whole index above `floor` when nothing
   * filters).
   */
  private async headlines(
    headline: string,
    filters: RawBuilder<unknown>[],
    floor: number,
    top: number,
    k: number,
  ): Promise<number[]> {
    if (filters.length === 0) return this.newest(headline, k, floor);
    const result = await sql<{ r: number }>`
      SELECT articles_fts.rowid AS r
      FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
      WHERE articles_fts MATCH ${headline}
        AND articles_fts.rowid BETWEEN ${rowidBound(floor)} AND ${rowidBound(top)}
        AND ${sql.join(filters, sql` AND `)}
      ORDER BY articles_fts.rowid DESC
      LIMIT ${k}`.execute(this.db);
    return result.rows.map((x) => Number(x.r));
  }

  /** The query's distinct terms, each with its document frequency estimated from its newest matches. */
  private async terms(
    match: string,
    rewrite: PrefixRewrite,
    newest: number[],
    maxRowid: number,
  ): Promise<RankTerm[]> {
    const unique = [...new Map(queryTerms(match).map((t) => [`${t.term}\u0000${t.prefix}`, t])).values()];
    return Promise.all(
      unique.map(async (t) => {
        // a one-word query's own newest matches are its probe (one evaluation less of a prefix)
        const probe =
          t.fts === match ? newest.slice(0, DF_PROBE) : await this.newest(rewrite(t.fts), DF_PROBE);
        return { ...t, df: estimateDf(probe, DF_PROBE, maxRowid) };
      }),
    );
  }

  /** The best `need` candidates, by BM25 (search-rank.ts) x freshness. */
  private rank(
    rows: CandidateRow[],
    terms: RankTerm[],
    maxRowid: number,
    need: number,
    phrase: string | null,
  ): Ranked[] {
    const candidates: Candidate[] = rows.map((r) => ({
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
      Date.now(),
      phrase,
    );
    scored.sort(
      (x, y) =>
        y.score - x.score ||
        y.candidate.sortAt.localeCompare(x.candidate.sortAt) ||
        x.candidate.id.localeCompare(y.candidate.id),
    );
    return scored.slice(0, need).map((x) => ({ rid: x.candidate.rid, score: x.score }));
  }

  /**
   * The page's articles in full, with highlighted snippets, in ranked order. FTS5 looks each
   * listed rowid up with a fresh evaluation of the query; with `runs`, the query is evaluated
   * once over each run's rowid range instead (the unary + keeps the list out of FTS5's hands).
   */
  private async hits(match: string, page: Ranked[], runs: number[][] | null): Promise<SearchHit[]> {
    const pageRows = runs
      ? runs.map(
          (
            run,
          ) => sql`articles_fts.rowid BETWEEN ${rowidBound(Math.min(...run))} AND ${rowidBound(Math.max(...run))}
            AND +articles_fts.rowid IN (${sql.join(run)})`,
        )
      : [sql`articles_fts.rowid IN (${sql.join(page.map((p) => p.rid))})`];
    const rows: Row[] = [];
    for (const rowsOf of pageRows) {
      const result = await sql<Row>`
        SELECT a.*, articles_fts.rowid AS rid,
          coalesce(
            nullif(snippet(articles_fts, 2, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_TOKENS}), ''),
            snippet(articles_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_TOKENS})
          ) AS snip
        FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
        WHERE articles_fts MATCH ${match} AND ${rowsOf}`.execute(this.db);
      rows.push(...result.rows);
    }
    const byRid = new Map(rows.map((r) => [Number(r.rid), r]));
    const hits: SearchHit[] = [];
    for (const { rid, score } of page) {
      const r = byRid.get(rid);
      if (!r) continue;
      const { rid: _rid, snip, ...row } = r;
      hits.push({
        article: toArticle(row as ArticleRow, sqliteCodec),
        snippet: highlightToHtml(snip ?? ''),
        score,
      });
    }
    return hits;
  }
}
