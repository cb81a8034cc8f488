import { type Kysely, type RawBuilder, sql } from 'kysely';
import { ARTICLE_COLUMNS, type ArticleRecord, toArticle } from '../sql/article-row.js';
import { postgresCodec } from '../sql/postgres-codec.js';
import { searchFilters } from '../sql/search-filters.js';
import { limitOf, offsetOf } from '../sql/util.js';
import { foldText } from '../sqlite/fold.js';
import type { SearchHit, SearchQuery, SearchRepo } from '../store.js';
import { configFor, toTsQuery } from './fts.js';
import { MARK_CLOSE, MARK_OPEN, snippetHtml } from './headline.js';
import type { DB } from './schema.js';
import type { SearchConfigs } from './search-configs.js';
import { hasPhrase, matchOf, queryOf, type TermGroup, TermParser } from './search-terms.js';

/** Relevance x freshness, as on SQLite: fresh keeps all, FRESH_DAYS old keeps 80%, very old 60%. */
const FRESH_SHARE = 0.4;
const FRESH_DAYS = 7;
/** Totals are counted exactly up to this many matches; beyond it the total says "at least". */
export const TOTAL_CAP = 1000;
/** Candidates ranked per query: the newest K matches (K grows with the page asked for), as on SQLite. */
const CANDIDATES = { min: 200, perResult: 5, max: 1000 };
/** Phrases are checked on each row read (the index has no positions): fewer candidates. */
const PHRASE_CANDIDATES = { min: 60, perResult: 3, max: 400 };
/** Filters thin the matches out, so each candidate costs more rows read: fewer again. */
const FILTERED_CANDIDATES = { min: 100, perResult: 5, max: 500 };
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
 * (lede_english, lede_arabic, … lede_simple) and matched against the query parsed by that same
 * configuration (search-terms.ts). Work is bounded the way it is on SQLite, whatever the size
 * of the table: the candidates are the newest K matches (the sort_at index walked backwards for
 * common words, the GIN index then a top-K sort for rarer ones; the planner picks from the
 * column statistics, so a bulk load wants an ANALYZE, which import does), ranked by ts_rank x
 * freshness; matches are counted up to TOTAL_CAP in the same pass; snippets (ts_headline) are
 * made for the page's rows only.
 */
export class PgSearchRepo implements SearchRepo {
  private readonly terms: TermParser;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly configs: SearchConfigs,
  ) {
    this.terms = new TermParser(db, configs);
  }

  async search(query: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
    const tq = toTsQuery(query.q ?? '');
    if (tq === null) return { hits: [], total: 0 };
    const groups = this.ofLanguage(await this.terms.parse(tq), query.language);
    if (groups.length === 0) return { hits: [], total: 0 };
    const limit = limitOf(query.limit);
    const offset = offsetOf(query.offset);
    const need = offset + limit;
    const phrase = hasPhrase(groups);
    const filterParts = searchFilters(query);
    const filters = filterParts.length > 0 ? sql.join(filterParts, sql` AND `) : null;
    const bounds = filters ? FILTERED_CANDIDATES : phrase ? PHRASE_CANDIDATES : CANDIDATES;
    const k = Math.max(need, Math.min(bounds.max, Math.max(bounds.min, need * bounds.perResult)));
    const where = sql`(${matchOf(groups)}) AND ${filters ?? sql`TRUE`}`;
    // words: the newest matches are read up to TOTAL_CAP (the total, exact below it) in the
    // same pass. A phrase is checked on each row that holds its words (the index has no
    // positions), and filters leave a share of the rows read: reading on to TOTAL_CAP is
    // unbounded work when the words are common, so their total is the candidates, exact when
    // fewer than K and a lower bound otherwise (as on SQLite with filters)
    const cap = phrase || filters ? k : Math.max(k, TOTAL_CAP);
    const { ranked, total } = await this.rank(groups, where, cap, k, Math.max(need, 1));
    const page = ranked.slice(offset, offset + limit);
    if (page.length === 0) return { hits: [], total };
    return { hits: await this.hits(tq, page), total };
  }

  /**
   * With a language filter, only the query as that language's configuration parses it: no scan
   * for the words of other languages among articles that cannot match (a word that is a stop
   * word in the language matches nothing, at once).
   */
  private ofLanguage(groups: TermGroup[], language: string | undefined): TermGroup[] {
    if (language === undefined) return groups;
    const config = configFor(language, this.configs.available);
    return groups
      .filter((g) => g.configs === null || g.configs.includes(config))
      .map((g) => ({ tsquery: g.tsquery, configs: [config] }));
  }

  /** The best `need` of the newest `k` matches, and the matches counted up to `cap`. */
  private async rank(
    groups: TermGroup[],
    where: RawBuilder<unknown>,
    cap: number,
    k: number,
    need: number,
  ): Promise<{ ranked: Ranked[]; total: number }> {
    const now = new Date().toISOString();
    const ageDays = sql`greatest(0, extract(epoch FROM (${now}::timestamptz - c.sort_at)) / 86400.0)`;
    const rows = await sql<{ id: string; score: number; total: string }>`
      SELECT c.id, c.total,
        ts_rank(c.tsv, ${queryOf(groups, 'c')}) * (${1 - FRESH_SHARE} + ${FRESH_SHARE} / (1 + ${ageDays} / ${FRESH_DAYS}))
          AS score
      FROM (SELECT m.*, count(*) OVER () AS total
            FROM (SELECT a.id, a.sort_at, a.search_config, a.tsv FROM articles a WHERE ${where}
                  ORDER BY a.sort_at DESC, a.id DESC LIMIT ${cap}) m
            ORDER BY m.sort_at DESC, m.id DESC LIMIT ${k}) c
      ORDER BY score DESC, c.sort_at DESC, c.id
      LIMIT ${need}`.execute(this.db);
    return {
      ranked: rows.rows.map((r) => ({ id: r.id, score: Number(r.score) })),
      total: Number(rows.rows[0]?.total ?? 0),
    };
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
        article: toArticle(record as ArticleRecord, postgresCodec),
        snippet: snippetHtml(docs[i], folded[i], byIndex.get(i) ?? '', unshield),
        score,
      };
    });
  }
}
