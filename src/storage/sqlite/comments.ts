// Comments and their reports.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Comment, CommentStatus, CommentTargetType, ModerationVerdict } from '../../domain/types.js';
import { limitOf, offsetOf, utc } from '../sql/util.js';
import type { CommentRepo, NewComment, Page, ReportRepo } from '../store.js';
import type { CommentRow } from './people-schema.js';
import type { DB } from './schema.js';
import { chunks, fromJson, toJson } from './util.js';

const toComment = (r: Selectable<CommentRow>): Comment => ({
  id: r.id,
  targetType: r.target_type as CommentTargetType,
  targetId: r.target_id,
  parentId: r.parent_id,
  userId: r.user_id,
  authorName: r.author_name,
  body: r.body,
  status: r.status as CommentStatus,
  moderation: fromJson<ModerationVerdict>(r.moderation, { score: 0, reasons: [] }),
  createdAt: r.created_at,
  editedAt: r.edited_at,
});

export class SqliteCommentRepo implements CommentRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async create(input: NewComment): Promise<{ comment: Comment; created: boolean }> {
    const row: CommentRow = {
      id: randomUUID(),
      target_type: input.targetType,
      target_id: input.targetId,
      parent_id: input.parentId,
      user_id: input.userId,
      author_name: input.authorName,
      body: input.body,
      status: input.status,
      moderation: toJson(input.moderation),
      idempotency_key: input.idempotencyKey,
      created_at: utc(input.createdAt),
      edited_at: null,
    };
    const result = await this.db
      .insertInto('comments')
      .values(row)
      .onConflict((oc) => oc.columns(['user_id', 'idempotency_key']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return { comment: toComment(row), created: true };
    const first = await this.db
      .selectFrom('comments')
      .selectAll()
      .where('user_id', '=', input.userId)
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirstOrThrow();
    return { comment: toComment(first), created: false };
  }

  async get(id: string): Promise<Comment | null> {
    const r = await this.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toComment(r) : null;
  }

  async forTarget(
    targetType: CommentTargetType,
    targetId: string,
    statuses: CommentStatus[],
  ): Promise<Comment[]> {
    if (statuses.length === 0) return [];
    const rows = await this.db
      .selectFrom('comments')
      .selectAll()
      .where('target_type', '=', targetType)
      .where('target_id', '=', targetId)
      .where('status', 'in', statuses)
      .orderBy('created_at')
      .orderBy('id')
      .limit(2000)
      .execute();
    return rows.map(toComment);
  }

  async update(
    id: string,
    patch: Partial<Pick<Comment, 'body' | 'status' | 'moderation' | 'editedAt'>>,
  ): Promise<Comment | null> {
    const set: Partial<CommentRow> = {};
    if (patch.body !== undefined) set.body = patch.body;
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.moderation !== undefined) set.moderation = toJson(patch.moderation);
    if (patch.editedAt !== undefined) set.edited_at = patch.editedAt === null ? null : utc(patch.editedAt);
    if (Object.keys(set).length > 0)
      await this.db.updateTable('comments').set(set).where('id', '=', id).execute();
    return this.get(id);
  }

  async counts(targetType: CommentTargetType, targetIds: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const ids of chunks([...new Set(targetIds)])) {
      const rows = await this.db
        .selectFrom('comments')
        .select(['target_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('target_type', '=', targetType)
        .where('target_id', 'in', ids)
        .where('status', '=', 'published')
        .groupBy('target_id')
        .execute();
      for (const r of rows) out.set(r.target_id, Number(r.n));
    }
    return out;
  }

  async byStatus(status: CommentStatus, page: Page = {}): Promise<Comment[]> {
    const rows = await this.db
      .selectFrom('comments')
      .selectAll()
      .where('status', '=', status)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limitOf(page.limit))
      .offset(offsetOf(page.offset))
      .execute();
    return rows.map(toComment);
  }

  async countByUserSince(userId: string, since: string): Promise<number> {
    const r = await this.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('created_at', '>=', utc(since))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}

export class SqliteReportRepo implements ReportRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async add(input: {
    commentId: string;
    userId: string;
    reason: string;
    createdAt: string;
  }): Promise<boolean> {
    const r = await this.db
      .insertInto('comment_reports')
      .values({
        comment_id: input.commentId,
        user_id: input.userId,
        reason: input.reason,
        created_at: utc(input.createdAt),
      })
      .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async open(page: Page = {}): Promise<Array<{ commentId: string; count: number; reasons: string[] }>> {
    const rows = await this.db
      .selectFrom('comment_reports')
      .select([
        'comment_id',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.max('created_at').as('last'),
      ])
      .groupBy('comment_id')
      .orderBy('n', 'desc')
      .orderBy('last', 'desc')
      .limit(limitOf(page.limit))
      .offset(offsetOf(page.offset))
      .execute();
    const out = [];
    for (const r of rows) {
      const reasons = await this.db
        .selectFrom('comment_reports')
        .select('reason')
        .where('comment_id', '=', r.comment_id)
        .orderBy('created_at')
        .execute();
      out.push({ commentId: r.comment_id, count: Number(r.n), reasons: reasons.map((x) => x.reason) });
    }
    return out;
  }

  async clear(commentId: string): Promise<void> {
    await this.db.deleteFrom('comment_reports').where('comment_id', '=', commentId).execute();
  }
}
