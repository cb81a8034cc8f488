// Accounts over HTTP, in process, against a real SQLite store: CSRF, session rotation,
// throttling, no enumeration, password reset, deletion, admin gates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebFixture, type WebFixture } from '../../../test/helpers/web-fixture.js';
import { type App, csrfOf, get, newJar, peopleApp, post, signUpAndIn, submit } from './testing.js';

let fx: WebFixture;
let app: App;
let mailer: ReturnType<typeof peopleApp>['mailer'];

beforeEach(async () => {
  fx = await createWebFixture();
  ({ app, mailer } = peopleApp(fx.store));
});
afterEach(async () => {
  await fx.close();
});

describe('CSRF', () => {
  it('a form post without the token, or with a wrong one, is refused with 403', async () => {
    const jar = newJar();
    await get(app, jar, '/signup');
    const missing = await post(app, jar, '/signup', {
      email: 'a@example.org',
      password: 'long enough pw',
      name: 'A',
    });
    expect(missing.status).toBe(403);
    const wrong = await post(app, jar, '/signup', {
      _csrf: 'x'.repeat(43),
      email: 'a@example.org',
      password: 'long enough pw',
    });
    expect(wrong.status).toBe(403);
    expect(await fx.store.users.count()).toBe(0);
    // a token from another browser does not fit this browser's cookie
    const other = newJar();
    const token = csrfOf((await get(app, other, '/signup')).html);
    expect(
      (await post(app, jar, '/signup', { _csrf: token, email: 'a@example.org', password: 'long enough pw' }))
        .status,
    ).toBe(403);
  });

  it('signed in, the session token is required; a signed-out token does not do', async () => {
    const jar = newJar();
    await signUpAndIn(app, jar, 'ana@example.org');
    const res = await post(app, jar, '/comments', {
      _csrf: 'nope',
      target_type: 'article',
      target_id: fx.ids.troops,
      body: 'hi',
      idem: 'k'.repeat(20),
    });
    expect(res.status).toBe(403);
    expect((await post(app, jar, '/signout', {})).status).toBe(403);
    expect(await fx.store.comments.counts('article', [fx.ids.troops])).toEqual(new Map());
  });
});

