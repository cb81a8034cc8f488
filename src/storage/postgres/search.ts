import { type Kysely, type RawBuilder, sql } from 'kysely';
import { foldText } from '../sqlite/fold.js';
import { limitOf, offsetOf, utc } from '../sqlite/util.js';
import type { SearchHit, SearchQuery, SearchRepo } from '../store.js';
import { ARTICLE_COLUMNS, type ArticleRecord, toArticle } from './articles.js';
import { toTsQuery } from './fts.js';
import { MARK_CLOSE, MARK_OPEN, snippetHtml } from './headline.js';
import type { DB } from './schema.js';

/** Relevance x freshness, as on SQLite: fresh keeps all, FRESH_DAYS old keeps 80%, very old 60%. */
const FRESH_SHARE = 0.4;
const FRESH_DAYS = 7;
/** Totals are counted exactly up to this many matches; beyond it the total says "at least". */
export const TOTAL_CAP = 1000;
/** Ranking looks at the last few days first and widens only while the page is not full. */
const WINDOW_DAYS = [3, 30, 365];
const HEADLINE_CHARS = 50_000;
const HEADLINE_OPTIONS = `StartSel="${MARK_OPEN}", StopSel="${MARK_CLOSE}", MaxWords=35, MinWords=15`;

type Ranked = { id: string; score: number };

/**
 * ts_headline() drops whatever its parser takes for markup (tags, entities), so the text it
 * gets has <, > and & swapped for private-use characters, swapped back before escaping; the
 * highlight markers themselves are blanked out of the text.
 */
const SHIELD: Record<string, string> = { '<': '\uE000', '>': '\uE001', '&': '\uE002' };
const UNSHIELD: Record<string, string> = { '\uE000': '<', '\uE001': '>', '\uE002': '&' };
function shield(text: string): string {
  return text.replace(/[\u0002\u0003]/g, ' ').replace(/[<>&]/g, (c) => SHIELD[c] ?? c);
}
function unshield(text: string): string {
  return text.replace(/[\uE000-\uE002]/g, (c) => UNSHIELD[c] ?? c);
}

/**
 * Language-aware search: each article is indexed with the configuration of its language
 * (lede_english, lede_arabic, … lede_simple), so the query is parsed once per configuration in
 * use and each article is matched against the query in its own language (`q` below; the join
 * lets the GIN index serve each configuration's query). Work stays bounded on big tables the
 * way it does on SQLite: matches are counted up to TOTAL_CAP, ranking starts with the last
 * WINDOW_DAYS and widens only while the page is not full, and snippets (ts_headline) are made
 * for the page's rows only.
 */
