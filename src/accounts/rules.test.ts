import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Comment, User } from '../domain/types.js';
import { openSqliteStore } from '../storage/sqlite/index.js';
import {
  canDeleteComment,
  canEditComment,
  canReportComment,
  EDIT_WINDOW_MS,
  isAdmin,
  isModerator,
} from './policy.js';
import { Throttle } from './throttle.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-accounts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const user = (id: string, role: User['role'] = 'reader'): User => ({
  id,
  email: `${id}@x.org`,
  name: id,
  role,
  createdAt: '',
});
const T = Date.parse('2030-01-01T00:00:00Z');
const comment = (userId: string | null, status: Comment['status'] = 'published'): Comment => ({
  id: 'c',
  targetType: 'article',
  targetId: 'a',
  parentId: null,
  userId,
  authorName: 'x',
  body: 'b',
  status,
  moderation: { score: 0, reasons: [] },
  createdAt: new Date(T).toISOString(),
  editedAt: null,
});

describe('policy', () => {
  it('authors edit within the window, delete any time; moderators delete; nobody else', () => {
    const ana = user('ana');
    const bob = user('bob');
    const mod = user('mod', 'moderator');
    expect(canEditComment(ana, comment('ana'), T + EDIT_WINDOW_MS)).toBe(true);
    expect(canEditComment(ana, comment('ana'), T + EDIT_WINDOW_MS + 1)).toBe(false);
    expect(canEditComment(bob, comment('ana'), T)).toBe(false);
    expect(canEditComment(mod, comment('ana'), T)).toBe(false);
    expect(canEditComment(ana, comment('ana', 'removed'), T)).toBe(false);
    expect([
      canDeleteComment(ana, comment('ana')),
      canDeleteComment(bob, comment('ana')),
      canDeleteComment(mod, comment('ana')),
    ]).toEqual([true, false, true]);
    expect(canDeleteComment(null, comment(null))).toBe(false);
    expect([
      canReportComment(bob, comment('ana')),
      canReportComment(ana, comment('ana')),
      canReportComment(null, comment('ana')),
    ]).toEqual([true, false, false]);
    expect([isModerator(mod), isModerator(ana), isAdmin(mod), isAdmin(user('r', 'admin'))]).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });
});

describe('throttle', () => {
  it('blocks at the limit inside the window and lets go once the window has passed', async () => {
    const store = await openSqliteStore(join(dir, 't.db'));
    let now = T;
    const limits = { signInAccount: { max: 2, windowMs: 1000 } } as ConstructorParameters<typeof Throttle>[1];
    const throttle = new Throttle(store, limits, () => now);
    try {
      expect(await throttle.take('signInAccount', 'Ana@x.org')).toBe(true);
      now += 10;
      expect(await throttle.take('signInAccount', 'ana@x.org')).toBe(true);
      expect(await throttle.take('signInAccount', 'ana@x.org')).toBe(false);
      expect(await throttle.blocked('signInAccount', 'bob@x.org')).toBe(false);
      now += 995;
      expect(await throttle.blocked('signInAccount', 'ana@x.org')).toBe(false);
      await throttle.hit('signInAccount', 'ana@x.org');
      await throttle.clear('signInAccount', 'ana@x.org');
      expect(await throttle.blocked('signInAccount', 'ana@x.org')).toBe(false);
    } finally {
      await store.close();
    }
  });
});
