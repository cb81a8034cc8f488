// Contract: users, sessions, password resets, settings and rate events.
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './fixtures.js';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
export const at = (ms: number) => new Date(T0 + ms).toISOString();

export async function makeUser(
  store: CurrentStore,
  email = 'ana@example.org',
  role: 'reader' | 'admin' = 'reader',
) {
  const user = await store().users.create({ email, name: email.split('@')[0], passwordHash: 'h', role });
  if (!user) throw new Error('fixture user not created');
  return user;
}

export function accountContract(store: CurrentStore): void {
  describe('users', () => {
    it('creates once per email (case-insensitive) and finds by email', async () => {
      const user = await makeUser(store, 'Ana@Example.org ');
      expect(user).toMatchObject({ email: 'ana@example.org', role: 'reader' });
      expect(
        await store().users.create({
          email: 'ANA@example.org',
          name: 'x',
          passwordHash: 'h',
          role: 'reader',
        }),
      ).toBeNull();
      expect((await store().users.getByEmail(' ana@EXAMPLE.org'))?.id).toBe(user.id);
      expect(await store().users.count()).toBe(1);
      expect(await store().users.passwordHash(user.id)).toBe('h');
      await store().users.setPasswordHash(user.id, 'h2');
      expect(await store().users.passwordHash(user.id)).toBe('h2');
      expect(await store().users.update(user.id, { role: 'moderator', name: 'Ana' })).toMatchObject({
        role: 'moderator',
        name: 'Ana',
      });
      expect((await store().users.list()).map((u) => u.id)).toEqual([user.id]);
    });

    it('removing a user removes their data and blanks their comments', async () => {
      const ana = await makeUser(store);
      const bob = await makeUser(store, 'bob@example.org');
      await store().sessions.create({
        id: 's1',
        userId: ana.id,
        csrf: 'c',
        createdAt: at(0),
        expiresAt: at(1e6),
      });
      await store().follows.add(ana.id, 'tag', 'kursk', at(0));
      await store().bookmarks.add(ana.id, 'a1', at(0));
      await store().mutes.add(ana.id, 'word', 'golf', at(0));
      await store().history.record(ana.id, 'a1', at(0));
      const { comment } = await store().comments.create({
        targetType: 'article',
        targetId: 'a1',
        parentId: null,
        userId: ana.id,
        authorName: 'ana',
        body: 'my words',
        status: 'published',
        moderation: { score: 0, reasons: [] },
        idempotencyKey: 'k1',
        createdAt: at(0),
      });
      await store().reports.add({ commentId: comment.id, userId: bob.id, reason: 'spam', createdAt: at(1) });
      expect(await store().users.remove(ana.id)).toBe(true);
      expect(await store().users.get(ana.id)).toBeNull();
      expect(await store().sessions.get('s1', at(1))).toBeNull();
      expect(await store().follows.list(ana.id)).toEqual([]);
      expect(await store().bookmarks.list(ana.id)).toEqual([]);
      expect(await store().mutes.list(ana.id)).toEqual([]);
      expect(await store().history.recent(ana.id, 10)).toEqual([]);
      expect(await store().comments.get(comment.id)).toMatchObject({
        userId: null,
        authorName: '',
        body: '',
        status: 'deleted',
      });
      expect(await store().users.remove(ana.id)).toBe(false);
      expect(await store().users.get(bob.id)).not.toBeNull();
    });
  });

  describe('sessions and resets', () => {
    it('a session is found until it expires, and removed per id or per user', async () => {
      const ana = await makeUser(store);
      await store().sessions.create({
        id: 's1',
        userId: ana.id,
        csrf: 'tok',
        createdAt: at(0),
        expiresAt: at(1000),
      });
      await store().sessions.create({
        id: 's2',
        userId: ana.id,
        csrf: 'tok2',
        createdAt: at(0),
        expiresAt: at(5000),
      });
      expect(await store().sessions.get('s1', at(999))).toMatchObject({ userId: ana.id, csrf: 'tok' });
      expect(await store().sessions.get('s1', at(1000))).toBeNull();
      expect(await store().sessions.purge(at(2000))).toBe(1);
      await store().sessions.removeForUser(ana.id);
      expect(await store().sessions.get('s2', at(1))).toBeNull();
    });

    it('a reset token is taken once and not after it expires', async () => {
      const ana = await makeUser(store);
      await store().passwordResets.create({ tokenHash: 'th', userId: ana.id, expiresAt: at(1000) });
      await store().passwordResets.create({ tokenHash: 'old', userId: ana.id, expiresAt: at(10) });
      expect(await store().passwordResets.take('th', at(5))).toBe(ana.id);
      expect(await store().passwordResets.take('th', at(5))).toBeNull();
      expect(await store().passwordResets.take('old', at(20))).toBeNull();
      expect(await store().passwordResets.take('nope', at(0))).toBeNull();
    });
  });

  describe('settings and rate events', () => {
    it('settings are upserted', async () => {
      expect(await store().settings.all()).toEqual({});
      await store().settings.set('name', 'A');
      await store().settings.set('name', 'B');
      await store().settings.set('lang', 'en');
      expect(await store().settings.all()).toEqual({ name: 'B', lang: 'en' });
    });

    it('rate events count per key in a window, clear and purge', async () => {
      await store().rates.hit('k', at(0));
      await store().rates.hit('k', at(100));
      await store().rates.hit('other', at(100));
      expect(await store().rates.count('k', at(0))).toBe(2);
      expect(await store().rates.count('k', at(50))).toBe(1);
      expect(await store().rates.purge(at(50))).toBe(1);
      await store().rates.clear('k');
      expect(await store().rates.count('k', at(0))).toBe(0);
      expect(await store().rates.count('other', at(0))).toBe(1);
    });
  });
}
