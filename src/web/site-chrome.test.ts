// What the people stage adds to the reader's cached pages: header links that are the same for
// every reader, the admin's site settings in the layout, comment counts on cards (batched), and
// bookmarks kept for offline reading by the page script.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebFixture, type WebFixture } from '../../test/helpers/web-fixture.js';
import { en } from './i18n/en.js';
import { type App, csrfOf, get, newJar, peopleApp, post, signUpAndIn, submit } from './people/testing.js';

let fx: WebFixture;
let app: App;
const admin = newJar('192.0.2.11');
const ana = newJar('192.0.2.12');
const anon = newJar('192.0.2.13');

beforeEach(async () => {
  fx = await createWebFixture();
  ({ app } = peopleApp(fx.store));
  for (const jar of [admin, ana, anon]) jar.cookies.clear();
  await signUpAndIn(app, admin, 'root@example.org', 'correct horse battery', 'Root');
  await signUpAndIn(app, ana, 'ana@example.org', 'correct horse battery', 'Ana Secret');
});
afterEach(async () => {
  await fx.close();
});

describe('header links on cached pages', () => {
  it('shows Sign in and Account links without JS, and no per-reader bits', async () => {
    const signedOut = await get(app, anon, '/');
    const signedIn = await get(app, ana, '/');
    for (const { res, html } of [signedOut, signedIn]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('Cache-Control')).toMatch(/^public/);
      expect(html).toMatch(/<a href="\/signin" data-signed-out="true">Sign in<\/a>/);
      expect(html).toMatch(/<a href="\/account" data-signed-in="true">Account<\/a>/);
      expect(html).not.toContain('Ana Secret');
      expect(html).not.toContain('name="_csrf"');
    }
    expect(signedIn.html).toBe(signedOut.html);
  });

  it('/account sends a signed-out reader to /signin; sign-in and sign-out set the marker cookie app.js reads', async () => {
    const res = (await get(app, anon, '/account')).res;
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toMatch(/^\/signin/);
    expect(ana.cookies.get('lede_in')).toBe('1');
    const account = await get(app, ana, '/account');
    expect(account.res.status).toBe(200);
    await post(app, ana, '/signout', { _csrf: csrfOf(account.html) });
    expect(ana.cookies.has('lede_in')).toBe(false);
    const js = readFileSync(new URL('./assets/app.js', import.meta.url), 'utf8');
    expect(js).toContain('lede_in=1');
    expect(js).toContain('[data-signed-out]');
  });
});

