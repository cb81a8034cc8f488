// An article as both backends store it: the row read back to a domain Article, and an Article
// to the columns both write. JSON, booleans and the ordering time go through the backend's codec.
import type { Selectable } from 'kysely';
import type { Article, Category, Enrichment, Image } from '../../domain/types.js';
import type { SqlCodec } from './codec.js';
import { type ArticleTable, isTrue, type StoredBool } from './tables.js';

/** The article columns a reader selects: never a backend's own (rowid, search vector…). */
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

export type ArticleRecord = Pick<Selectable<ArticleTable>, (typeof ARTICLE_COLUMNS)[number]>;

export function toArticle(r: ArticleRecord, codec: SqlCodec): Article {
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
    paywalled: isTrue(r.paywalled),
    text: r.text,
    html: r.html,
    leadImage: codec.fromJson<Image | null>(r.lead_image, null),
    images: codec.fromJson<Image[]>(r.images, []),
    category: r.category as Category | null,
    enrichment: codec.fromJson<Enrichment | null>(r.enrichment, null),
    storyId: r.story_id,
    contentHash: r.content_hash,
    duplicateOf: r.duplicate_of,
    fetchedAt: r.fetched_at,
    updatedAt: r.updated_at,
  };
}

const json = (value: unknown) => JSON.stringify(value);

/** Every shared column but id, from a domain article (sort_at: published time, else fetch time). */
export function articleColumns<Bool extends StoredBool>(
  a: Article,
  codec: Pick<SqlCodec, 'orderingTime'> & { bool(value: boolean): Bool },
) {
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
    paywalled: codec.bool(a.paywalled),
    text: a.text,
    html: a.html,
    lead_image: a.leadImage ? json(a.leadImage) : null,
    images: json(a.images ?? []),
    category: a.category,
    enrichment: a.enrichment ? json(a.enrichment) : null,
    story_id: a.storyId,
    content_hash: a.contentHash,
    duplicate_of: a.duplicateOf,
    fetched_at: a.fetchedAt,
    updated_at: a.updatedAt,
    sort_at: codec.orderingTime(a.publishedAt, a.fetchedAt),
  };
}
