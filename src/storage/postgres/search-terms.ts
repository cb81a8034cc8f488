// A reader's query parsed once per text search configuration in use (search-configs.ts), for
// search.ts. Each article is matched against the query in its own language's configuration;
// configurations that parse it the same way are grouped, so the usual case (the same lexemes in every language) is a single
// `tsv @@ constant` the planner can estimate from the column statistics and serve from the GIN
// index, and a query that stems differently per language is a few such terms ORed.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from './schema.js';
import type { SearchConfigs } from './search-configs.js';

export interface TermGroup {
  /** the query as parsed by these configurations (tsquery text) */
  tsquery: string;
  /** the configurations that parse it so; null when it is every configuration in use */
  configs: string[] | null;
}

/** Parsed queries kept per store: a few hundred recent queries cover repeated searches. */
const CACHE_SIZE = 500;

export class TermParser {
  private readonly cache = new Map<string, TermGroup[]>();
  private version = -1;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly configs: SearchConfigs,
  ) {}

  /** The groups for a to_tsquery() input; none when every configuration drops every word. */
  async parse(tq: string): Promise<TermGroup[]> {
    const { configs, version } = await this.configs.inUse(this.db);
    if (version !== this.version) {
      this.cache.clear();
      this.version = version;
    }
    const cached = this.cache.get(tq);
    if (cached) {
      this.cache.delete(tq);
      this.cache.set(tq, cached);
      return cached;
    }
    const { rows } = await sql<{ c: string; q: string }>`
      SELECT c::text AS c, q::text AS q
      FROM (SELECT c, to_tsquery(c, ${tq}) AS q FROM unnest(${[...configs]}::regconfig[]) AS c) x
      WHERE numnode(q) > 0`.execute(this.db);
    const byQuery = new Map<string, string[]>();
    for (const r of rows) byQuery.set(r.q, [...(byQuery.get(r.q) ?? []), r.c]);
    const groups = [...byQuery].map(([tsquery, parsedBy]) => ({
      tsquery,
      configs: parsedBy.length === configs.size ? null : parsedBy,
    }));
    this.cache.set(tq, groups);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return groups;
  }
}

/**
 * Rows of `a` (articles) that match: each group's query, on the articles of its configurations.
 * The configuration is tested first: a row read from the table (not through the GIN index) then
 * has its vector decompressed and matched once, by its own group only.
 */
export function matchOf(groups: TermGroup[]): RawBuilder<unknown> {
  return sql.join(
    groups.map((g) =>
      g.configs === null
        ? sql`a.tsv @@ ${g.tsquery}::tsquery`
        : sql`(a.search_config = ANY(${g.configs}::regconfig[]) AND a.tsv @@ ${g.tsquery}::tsquery)`,
    ),
    sql` OR `,
  );
}

/** The query of the row's own configuration, for ts_rank (`row` is an alias with search_config). */
export function queryOf(groups: TermGroup[], row: string): RawBuilder<unknown> {
  const config = sql.ref(`${row}.search_config`);
  const last = groups.length - 1;
  if (last === 0) return sql`${groups[0].tsquery}::tsquery`;
  const cases = groups
    .slice(0, last)
    .map((g) => sql`WHEN ${config} = ANY(${g.configs ?? []}::regconfig[]) THEN ${g.tsquery}::tsquery`);
  return sql`CASE ${sql.join(cases, sql` `)} ELSE ${groups[last].tsquery}::tsquery END`;
}

/** Whether a group needs word positions (a phrase): the GIN index cannot check those. */
export function hasPhrase(groups: TermGroup[]): boolean {
  return groups.some((g) => /<\d*->/.test(g.tsquery));
}