export class PgSearchRepo implements SearchRepo {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly configs: ReadonlySet<string>,
  ) {}

  async search(query: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
    const tq = toTsQuery(query.q ?? '');
    if (tq === null) return { hits: [], total: 0 };
    const limit = limitOf(query.limit);
    const offset = offsetOf(query.offset);
    const need = offset + limit;
    const filtered = this.filters(query);
    const total = await this.count(tq, filtered, null);
    if (total === 0 || limit === 0) return { hits: [], total };

    const now = new Date();
    let ranked: Ranked[] = [];
    const small = total < TOTAL_CAP && total <= need;
    const sinceMs = query.since ? Date.parse(query.since) : Number.NaN;
    const windows: Array<string | null> = [];
    if (!small) {
      for (const days of WINDOW_DAYS) {
        const start = now.getTime() - days * 86_400_000;
        if (Number.isFinite(sinceMs) && sinceMs >= start) break;
        windows.push(new Date(start).toISOString());
      }
    }
    windows.push(null);
    for (const since of windows) {
      ranked = await this.rank(tq, filtered, since, now, need);
      if (ranked.length >= need) break;
    }
    const page = ranked.slice(offset, offset + limit);
    if (page.length === 0) return { hits: [], total };
    return { hits: await this.hits(tq, page), total };
  }

  private filters(q: SearchQuery): RawBuilder<unknown> {
    const parts: RawBuilder<unknown>[] = [sql`TRUE`];
    if (q.sourceId !== undefined) parts.push(sql`a.source_id = ${q.sourceId}`);
    if (q.category !== undefined) parts.push(sql`a.category = ${q.category}`);
    if (q.language !== undefined) parts.push(sql`a.language = ${q.language}`);
    if (q.since !== undefined) parts.push(sql`a.sort_at >= ${utc(q.since)}`);
    if (q.before !== undefined) parts.push(sql`a.sort_at < ${utc(q.before)}`);
    return sql.join(parts, sql` AND `);
  }

  /**
   * Matching rows: the GIN index is searched once with the query parsed by every configuration
   * in use, ORed (a constant, so the planner uses the index), then each candidate is checked
   * against the query parsed in its own language (`q` below is that per-row query).
   */
  private matches(tq: string): RawBuilder<unknown> {
    const any = sql`(SELECT string_agg('(' || q::text || ')', ' | ')::tsquery
      FROM (SELECT to_tsquery(c, ${tq}) AS q FROM unnest(${[...this.configs]}::regconfig[]) AS c) x
      WHERE numnode(q) > 0)`;
    return sql`articles a CROSS JOIN LATERAL (SELECT to_tsquery(a.search_config, ${tq}) AS tq) q
      WHERE a.tsv @@ ${any} AND a.tsv @@ q.tq`;
  }

  private async count(tq: string, filtered: RawBuilder<unknown>, since: string | null): Promise<number> {
    const window = since ? sql`AND a.sort_at >= ${since}` : sql``;
    const r = await sql<{ n: string }>`
      SELECT count(*) AS n FROM (
        SELECT 1 FROM ${this.matches(tq)} AND ${filtered} ${window} LIMIT ${TOTAL_CAP}) x`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }

  private async rank(
    tq: string,
    filtered: RawBuilder<unknown>,
    since: string | null,
    now: Date,
    need: number,
  ): Promise<Ranked[]> {
    const window = since ? sql`AND a.sort_at >= ${since}` : sql``;
    const ageDays = sql`greatest(0, extract(epoch FROM (${now.toISOString()}::timestamptz - a.sort_at)) / 86400.0)`;
    const rows = await sql<{ id: string; score: number }>`
      SELECT a.id, ts_rank(a.tsv, q.tq) * (${1 - FRESH_SHARE} + ${FRESH_SHARE} / (1 + ${ageDays} / ${FRESH_DAYS}))
        AS score
      FROM ${this.matches(tq)}
      AND ${filtered} ${window}
      ORDER BY score DESC, a.sort_at DESC, a.id
      LIMIT ${need}`.execute(this.db);
    return rows.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  }

  /** The page's articles with their snippets (from the body, else the description). */
  private async hits(tq: string, page: Ranked[]): Promise<SearchHit[]> {
    const rows = await this.db
      .selectFrom('articles')
      .select([...ARTICLE_COLUMNS, 'search_config'])
      .where('id', '=', sql<string>`ANY(${page.map((p) => p.id)}::text[])`)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const found = page.flatMap((p) => {
      const r = byId.get(p.id);
      return r ? [{ ...p, row: r }] : [];
    });
    const docs = found.map(({ row }) =>
      shield((row.text !== '' ? row.text : (row.description ?? '')).slice(0, HEADLINE_CHARS)),
    );
    const folded = docs.map((d) => foldText(d) ?? '');
    const marked = await sql<{ i: string; h: string }>`
      SELECT t.i, ts_headline(t.c::regconfig, t.d, to_tsquery(t.c::regconfig, ${tq}), ${HEADLINE_OPTIONS}) AS h
      FROM unnest(${found.map((f) => String(f.row.search_config))}::text[], ${folded}::text[])
        WITH ORDINALITY AS t(c, d, i)`.execute(this.db);
    const byIndex = new Map(marked.rows.map((r) => [Number(r.i) - 1, r.h]));
    return found.map(({ row, score }, i) => {
      const { search_config: _cfg, ...record } = row;
      return {
        article: toArticle(record as ArticleRecord),
        snippet: snippetHtml(docs[i], folded[i], byIndex.get(i) ?? '', unshield),
        score,
      };
    });
  }
}
