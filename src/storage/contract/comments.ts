// Contract: comments, reports, follows, bookmarks, mutes, history, moderation log.
import { describe, expect, it } from 'vitest';
import type { NewComment } from '../store.js';
import { at, makeUser } from './accounts.js';
import type { CurrentStore } from './fixtures.js';

const base = (userId: string, key: string, extra: Partial<NewComment> = {}): NewComment => ({
  targetType: 'article',
  targetId: 'a1',
  parentId: null,
  userId,
  authorName: 'ana',
  body: 'hello',
  status: 'published',
  moderation: { score: 0.1, reasons: ['x'] },
  idempotencyKey: key,
  createdAt: at(0),
  ...extra,
});

export function commentContract(store: CurrentStore): void {
  describe('comments', () => {
    it('the same (user, idempotency key) is stored once', async () => {
      const ana = await makeUser(store);
      const first = await store().comments.create(base(ana.id, 'k'));
      const again = await store().comments.create(base(ana.id, 'k', { body: 'other' }));
      expect(first.created).toBe(true);
      expect(again).toMatchObject({ created: false, comment: { id: first.comment.id, body: 'hello' } });
      expect(first.comment.moderation).toEqual({ score: 0.1, reasons: ['x'] });
      expect(await store().comments.forTarget('article', 'a1', ['published'])).toHaveLength(1);
    });

    it('lists per target and status, counts published ones, updates, finds by status', async () => {
      const ana = await makeUser(store);
      const c1 = (await store().comments.create(base(ana.id, '1'))).comment;
      await store().comments.create(base(ana.id, '2', { parentId: c1.id, createdAt: at(10) }));
      await store().comments.create(base(ana.id, '3', { status: 'held', createdAt: at(20) }));
      await store().comments.create(base(ana.id, '4', { targetId: 'a2', createdAt: at(30) }));
      await store().comments.create(base(ana.id, '5', { targetType: 'story', targetId: 'a1' }));
      const shown = await store().comments.forTarget('article', 'a1', ['published']);
      expect(shown.map((c) => c.parentId)).toEqual([null, c1.id]);
      expect(await store().comments.forTarget('article', 'a1', ['published', 'held'])).toHaveLength(3);
      const counts = await store().comments.counts('article', ['a1', 'a2', 'a3']);
      expect([counts.get('a1'), counts.get('a2'), counts.get('a3')]).toEqual([2, 1, undefined]);
      expect((await store().comments.byStatus('held')).map((c) => c.body)).toEqual(['hello']);
      const edited = await store().comments.update(c1.id, {
        body: 'edited',
        editedAt: at(5),
        status: 'removed',
      });
      expect(edited).toMatchObject({ body: 'edited', status: 'removed', editedAt: at(5) });
      expect(await store().comments.countByUserSince(ana.id, at(15))).toBe(2);
    });

    it('reports: once per user and comment, most reported first, cleared', async () => {
      const ana = await makeUser(store);
      const bob = await makeUser(store, 'bob@example.org');
      const c1 = (await store().comments.create(base(ana.id, '1'))).comment;
      const c2 = (await store().comments.create(base(ana.id, '2'))).comment;
      expect(
        await store().reports.add({ commentId: c1.id, userId: bob.id, reason: 'spam', createdAt: at(1) }),
      ).toBe(true);
      expect(
        await store().reports.add({ commentId: c1.id, userId: bob.id, reason: 'again', createdAt: at(2) }),
      ).toBe(false);
      await store().reports.add({ commentId: c2.id, userId: bob.id, reason: 'rude', createdAt: at(3) });
      await store().reports.add({ commentId: c2.id, userId: ana.id, reason: 'mean', createdAt: at(4) });
      expect(await store().reports.open()).toEqual([
        { commentId: c2.id, count: 2, reasons: ['rude', 'mean'] },
        { commentId: c1.id, count: 1, reasons: ['spam'] },
      ]);
      await store().reports.clear(c2.id);
      expect((await store().reports.open()).map((r) => r.commentId)).toEqual([c1.id]);
    });
  });

  describe('follows, bookmarks, mutes, history, moderation log', () => {
    it('follows and mutes are sets per user', async () => {
      const ana = await makeUser(store);
      await store().follows.add(ana.id, 'tag', 'kursk', at(0));
      await store().follows.add(ana.id, 'tag', 'kursk', at(1));
      await store().follows.add(ana.id, 'source', 's1', at(2));
      expect(await store().follows.list(ana.id)).toEqual([
        { kind: 'tag', value: 'kursk', createdAt: at(0) },
        { kind: 'source', value: 's1', createdAt: at(2) },
      ]);
      await store().follows.remove(ana.id, 'tag', 'kursk');
      expect((await store().follows.list(ana.id)).map((f) => f.value)).toEqual(['s1']);
      await store().mutes.add(ana.id, 'word', 'golf', at(0));
      await store().mutes.add(ana.id, 'word', 'golf', at(0));
      expect(await store().mutes.list(ana.id)).toEqual([{ kind: 'word', value: 'golf', createdAt: at(0) }]);
      await store().mutes.remove(ana.id, 'word', 'golf');
      expect(await store().mutes.list(ana.id)).toEqual([]);
    });

    it('bookmarks newest first; history keeps the latest read', async () => {
      const ana = await makeUser(store);
      await store().bookmarks.add(ana.id, 'a1', at(0));
      await store().bookmarks.add(ana.id, 'a2', at(5));
      await store().bookmarks.add(ana.id, 'a1', at(9));
      expect((await store().bookmarks.list(ana.id)).map((b) => b.articleId)).toEqual(['a2', 'a1']);
      await store().bookmarks.remove(ana.id, 'a2');
      expect((await store().bookmarks.list(ana.id)).map((b) => b.articleId)).toEqual(['a1']);
      await store().history.record(ana.id, 'a1', at(0));
      await store().history.record(ana.id, 'a2', at(5));
      await store().history.record(ana.id, 'a1', at(9));
      expect(await store().history.recent(ana.id, 10)).toEqual(['a1', 'a2']);
      expect(await store().history.recent(ana.id, 1)).toEqual(['a1']);
    });

    it('moderation log newest first', async () => {
      await store().moderationLog.add({
        actorId: 'u1',
        action: 'approve',
        commentId: 'c1',
        subjectUserId: null,
        note: '',
        createdAt: at(0),
      });
      const second = await store().moderationLog.add({
        actorId: 'u1',
        action: 'remove',
        commentId: 'c2',
        subjectUserId: 'u2',
        note: 'spam',
        createdAt: at(1),
      });
      const list = await store().moderationLog.list();
      expect(list.map((a) => a.action)).toEqual(['remove', 'approve']);
      expect(list[0]).toEqual(second);
    });
  });
}
