// Following, mutes, bookmarks, For you, and admin sources/settings over HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebFixture, type WebFixture } from '../../../test/helpers/web-fixture.js';
import type { Fetcher, FetchResponse } from '../../pipeline/fetch/types.js';
import { type App, csrfOf, get, newJar, peopleApp, post, signUpAndIn, submit } from './testing.js';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title><link>https://harbour.example/</link><language>en</language>
<item><title>Ships</title><link>https://harbour.example/a</link></item></channel></rss>`;
const HOME = `<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>news</body></html>`;

function fakeFetcher(pages: Record<string, { type: string; body: string }>): Fetcher {
  return {
    async fetch(url): Promise<FetchResponse> {
      const page = pages[url];
      if (!page) throw Object.assign(new Error('404'), { code: 'fetch_http_status' });
      return {
        url,
        status: 200,
        notModified: false,
        headers: {},
        contentType: page.type,
        body: Buffer.from(page.body),
        etag: null,
        lastModified: null,
        durationMs: 1,
      };
    },
    async close() {},
  };
}

let fx: WebFixture;
let app: App;
const admin = newJar('192.0.2.1');
const ana = newJar('192.0.2.2');

beforeEach(async () => {
  fx = await createWebFixture();
  ({ app } = peopleApp(
    fx.store,
    fakeFetcher({
      'https://harbour.example/': { type: 'text/html', body: HOME },
      'https://harbour.example/rss.xml': { type: 'application/rss+xml', body: FEED },
    }),
  ));
  admin.cookies.clear();
  ana.cookies.clear();
  await signUpAndIn(app, admin, 'root@example.org');
  await signUpAndIn(app, ana, 'ana@example.org');
});
afterEach(async () => {
  await fx.close();
});

describe('following and For you', () => {
  it('followed news comes first with its reason; reading suggests more; mutes hide', async () => {
    expect((await get(app, ana, '/follow?kind=tag&value=kursk')).html).toContain('Follow the tag');
    await submit(app, ana, '/following', '/follow', { kind: 'tag', value: 'kursk', next: '/following' });
    const page = (await get(app, ana, '/for-you')).html;
    expect(page).toContain('You follow #kursk');
    expect(page).toContain(`/article/${fx.ids.troops}`);
    await submit(app, ana, '/following', '/mute', { kind: 'word', value: 'Analysts', next: '/following' });
    expect((await get(app, ana, '/for-you')).html).not.toContain(`/article/${fx.ids.analyst}"`);
    await submit(app, ana, '/following', '/unmute', { kind: 'word', value: 'analysts', next: '/following' });
    expect((await get(app, ana, '/for-you')).html).toContain(`/article/${fx.ids.analyst}"`);
    await submit(app, ana, '/following', '/unfollow', { kind: 'tag', value: 'kursk', next: '/following' });
    // read one article (its thread page), then the tags it shares suggest the other
    await get(app, ana, `/article/${fx.ids.analyst}/comments`);
    const suggested = (await get(app, ana, '/for-you')).html;
    expect(suggested).toContain('Because you read');
    expect(suggested).toContain(`/article/${fx.ids.troops}`);
    expect(suggested).not.toContain(`href="/article/${fx.ids.analyst}"`);
  });

  it('bookmarks carry data-save for offline reading, and removal works', async () => {
    await submit(app, ana, `/bookmarks/add?article=${fx.ids.troops}`, '/bookmarks/add', {
      article_id: fx.ids.troops,
    });
    const { html } = await get(app, ana, '/bookmarks');
    expect(html).toContain(`data-save="/article/${fx.ids.troops}"`);
    await post(app, ana, '/bookmarks/remove', { _csrf: csrfOf(html), article_id: fx.ids.troops });
    expect((await get(app, ana, '/bookmarks')).html).toContain('No bookmarks yet');
  });
});

describe('admin', () => {
  it('adds a source from a homepage by discovering its feed, pauses it, edits its display policy', async () => {
    const res = await submit(app, admin, '/admin/sources', '/admin/sources', {
      url: 'https://harbour.example/',
      display_policy: 'excerpt',
    });
    expect(res.headers.get('location')).toBe('/admin/sources?added=1');
    const source = await fx.store.sources.getByFeedUrl('https://harbour.example/rss.xml');
    expect(source).toMatchObject({
      name: 'Harbour Times',
      displayPolicy: 'excerpt',
      language: 'en',
      enabled: true,
    });
    await submit(app, admin, '/admin/sources', `/admin/sources/${source!.id}/pause`, {});
    expect((await fx.store.sources.get(source!.id))?.enabled).toBe(false);
    expect((await get(app, admin, '/admin/sources')).html).toContain('paused');
    await submit(app, admin, `/admin/sources/${source!.id}`, `/admin/sources/${source!.id}`, {
      name: 'Harbour',
      display_policy: 'full',
      language: 'en',
      homepage: '',
      country: 'gb',
    });
    expect(await fx.store.sources.get(source!.id)).toMatchObject({
      name: 'Harbour',
      displayPolicy: 'full',
      country: 'GB',
    });
    const none = await submit(app, admin, '/admin/sources', '/admin/sources', {
      url: 'https://nothing.example/',
    });
    expect(none.status).toBe(400);
  });

  it('roles and site settings; a moderator sees the queue but not the admin pages', async () => {
    const anaUser = await fx.store.users.getByEmail('ana@example.org');
    await submit(app, admin, '/admin/users', `/admin/users/${anaUser!.id}/role`, { role: 'moderator' });
    expect((await fx.store.users.get(anaUser!.id))?.role).toBe('moderator');
    expect((await fx.store.moderationLog.list())[0]).toMatchObject({
      action: 'role',
      subjectUserId: anaUser!.id,
    });
    expect((await get(app, ana, '/admin/moderation')).res.status).toBe(200);
    expect((await get(app, ana, '/admin/sources')).res.status).toBe(403);
    await submit(app, admin, '/admin/settings', '/admin/settings', {
      name: 'Harbour News',
      editions: 'en, ar, bogus!',
      defaultLanguage: 'ar',
    });
    const all = await fx.store.settings.all();
    expect([all['site.name'], all['site.editions'], all['site.defaultLanguage']]).toEqual([
      'Harbour News',
      '["en","ar"]',
      'ar',
    ]);
  });
});
