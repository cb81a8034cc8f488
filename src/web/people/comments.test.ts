// Comments over HTTP against a real SQLite store: idempotent posts, permissions, moderation
// holds, replies one level deep, rate limits, counts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebFixture, type WebFixture } from '../../../test/helpers/web-fixture.js';
import { commentCounts } from '../../comments/counts.js';
import { type App, csrfOf, get, newJar, peopleApp, post, signUpAndIn } from './testing.js';

let fx: WebFixture;
let app: App;
const admin = newJar('192.0.2.1');
const ana = newJar('192.0.2.2');
const bob = newJar('192.0.2.3');

beforeEach(async () => {
  fx = await createWebFixture();
  ({ app } = peopleApp(fx.store));
  for (const jar of [admin, ana, bob]) jar.cookies.clear();
  await signUpAndIn(app, admin, 'root@example.org');
  await signUpAndIn(app, ana, 'ana@example.org');
  await signUpAndIn(app, bob, 'bob@example.org');
});
afterEach(async () => {
  await fx.close();
});

const thread = () => `/article/${fx.ids.troops}/comments`;

/** the thread page's top-level comment form fields */
async function formOf(jar: typeof ana) {
  const { html } = await get(app, jar, thread());
  const idem = [...html.matchAll(/name="idem" value="([^"]+)"/g)].at(-1)?.[1];
  return { _csrf: csrfOf(html), idem: idem!, target_type: 'article', target_id: fx.ids.troops };
}

async function comment(jar: typeof ana, body: string) {
  const res = await post(app, jar, '/comments', { ...(await formOf(jar)), body });
  expect(res.status).toBe(303);
  return (await fx.store.comments.forTarget('article', fx.ids.troops, ['published', 'held'])).at(-1)!;
}

