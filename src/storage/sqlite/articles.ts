import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { Article, Category, Enrichment, Image } from '../../domain/types.js';
import { limitOf, offsetOf, utc } from '../sql/util.js';
import type { ArticleFilter, ArticleRepo } from '../store.js';
import type { ArticleRow, DB } from './schema.js';
import { bool, chunks, fromJson, toJson } from './util.js';

export function toArticle(r: Omit<Selectable<ArticleRow>, 'rowid' | 'sort_at'>): Article {
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
    paywalled: r.paywalled === 1,
    text: r.text,
    html: r.html,
    leadImage: fromJson<Image | null>(r.lead_image, null),
    images: fromJson<Image[]>(r.images, []),
    category: r.category as Category | null,
    enrichment: fromJson<Enrichment | null>(r.enrichment, null),
    storyId: r.story_id,
    contentHash: r.content_hash,
    duplicateOf: r.duplicate_of,
    fetchedAt: r.fetched_at,
    updatedAt: r.updated_at,
  };
}

/** Every column but id and rowid, from a domain article. */
function columns(a: Article): Omit<ArticleRow, 'rowid' | 'id'> {
  return {
    url: a.url,
    canonical_url: a.canonicalUrl,
    source_id: a.sourceId,
    title: a.title,
    byline: a.byline,
    description: a.description,
    published_at: a.publishedAt,
    modified_at: a.modifiedAt,
    language: a.language,
    site_name: a.siteName,
    section: a.section,
    paywalled: bool(a.paywalled),
    text: a.text,
    html: a.html,
    lead_image: a.leadImage ? toJson(a.leadImage) : null,
    images: toJson(a.images ?? []),
    category: a.category,
    enrichment: a.enrichment ? toJson(a.enrichment) : null,
    story_id: a.storyId,
    content_hash: a.contentHash,
    duplicate_of: a.duplicateOf,
    fetched_at: a.fetchedAt,
    updated_at: a.updatedAt,
    sort_at: utc(a.publishedAt ?? a.fetchedAt),
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
    // an empty id list selects nothing (not everything)
    out = f.ids.length === 0 ? out.where((eb) => eb.val(1), '=', 0) : out.where('articles.id', 'in', f.ids);
  }
  if (f.tag !== undefined) {
    // driven from the tag's index entries (IN), not by testing every article newest first
    // (EXISTS): a tag on a few articles among 100,000 took 200 ms that way
    const tag = f.tag;
    out = out.where('articles.id', 'in', (eb) =>
      eb
        .selectFrom('article_tags')
        .select('article_tags.article_id')
        .where('article_tags.tag_slug', '=', tag),
    );
  }
  return out;
}

export class SqliteArticleRepo implements ArticleRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async upsert(article: Article): Promise<{ created: boolean }> {
    const cols = columns(article);
    // DO NOTHING only on the id conflict: any other constraint failure still throws
    const ins = await this.db
      .insertInto('articles')
      .values({ id: article.id, ...cols })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(ins.numInsertedOrUpdatedRows ?? 0) > 0) return { created: true };
    await this.db.updateTable('articles').set(cols).where('id', '=', article.id).execute();
    return { created: false };
  }

  async get(id: string): Promise<Article | null> {
    const r = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toArticle(r) : null;
  }

  async knownUrls(urls: string[]): Promise<Set<string>> {
    const wanted = [...new Set(urls)];
    const found = new Set<string>();
    for (const part of chunks(wanted)) {
      const rows = await this.db
        .selectFrom('articles')
        .select(['url', 'canonical_url'])
        .where((eb) => eb.or([eb('url', 'in', part), eb('canonical_url', 'in', part)]))
        .execute();
      for (const r of rows) {
        found.add(r.url);
        found.add(r.canonical_url);
      }
    }
    return new Set(wanted.filter((u) => found.has(u)));
  }

  async list(filter: ArticleFilter = {}): Promise<Article[]> {
    if (filter.ids && filter.ids.length > 500) return this.listMany(filter);
    const rows = await applyFilter(this.db.selectFrom('articles').selectAll(), filter)
      .orderBy('sort_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limitOf(filter.limit))
      .offset(offsetOf(filter.offset))
      .execute();
    return rows.map(toArticle);
  }

  /** Long id lists are fetched in slices, then ordered and paged here. */
  private async listMany(filter: ArticleFilter): Promise<Article[]> {
    const all: Array<Selectable<ArticleRow>> = [];
    for (const ids of chunks([...new Set(filter.ids)])) {
      all.push(
        ...(await applyFilter(this.db.selectFrom('articles').selectAll(), { ...filter, ids }).execute()),
      );
    }
    all.sort((a, b) =>
      a.sort_at === b.sort_at ? b.id.localeCompare(a.id) : b.sort_at.localeCompare(a.sort_at),
    );
    const start = offsetOf(filter.offset);
    return all.slice(start, start + limitOf(filter.limit)).map(toArticle);
  }

  async count(filter: Filter = {}): Promise<number> {
    if (filter.ids && filter.ids.length > 500) {
      let n = 0;
      for (const ids of chunks([...new Set(filter.ids)])) n += await this.count({ ...filter, ids });
      return n;
    }
    const r = await applyFilter(
      this.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')),
      filter,
    ).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async findByContentHash(hash: string): Promise<Article | null> {
    // the original, not a copy of it: non-duplicates first, then the earliest
    const r = await this.db
      .selectFrom('articles')
      .selectAll()
      .where('content_hash', '=', hash)
      .orderBy((eb) => eb('duplicate_of', 'is not', null))
      .orderBy('sort_at')
      .orderBy('fetched_at')
      .limit(1)
      .executeTakeFirst();
    return r ? toArticle(r) : null;
  }
}
