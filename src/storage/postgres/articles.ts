import { type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type { Article, Category, Enrichment, Image } from '../../domain/types.js';
import { limitOf, offsetOf, utc } from '../sql/util.js';
import type { ArticleFilter, ArticleRepo } from '../store.js';
import { clean, indexed } from './fts.js';
import type { ArticleRow, DB } from './schema.js';
import type { SearchConfigs } from './search-configs.js';

export type ArticleRecord = Omit<Selectable<ArticleRow>, 'tsv' | 'seq' | 'sort_at' | 'search_config'>;

export function toArticle(r: ArticleRecord): Article {
  return {
    id: r.id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    sourceId: r.source_id,
    title: r.title,
    byline: r.byline,
    description: r.description,
    publishedAt: r.published_at,
    modifiedAt: r.modified_at,
    language: r.language,
    siteName: r.site_name,
    section: r.section,
    paywalled: r.paywalled,
    text: r.text,
    html: r.html,
    leadImage: (r.lead_image as Image | null) ?? null,
    images: (r.images as Image[] | null) ?? [],
    category: r.category as Category | null,
    enrichment: (r.enrichment as Enrichment | null) ?? null,
    storyId: r.story_id,
    contentHash: r.content_hash,
    duplicateOf: r.duplicate_of,
    fetchedAt: r.fetched_at,
    updatedAt: r.updated_at,
  };
}

/** The selectable columns (never the tsvector). */
export const ARTICLE_COLUMNS = [
  'id',
  'url',
  'canonical_url',
  'source_id',
  'title',
  'byline',
  'description',
  'published_at',
  'modified_at',
  'language',
  'site_name',
  'section',
  'paywalled',
  'text',
  'html',
  'lead_image',
  'images',
  'category',
  'enrichment',
  'story_id',
  'content_hash',
  'duplicate_of',
  'fetched_at',
  'updated_at',
] as const;

/** A timestamptz-safe ordering time: published, else fetched, else now (unparseable text). */
export function sortAt(publishedAt: string | null, fetchedAt: string): string {
  for (const t of [publishedAt, fetchedAt]) {
    if (t != null && !Number.isNaN(Date.parse(t))) return utc(t);
  }
  return new Date().toISOString();
}

const json = (v: unknown) => JSON.stringify(v);

/** Column values of an article, the search vector included (title A, description B, body D). */
export function articleValues(a: Article, configs: SearchConfigs) {
  const cfg = configs.forLanguage(a.language);
  const tsv = sql<string>`setweight(to_tsvector(${cfg}::regconfig, ${indexed(a.title)}), 'A')
    || setweight(to_tsvector(${cfg}::regconfig, ${indexed(a.description)}), 'B')
    || setweight(to_tsvector(${cfg}::regconfig, ${indexed(a.text)}), 'D')`;
  return {
    url: a.url,
    canonical_url: a.canonicalUrl,
    source_id: a.sourceId,
    title: clean(a.title),
    byline: a.byline,
    description: a.description === null ? null : clean(a.description),
    published_at: a.publishedAt,
    modified_at: a.modifiedAt,
    language: a.language,
    site_name: a.siteName,
    section: a.section,
    paywalled: a.paywalled,
    text: clean(a.text),
    html: clean(a.html),
    lead_image: a.leadImage ? json(a.leadImage) : null,
    images: json(a.images ?? []),
    category: a.category,
    enrichment: a.enrichment ? json(a.enrichment) : null,
    story_id: a.storyId,
    content_hash: a.contentHash,
    duplicate_of: a.duplicateOf,
    fetched_at: a.fetchedAt,
    updated_at: a.updatedAt,
    sort_at: sortAt(a.publishedAt, a.fetchedAt),
    search_config: cfg,
    tsv,
  };
}

type Filter = Omit<ArticleFilter, 'limit' | 'offset'>;

function applyFilter<O>(
  q: SelectQueryBuilder<DB, 'articles', O>,
  f: Filter,
): SelectQueryBuilder<DB, 'articles', O> {
  let out = q;
  if (f.sourceId !== undefined) out = out.where('articles.source_id', '=', f.sourceId);
  if (f.category !== undefined) out = out.where('articles.category', '=', f.category);
  if (f.storyId !== undefined) out = out.where('articles.story_id', '=', f.storyId);
  if (f.language !== undefined) out = out.where('articles.language', '=', f.language);
  if (f.since !== undefined) out = out.where('articles.sort_at', '>=', utc(f.since));
  if (f.before !== undefined) out = out.where('articles.sort_at', '<', utc(f.before));
  if (f.ids !== undefined) {
    const ids = [...new Set(f.ids)];
    out = out.where('articles.id', '=', sql<string>`ANY(${ids}::text[])`);
  }
  if (f.tag !== undefined) {
    const tag = f.tag;
    out = out.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_tags')
          .select('article_tags.article_id')
          .whereRef('article_tags.article_id', '=', 'articles.id')
          .where('article_tags.tag_slug', '=', tag),
      ),
    );
  }
  return out;
}

export class PgArticleRepo implements ArticleRepo {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly configs: SearchConfigs,
  ) {}

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

  async get(id: string): Promise<Article | null> {
    const r = await this.db
      .selectFrom('articles')
      .select(ARTICLE_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? toArticle(r) : null;
  }

  async knownUrls(urls: string[]): Promise<Set<string>> {
    const wanted = [...new Set(urls)];
    if (wanted.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('articles')
      .select(['url', 'canonical_url'])
      .where((eb) =>
        eb.or([
          eb('url', '=', sql<string>`ANY(${wanted}::text[])`),
          eb('canonical_url', '=', sql<string>`ANY(${wanted}::text[])`),
        ]),
      )
      .execute();
    const found = new Set<string>();
    for (const r of rows) {
      found.add(r.url);
      found.add(r.canonical_url);
    }
    return new Set(wanted.filter((u) => found.has(u)));
  }

  async list(filter: ArticleFilter = {}): Promise<Article[]> {
    const rows = await applyFilter(this.db.selectFrom('articles').select(ARTICLE_COLUMNS), filter)
      .orderBy('sort_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limitOf(filter.limit))
      .offset(offsetOf(filter.offset))
      .execute();
    return rows.map(toArticle);
  }

  async count(filter: Filter = {}): Promise<number> {
    const r = await applyFilter(
      this.db.selectFrom('articles').select((eb) => eb.fn.countAll<string>().as('n')),
      filter,
    ).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async findByContentHash(hash: string): Promise<Article | null> {
    const r = await this.db
      .selectFrom('articles')
      .select(ARTICLE_COLUMNS)
      .where('content_hash', '=', hash)
      .orderBy(sql`duplicate_of IS NOT NULL`)
      .orderBy('sort_at')
      .orderBy('fetched_at')
      .limit(1)
      .executeTakeFirst();
    return r ? toArticle(r) : null;
  }
}