describe('sign-up and sign-in', () => {
  it('the first account is an admin, the next are readers; cookies are HttpOnly and SameSite=Lax', async () => {
    const jar = newJar();
    await submit(app, jar, '/signup', '/signup', {
      email: 'root@example.org',
      password: 'correct horse battery',
      name: 'Root',
    });
    const res = await submit(app, jar, '/signin', '/signin', {
      email: 'root@example.org',
      password: 'correct horse battery',
    });
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lede_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    await submit(app, newJar(), '/signup', '/signup', {
      email: 'ana@example.org',
      password: 'correct horse battery',
      name: 'Ana',
    });
    expect((await fx.store.users.getByEmail('root@example.org'))?.role).toBe('admin');
    expect((await fx.store.users.getByEmail('ana@example.org'))?.role).toBe('reader');
  });

  it('behind an HTTPS proxy the session cookie is Secure', async () => {
    const jar = newJar();
    await submit(app, jar, '/signup', '/signup', {
      email: 'ana@example.org',
      password: 'correct horse battery',
    });
    const { html } = await get(app, jar, '/signin');
    const res = await app.request('/signin', {
      method: 'POST',
      body: new URLSearchParams({
        _csrf: csrfOf(html),
        email: 'ana@example.org',
        password: 'correct horse battery',
      }).toString(),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Forwarded-Proto': 'https',
        Cookie: [...jar.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    expect(res.headers.getSetCookie().find((c) => c.startsWith('lede_session='))).toMatch(/;\s*Secure/i);
  });

  it('the session id changes at sign-in and the old one stops working', async () => {
    const jar = newJar();
    await signUpAndIn(app, jar, 'ana@example.org');
    const first = jar.cookies.get('lede_session');
    expect(first).toBeTruthy();
    await submit(app, jar, '/signin', '/signin', {
      email: 'ana@example.org',
      password: 'correct horse battery',
    });
    const second = jar.cookies.get('lede_session');
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    expect(await fx.store.sessions.get(first!, new Date().toISOString())).toBeNull();
    const stale = newJar();
    stale.cookies.set('lede_session', first!);
    expect((await get(app, stale, '/account')).res.status).toBe(303);
    expect((await get(app, jar, '/account')).res.status).toBe(200);
  });

  it('sign-up, sign-in and reset answer the same for known and unknown addresses', async () => {
    await signUpAndIn(app, newJar(), 'ana@example.org');
    const taken = await submit(app, newJar(), '/signup', '/signup', {
      email: 'ana@example.org',
      password: 'another long pw',
    });
    const fresh = await submit(app, newJar(), '/signup', '/signup', {
      email: 'bob@example.org',
      password: 'another long pw',
    });
    expect([taken.status, taken.headers.get('location')]).toEqual([
      fresh.status,
      fresh.headers.get('location'),
    ]);
    expect(mailer.sent.some((m) => m.to === 'ana@example.org' && /tried to/.test(m.subject))).toBe(true);

    const wrongPw = await submit(app, newJar('198.51.100.1'), '/signin', '/signin', {
      email: 'ana@example.org',
      password: 'wrong password!',
    });
    const noUser = await submit(app, newJar('198.51.100.2'), '/signin', '/signin', {
      email: 'nobody@example.org',
      password: 'wrong password!',
    });
    const body = async (r: Response) =>
      (await r.text()).replace(/name="_csrf" value="[^"]+"/g, '').replace(/value="[^"]*@example.org"/, '');
    expect(wrongPw.status).toBe(noUser.status);
    expect(await body(wrongPw)).toBe(await body(noUser));

    const r1 = await submit(app, newJar('198.51.100.3'), '/reset', '/reset', { email: 'ana@example.org' });
    const r2 = await submit(app, newJar('198.51.100.4'), '/reset', '/reset', { email: 'nobody@example.org' });
    expect([r1.status, r1.headers.get('location')]).toEqual([r2.status, r2.headers.get('location')]);
  });

  it('repeated failed sign-ins are throttled per account, even with the right password', async () => {
    await signUpAndIn(app, newJar(), 'ana@example.org');
    for (let i = 0; i < 5; i++) {
      const res = await submit(app, newJar(`192.0.2.${i + 1}`), '/signin', '/signin', {
        email: 'ana@example.org',
        password: `wrong ${i} password`,
      });
      expect(res.status).toBe(400);
    }
    const right = await submit(app, newJar('192.0.2.99'), '/signin', '/signin', {
      email: 'ana@example.org',
      password: 'correct horse battery',
    });
    expect(right.status).toBe(429);
    expect(await right.text()).toMatch(/Too many failed attempts/);
  });

  it('repeated failed sign-ins are throttled per address across accounts', async () => {
    const jar = newJar('192.0.2.200');
    for (let i = 0; i < 20; i++) {
      await submit(app, jar, '/signin', '/signin', {
        email: `user${i}@example.org`,
        password: 'wrong password!',
      });
    }
    const res = await submit(app, jar, '/signin', '/signin', {
      email: 'fresh@example.org',
      password: 'wrong password!',
    });
    expect(res.status).toBe(429);
  });
});

describe('password reset and deletion', () => {
  it('the emailed link sets a new password once and ends the sessions', async () => {
    const jar = newJar();
    await signUpAndIn(app, jar, 'ana@example.org');
    await submit(app, newJar(), '/reset', '/reset', { email: 'ana@example.org' });
    const mail = mailer.sent.find((m) => m.subject === 'Reset your password');
    const link = /\/reset\/([\w-]+)/.exec(mail?.text ?? '')?.[0];
    expect(link).toBeTruthy();
    const other = newJar();
    expect((await submit(app, other, link!, link!, { password: 'a brand new password' })).status).toBe(303);
    expect((await get(app, jar, '/account')).res.status).toBe(303);
    expect((await submit(app, other, link!, link!, { password: 'yet another password' })).status).toBe(400);
    const signIn = await submit(app, newJar(), '/signin', '/signin', {
      email: 'ana@example.org',
      password: 'a brand new password',
    });
    expect(signIn.status).toBe(303);
  });

  it('deleting the account removes the person and their data', async () => {
    const jar = newJar();
    await signUpAndIn(app, jar, 'ana@example.org');
    const ana = await fx.store.users.getByEmail('ana@example.org');
    await submit(app, jar, '/following', '/follow', { kind: 'tag', value: 'kursk', next: '/following' });
    expect(await fx.store.follows.list(ana!.id)).toHaveLength(1);
    expect((await submit(app, jar, '/account', '/account/delete', { password: 'wrong one!!' })).status).toBe(
      403,
    );
    expect(
      (await submit(app, jar, '/account', '/account/delete', { password: 'correct horse battery' })).status,
    ).toBe(303);
    expect(await fx.store.users.getByEmail('ana@example.org')).toBeNull();
    expect(await fx.store.follows.list(ana!.id)).toEqual([]);
  });
});

describe('gates', () => {
  it('a reader cannot open admin pages (403); a signed-out visitor is sent to sign in', async () => {
    await signUpAndIn(app, newJar(), 'root@example.org');
    const reader = newJar();
    await signUpAndIn(app, reader, 'ana@example.org');
    for (const path of ['/admin', '/admin/sources', '/admin/users', '/admin/moderation', '/admin/settings']) {
      expect((await get(app, reader, path)).res.status, path).toBe(403);
      expect((await get(app, newJar(), path)).res.status, path).toBe(303);
    }
    const token = csrfOf((await get(app, reader, '/account')).html);
    const ana = await fx.store.users.getByEmail('ana@example.org');
    expect(
      (await post(app, reader, `/admin/users/${ana!.id}/role`, { _csrf: token, role: 'admin' })).status,
    ).toBe(403);
    expect((await fx.store.users.get(ana!.id))?.role).toBe('reader');
  });
});

describe('form size', () => {
  it('a form body over 64 KB is refused with 413 before anything else', async () => {
    const jar = newJar();
    const token = csrfOf((await get(app, jar, '/signup')).html);
    const res = await post(app, jar, '/signup', {
      _csrf: token,
      email: 'a@example.org',
      password: 'x'.repeat(70_000),
    });
    expect(res.status).toBe(413);
    expect(await fx.store.users.count()).toBe(0);
  });
});