describe('comments', () => {
  it('a double-clicked post (same form token) is stored once', async () => {
    const form = { ...(await formOf(ana)), body: 'Good reporting on the troop numbers.' };
    const [a, b] = await Promise.all([post(app, ana, '/comments', form), post(app, ana, '/comments', form)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.get('location')).toBe(b.headers.get('location'));
    expect(await fx.store.comments.forTarget('article', fx.ids.troops, ['published', 'held'])).toHaveLength(
      1,
    );
    expect(
      (await commentCounts(fx.store, 'article', [fx.ids.troops, fx.ids.analyst])).get(fx.ids.troops),
    ).toBe(1);
    // the article page (cached for everyone) shows it, with no form
    const { html } = await get(app, newJar(), `/article/${fx.ids.troops}`);
    expect(html).toContain('Good reporting on the troop numbers.');
    expect(html).not.toContain('name="_csrf"');
  });

  it('a reader cannot edit or delete another reader’s comment (403); the author can', async () => {
    const c = await comment(ana, 'My first take.');
    const token = csrfOf((await get(app, bob, thread())).html);
    expect((await post(app, bob, `/comments/${c.id}/edit`, { _csrf: token, body: 'hijacked' })).status).toBe(
      403,
    );
    expect((await post(app, bob, `/comments/${c.id}/delete`, { _csrf: token })).status).toBe(403);
    expect((await get(app, bob, `/comments/${c.id}/edit`)).res.status).toBe(403);
    expect((await fx.store.comments.get(c.id))?.body).toBe('My first take.');
    const mine = csrfOf((await get(app, ana, thread())).html);
    expect(
      (await post(app, ana, `/comments/${c.id}/edit`, { _csrf: mine, body: 'My second take.' })).status,
    ).toBe(303);
    expect(await fx.store.comments.get(c.id)).toMatchObject({
      body: 'My second take.',
      editedAt: expect.any(String),
    });
    expect((await post(app, ana, `/comments/${c.id}/delete`, { _csrf: mine })).status).toBe(303);
    expect((await fx.store.comments.get(c.id))?.status).toBe('deleted');
  });

  it('edits close after the window', async () => {
    const c = await comment(ana, 'Old words.');
    await fx.store.comments.update(c.id, {});
    // move the comment back in time past the 15-minute window
    const old = new Date(Date.now() - 16 * 60_000).toISOString();
    await fx.store.transaction(async (tx) => {
      await tx.comments.create({
        ...c,
        userId: c.userId!,
        idempotencyKey: 'old-one-xxxxxxxxxx',
        createdAt: old,
        body: 'Ancient.',
      });
    });
    const ancient = (await fx.store.comments.forTarget('article', fx.ids.troops, ['published'])).find(
      (x) => x.body === 'Ancient.',
    )!;
    const token = csrfOf((await get(app, ana, thread())).html);
    expect(
      (await post(app, ana, `/comments/${ancient.id}/edit`, { _csrf: token, body: 'rewritten' })).status,
    ).toBe(403);
  });

  it('doubtful comments are held with reasons; the moderator sees them and decides, logged', async () => {
    const res = await post(app, ana, '/comments', { ...(await formOf(ana)), body: 'You are all 1d10ts' });
    expect(res.headers.get('location')).toMatch(/\?held=1#c-/);
    const held = (await fx.store.comments.byStatus('held'))[0];
    expect(held.moderation.reasons.join()).toMatch(/toxic language: idiot/);
    expect((await get(app, bob, thread())).html).not.toContain('1d10ts');
    expect((await get(app, ana, thread())).html).toContain('1d10ts');
    const queue = await get(app, admin, '/admin/moderation');
    expect(queue.html).toContain('toxic language: idiot');
    expect(
      (
        await post(app, admin, `/admin/moderation/${held.id}`, {
          _csrf: csrfOf(queue.html),
          decision: 'remove',
          note: 'insult',
        })
      ).status,
    ).toBe(303);
    expect((await fx.store.comments.get(held.id))?.status).toBe('removed');
    expect((await fx.store.moderationLog.list())[0]).toMatchObject({
      action: 'remove',
      commentId: held.id,
      note: 'insult',
    });
    expect((await get(app, ana, '/admin/moderation')).res.status).toBe(403);
  });

  it('replies stay one level deep; reports from three readers hold a comment', async () => {
    const top = await comment(ana, 'Top-level.');
    const { html } = await get(app, bob, thread());
    const reply = {
      _csrf: csrfOf(html),
      target_type: 'article',
      target_id: fx.ids.troops,
      parent_id: top.id,
      idem: 'reply-key-xxxxxxxxxxxx',
      body: 'A reply.',
    };
    await post(app, bob, '/comments', reply);
    const r1 = (await fx.store.comments.forTarget('article', fx.ids.troops, ['published'])).find(
      (c) => c.body === 'A reply.',
    )!;
    await post(app, bob, '/comments', {
      ...reply,
      parent_id: r1.id,
      idem: 'reply-key-yyyyyyyyyyyy',
      body: 'Reply to reply.',
    });
    const r2 = (await fx.store.comments.forTarget('article', fx.ids.troops, ['published'])).find(
      (c) => c.body === 'Reply to reply.',
    )!;
    expect([r1.parentId, r2.parentId]).toEqual([top.id, top.id]);
    for (const jar of [bob, admin, newJar('192.0.2.9')]) {
      if (jar.cookies.size === 0) await signUpAndIn(app, jar, 'carol@example.org');
      const t = csrfOf((await get(app, jar, thread())).html);
      expect(
        (await post(app, jar, `/comments/${top.id}/report`, { _csrf: t, reason: 'off-topic' })).status,
      ).toBe(303);
    }
    expect((await fx.store.comments.get(top.id))?.status).toBe('held');
  });

  it('comments are rate-limited per account', async () => {
    for (let i = 0; i < 5; i++) await comment(ana, `Note number ${i} about the article.`);
    const res = await post(app, ana, '/comments', { ...(await formOf(ana)), body: 'One too many.' });
    expect(res.status).toBe(429);
    expect((await fx.store.comments.forTarget('article', fx.ids.troops, ['published'])).length).toBe(5);
  });

  it('signed-out visitors cannot post (403), and are offered to sign in on the thread page', async () => {
    const jar = newJar();
    const { html } = await get(app, jar, thread());
    expect(html).toContain('to comment');
    const token = csrfOf((await get(app, jar, '/signin')).html);
    expect(
      (
        await post(app, jar, '/comments', {
          _csrf: token,
          target_type: 'article',
          target_id: fx.ids.troops,
          body: 'x',
          idem: 'k'.repeat(20),
        })
      ).status,
    ).toBe(403);
  });
});
