import { type Kysely, sql } from 'kysely';
import type { Article } from '../../domain/types.js';
import { articleColumns } from '../sql/article-row.js';
import { SqlArticleRepo } from '../sql/articles.js';
import { postgresCodec } from '../sql/postgres-codec.js';
import { sqlTables } from '../sql/tables.js';
import { clean, indexed } from './fts.js';
import type { DB } from './schema.js';
import type { SearchConfigs } from './search-configs.js';

/**
 * Column values of an article: the shared ones of its text cleaned for PostgreSQL, plus the search
 * configuration and vector (title A, description B, body D).
 */
export function articleValues(a: Article, configs: SearchConfigs) {
  const cfg = configs.forLanguage(a.language);
  const tsv = sql<string>`setweight(to_tsvector(${cfg}::regconfig, ${indexed(a.title)}), 'A')
    || setweight(to_tsvector(${cfg}::regconfig, ${indexed(a.description)}), 'B')
    || setweight(to_tsvector(${cfg}::regconfig, ${indexed(a.text)}), 'D')`;
  const cleaned: Article = {
    ...a,
    title: clean(a.title),
    description: a.description === null ? null : clean(a.description),
    text: clean(a.text),
    html: clean(a.html),
  };
  return { ...articleColumns(cleaned, postgresCodec), search_config: cfg, tsv };
}

export class PgArticleRepo extends SqlArticleRepo {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly configs: SearchConfigs,
  ) {
    super(sqlTables(db), postgresCodec);
  }

  async upsert(article: Article): Promise<{ created: boolean }> {
    const cols = articleValues(article, this.configs);
    // xmax = 0 only on a freshly inserted row: tells an insert from an update in one statement
    const r = await this.db
      .insertInto('articles')
      .values({ id: article.id, ...cols })
      .onConflict((oc) => oc.column('id').doUpdateSet(cols))
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .executeTakeFirstOrThrow();
    return { created: r.inserted };
  }

  async knownUrls(urls: string[]): Promise<Set<string>> {
    const wanted = [...new Set(urls)];
    if (wanted.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('articles')
      .select(['url', 'canonical_url'])
      .where((eb) =>
        eb.or([postgresCodec.oneOf('url', wanted), postgresCodec.oneOf('canonical_url', wanted)]),
      )
      .execute();
    const found = new Set<string>();
    for (const r of rows) {
      found.add(r.url);
      found.add(r.canonical_url);
    }
    return new Set(wanted.filter((u) => found.has(u)));
  }
}