describe('site settings in the layout', () => {
  it('uses the saved site name (escaped) and default language', async () => {
    const saved = await submit(app, admin, '/admin/settings', '/admin/settings', {
      name: 'Daily <b>Ledger</b>',
      editions: 'en, ar',
      defaultLanguage: 'ar',
    });
    expect(saved.status).toBe(303);
    const { html } = await get(app, anon, '/');
    expect(html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(html).toContain('<a class="brand" href="/">Daily &lt;b&gt;Ledger&lt;/b&gt;</a>');
    expect(html).not.toContain('<b>Ledger</b>');
    expect(html).toContain('تسجيل الدخول');
    // a reader's own edition language still wins
    const en = newJar('192.0.2.14');
    en.cookies.set('edition', '-.en');
    expect((await get(app, en, '/')).html).toMatch(/<html lang="en" dir="ltr">/);
  });
});

describe('comment counts on cards', () => {
  it('shows counts on article and story cards with one query per kind per page', async () => {
    const threadPage = await get(app, ana, `/article/${fx.ids.troops}/comments`);
    const idem = [...threadPage.html.matchAll(/name="idem" value="([^"]+)"/g)].at(-1)?.[1] ?? '';
    const res = await post(app, ana, '/comments', {
      _csrf: csrfOf(threadPage.html),
      idem,
      target_type: 'article',
      target_id: fx.ids.troops,
      body: 'A plain and friendly comment about the troops.',
    });
    expect(res.status).toBe(303);
    const published = await fx.store.comments.counts('article', [fx.ids.troops]);
    expect(published.get(fx.ids.troops)).toBe(1);

    const spy = vi.spyOn(fx.store.comments, 'counts');
    const { html } = await get(app, anon, '/');
    expect(html).toContain(
      `<a class="comment-count" href="/article/${fx.ids.troops}#comments">1 comment</a>`,
    );
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
    spy.mockClear();
    const world = await get(app, anon, '/category/world');
    expect(world.res.status).toBe(200);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
    spy.mockRestore();
  });
});

describe('page script', () => {
  it('keeps [data-save] links anywhere, and stays small', () => {
    const js = readFileSync(new URL('./assets/app.js', import.meta.url), 'utf8');
    expect(js).toContain("document.querySelectorAll('[data-save]')");
    expect(js).not.toContain("$('[data-save]', share)");
    const css = readFileSync(new URL('./assets/style.css', import.meta.url), 'utf8');
    expect(gzipSync(js).length).toBeLessThan(30_000);
    expect(gzipSync(css).length).toBeLessThan(30_000);
  });
});

describe('people pages style', () => {
  it('styles forms, threads, tables and the queue with logical properties and visible focus', () => {
    const css = readFileSync(new URL('./assets/style.css', import.meta.url), 'utf8');
    for (const sel of [
      '.people form',
      '.comment-form',
      '.replies',
      '.people table',
      '.queue',
      ':focus-visible',
    ])
      expect(css, sel).toContain(sel);
    const people = css.slice(css.indexOf('/* people pages'));
    // RTL-safe: no physical left/right in the people styles
    expect(people).not.toMatch(/(margin|padding|border)-(left|right)|text-align:\s*(left|right)/);
  });
});

describe('people strings through the catalogue', () => {
  it('shows the account bar and the comments section in the reader’s language', async () => {
    const { html: enPage } = await get(app, ana, '/account');
    expect(enPage).toContain('Signed in as <strong>Ana Secret</strong>');
    expect(enPage).toContain('>Sign out</button>');
    ana.cookies.set('edition', '-.ar');
    const { html } = await get(app, ana, '/account');
    expect(html).toContain('مسجّل الدخول باسم <strong>Ana Secret</strong>');
    expect(html).toContain('>تسجيل الخروج</button>');
    const article = await get(app, ana, `/article/${fx.ids.troops}`);
    expect(article.html).toContain('اكتب تعليقًا');
    expect(article.html).toContain('لا تعليقات بعد');
    const thread = await get(app, ana, `/article/${fx.ids.troops}/comments`);
    expect(thread.html).toContain('>أضف تعليقًا</button>');
  });
});

describe('account forms through the catalogue', () => {
  it('labels the sign-in and sign-up forms in Arabic for an Arabic edition', async () => {
    anon.cookies.set('edition', '-.ar');
    const signin = await get(app, anon, '/signin');
    expect(signin.html).toContain('<label for="f-email">البريد الإلكتروني</label>');
    expect(signin.html).toContain('<h1>تسجيل الدخول</h1>');
    const signup = await get(app, anon, '/signup');
    expect(signup.html).toMatch(/<label for="f-password">كلمة المرور \(\d+ أحرف على الأقل\)<\/label>/);
    anon.cookies.delete('edition');
    expect((await get(app, anon, '/signin')).html).toContain('<label for="f-email">Email</label>');
  });
});

describe('following pages through the catalogue', () => {
  it('titles and buttons of the following and bookmarks pages in Arabic', async () => {
    ana.cookies.set('edition', '-.ar');
    const following = await get(app, ana, '/following');
    expect(following.html).toContain('<h1>المتابعات والكتم</h1>');
    expect(following.html).toContain('>كتم</button>');
    const bookmarks = await get(app, ana, '/bookmarks');
    expect(bookmarks.html).toContain('لا محفوظات بعد.');
    ana.cookies.delete('edition');
    expect((await get(app, ana, '/bookmarks')).html).toContain('No bookmarks yet.');
  });
});

describe('comment thread page through the catalogue', () => {
  it('title, back link and sign-in prompt in Arabic', async () => {
    anon.cookies.set('edition', '-.ar');
    const { html } = await get(app, anon, `/article/${fx.ids.troops}/comments`);
    expect(html).toContain('→ العودة إلى المقال');
    expect(html).toContain('سجّل الدخول لتعلّق');
    expect(html).toMatch(/<h1>التعليقات: [^<]+<\/h1>/);
    anon.cookies.delete('edition');
    expect((await get(app, anon, `/article/${fx.ids.troops}/comments`)).html).toContain('Sign in to comment');
  });
});

describe('password reset through the catalogue', () => {
  it('the reset form in Arabic', async () => {
    anon.cookies.set('edition', '-.ar');
    const { html } = await get(app, anon, '/reset');
    expect(html).toContain('<h1>أعد تعيين كلمة المرور</h1>');
    expect(html).toContain('>أرسل الرابط</button>');
    anon.cookies.delete('edition');
    expect((await get(app, anon, '/reset')).html).toContain('>Send the link</button>');
  });
});

describe('admin pages through the catalogue', () => {
  it('the admin pages in Arabic, right to left, with no English string of theirs left', async () => {
    const english = Object.entries(en)
      .filter(([key, text]) => /^(admin|sources|role)\./.test(key) && !text.includes('{'))
      .map(([, text]) => `>${text}<`);
    admin.cookies.set('edition', '-.ar');
    const pages = {
      admin: await get(app, admin, '/admin'),
      sources: await get(app, admin, '/admin/sources'),
      source: await get(app, admin, `/admin/sources/${fx.sources.excerpt}`),
      users: await get(app, admin, '/admin/users'),
      moderation: await get(app, admin, '/admin/moderation'),
      settings: await get(app, admin, '/admin/settings'),
    };
    for (const [name, { res, html }] of Object.entries(pages)) {
      expect(res.status, name).toBe(200);
      expect(html, name).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
      expect(
        english.filter((s) => html.includes(s)),
        name,
      ).toEqual([]);
    }
    expect(pages.admin.html).toContain('<a href="/admin/moderation">قائمة الإشراف</a>');
    expect(pages.sources.html).toContain('<h2>أضف مصدرًا</h2>');
    // the fixture's excerpt-only source has failed twice
    expect(pages.sources.html).toContain('<td>يتعثّر (2 أخطاء)</td>');
    expect(pages.source.html).toContain('<h1>المصدر: Excerpt Times</h1>');
    expect(pages.users.html).toContain('aria-label="دور Root"');
    expect(pages.users.html).toMatch(/<option value="admin" selected="">مدير<\/option>/);
    expect(pages.moderation.html).toContain('<h2>بانتظار المراجعة (0)</h2>');
    expect(pages.settings.html).toContain('<label for="s-name">اسم الموقع</label>');
    admin.cookies.delete('edition');
    expect((await get(app, admin, '/admin/sources')).html).toContain('<h2>Add a source</h2>');
  });
});
