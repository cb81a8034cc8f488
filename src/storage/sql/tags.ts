import { type Kysely, sql } from 'kysely';
import type { Tag } from '../../domain/types.js';
import type { Page, TagRepo } from '../store.js';
import type { SqlCodec } from './codec.js';
import type { TagRow } from './rows.js';
import type { SqlTables } from './tables.js';
import { limitOf, offsetOf, utc } from './util.js';

function toTag(r: TagRow): Tag {
  return { slug: r.slug, name: r.name, type: r.type as Tag['type'], country: r.country ?? null };
}

/** The TagRepo of both backends. */
export class SqlTagRepo implements TagRepo {
  constructor(
    private readonly db: Kysely<SqlTables>,
    private readonly codec: SqlCodec,
  ) {}

  async setForArticle(articleId: string, tags: Tag[]): Promise<void> {
    // one entry per slug, first occurrence wins (its position is kept); PostgreSQL also
    // refuses an upsert that touches the same row twice
    const unique = [...new Map(tags.map((t) => [t.slug, t] as const)).values()];
    if (unique.length > 0) {
      await this.db
        .insertInto('tags')
        .values(unique.map((t) => ({ slug: t.slug, name: t.name, type: t.type, country: t.country ?? null })))
        .onConflict((oc) =>
          oc.column('slug').doUpdateSet({
            name: sql`excluded.name`,
            type: sql`excluded.type`,
            country: sql`excluded.country`,
          }),
        )
        .execute();
    }
    await this.db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
    if (unique.length === 0) return;
    await this.db
      .insertInto('article_tags')
      .values(unique.map((t, position) => ({ article_id: articleId, tag_slug: t.slug, position })))
      .execute();
  }

  async forArticle(articleId: string): Promise<Tag[]> {
    const rows = await this.db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.slug', 'article_tags.tag_slug')
      .select(['tags.slug', 'tags.name', 'tags.type', 'tags.country'])
      .where('article_tags.article_id', '=', articleId)
      .orderBy('article_tags.position')
      .execute();
    return rows.map(toTag);
  }

  async get(slug: string): Promise<Tag | null> {
    const r = await this.db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
    return r ? toTag(r) : null;
  }

  async trending(filter: Page & { since?: string } = {}): Promise<Array<Tag & { count: number }>> {
    let q = this.db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.slug', 'article_tags.tag_slug')
      .select((eb) => ['tags.slug', 'tags.name', 'tags.type', 'tags.country', eb.fn.countAll().as('n')])
      .groupBy('tags.slug');
    if (filter.since !== undefined) {
      q = q
        .innerJoin('articles', 'articles.id', 'article_tags.article_id')
        .where('articles.sort_at', '>=', utc(filter.since));
    }
    const rows = await q
      .orderBy('n', 'desc')
      .orderBy(this.codec.bytewise('tags.slug'))
      .limit(limitOf(filter.limit))
      .offset(offsetOf(filter.offset))
      .execute();
    // a number on SQLite, a bigint's text on PostgreSQL
    return rows.map((r) => ({ ...toTag(r), count: Number(r.n) }));
  }
}
