import { type Kysely, type Selectable, sql } from 'kysely';
import type { Category, Story } from '../../domain/types.js';
import { chunks } from '../sqlite/util.js';
import type { Page, StoryRepo } from '../store.js';
import type { SqlCodec } from './codec.js';
import type { SqlTables, StoryTable } from './tables.js';
import { limitOf, offsetOf, utc } from './util.js';

function toStory(r: Selectable<StoryTable>): Story {
  return {
    id: r.id,
    title: r.title,
    leadArticleId: r.lead_article_id,
    articleCount: r.article_count,
    sourceCount: r.source_count,
    category: r.category as Category | null,
    firstPublishedAt: r.first_published_at,
    lastPublishedAt: r.last_published_at,
    mergedInto: r.merged_into,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Hours of age are discounted like a news front page: breadth over (age + 2)^1.5. */
const GRAVITY = 1.5;

/** The StoryRepo of both backends. */
export class SqlStoryRepo implements StoryRepo {
  constructor(
    private readonly db: Kysely<SqlTables>,
    private readonly codec: SqlCodec,
  ) {}

  async upsert(s: Story): Promise<void> {
    const cols = {
      title: s.title,
      lead_article_id: s.leadArticleId,
      article_count: s.articleCount,
      source_count: s.sourceCount,
      category: s.category,
      first_published_at: s.firstPublishedAt,
      last_published_at: s.lastPublishedAt,
      merged_into: s.mergedInto,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
      rank_at: this.codec.orderingTime(s.lastPublishedAt, s.updatedAt),
    };
    await this.db
      .insertInto('stories')
      .values({ id: s.id, ...cols })
      .onConflict((oc) => oc.column('id').doUpdateSet(cols))
      .execute();
  }

  async get(id: string): Promise<Story | null> {
    const r = await this.db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toStory(r) : null;
  }

  async top(filter: Page & { since?: string; category?: Category } = {}): Promise<Story[]> {
    const now = new Date().toISOString();
    let q = this.db.selectFrom('stories').selectAll().where('merged_into', 'is', null);
    if (filter.since !== undefined) q = q.where('rank_at', '>=', utc(filter.since));
    if (filter.category !== undefined) q = q.where('category', '=', filter.category);
    // breadth counts sources first, then (slowly) articles; age in hours, never negative
    const age = this.codec.greatest(sql<number>`0`, this.codec.hoursSince('rank_at', now));
    const score = sql<number>`(source_count + ln(1 + article_count) / 4.0) / pow(${age} + 2, ${GRAVITY})`;
    const rows = await q
      .orderBy(score, 'desc')
      .orderBy('rank_at', 'desc')
      .orderBy('id')
      .limit(limitOf(filter.limit))
      .offset(offsetOf(filter.offset))
      .execute();
    return rows.map(toStory);
  }

  async recordMerge(fromId: string, intoId: string, at: string): Promise<void> {
    if (fromId === intoId) return;
    await this.db
      .insertInto('story_merges')
      .values({ from_id: fromId, into_id: intoId, merged_at: at })
      .onConflict((oc) => oc.column('from_id').doUpdateSet({ into_id: intoId, merged_at: at }))
      .execute();
    // keep chains flat: whatever was merged into `fromId` now points at `intoId`
    await this.db
      .updateTable('story_merges')
      .set({ into_id: intoId })
      .where('into_id', '=', fromId)
      .execute();
    await this.db
      .updateTable('stories')
      .set({ merged_into: intoId, updated_at: at })
      .where((eb) => eb.or([eb('id', '=', fromId), eb('merged_into', '=', fromId)]))
      .execute();
    await this.setArticleStory({ story_id: intoId }).where('story_id', '=', fromId).execute();
  }

  async moveArticles(articleIds: string[], intoId: string, at: string): Promise<void> {
    // in slices: SQLite caps the values one statement binds
    for (const ids of chunks([...new Set(articleIds)])) {
      await this.setArticleStory({ story_id: intoId, updated_at: at })
        .where(this.codec.oneOf('id', ids))
        .execute();
    }
  }

  /** An UPDATE giving articles another story, with the backend's stamp for such rows (SqlCodec). */
  private setArticleStory(columns: { story_id: string; updated_at?: string }) {
    const update = this.db.updateTable('articles').set(columns);
    const stamp = this.codec.storyChangeStamp;
    return stamp ? update.set(stamp[0], stamp[1]) : update;
  }
}
