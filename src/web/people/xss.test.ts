// 61 XSS payloads in comments, display names and search terms: every page that shows them must
// hold no executable markup (the Chromium check is in test/browser/people-xss.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebFixture, type WebFixture } from '../../../test/helpers/web-fixture.js';
import { renderMarkdown } from '../../comments/markdown.js';
import { executableMarkup } from './inert.js';
import { type App, get, newJar, peopleApp, seedPayloads, signUpAndIn } from './testing.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

let fx: WebFixture;
let app: App;
const moderator = newJar();

beforeAll(async () => {
  fx = await createWebFixture();
  ({ app } = peopleApp(fx.store));
  await signUpAndIn(
    app,
    moderator,
    'root@example.org',
    'correct horse battery',
    '<img src=x onerror=alert("admin")>',
  );
  await seedPayloads(fx);
}, 60_000);
afterAll(async () => {
  await fx.close();
});

describe('XSS payloads render inert', () => {
  it('there are at least 50 payloads, and the checker catches them when they are not escaped', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    const caught = XSS_PAYLOADS.filter((p) => executableMarkup(`<div>${p}</div>`).length > 0);
    // the markdown-only ones and a few malformed ones are not HTML at all when raw
    expect(caught.length).toBeGreaterThanOrEqual(45);
  });

  it.each(XSS_PAYLOADS.map((p, i) => [i, p] as const))('markdown #%i', (_i, payload) => {
    const html = renderMarkdown(payload);
    expect(executableMarkup(html)).toEqual([]);
    expect(html).not.toMatch(/<(?!\/?(p|br|strong|em|blockquote|a)[\s>])/i);
  });

  const pages = () => [
    `/article/${fx.ids.troops}`,
    `/article/${fx.ids.troops}/comments`,
    `/story/${fx.ids.story}`,
    `/story/${fx.ids.story}/comments`,
    '/admin/moderation',
    '/admin/users',
  ];

  it('article, story, thread, moderation and account pages (as moderator and signed out)', async () => {
    for (const path of pages()) {
      for (const jar of [moderator, newJar()]) {
        const { res, html } = await get(app, jar, path);
        if (jar !== moderator && path.startsWith('/admin')) continue;
        expect(res.status, path).toBe(200);
        expect(executableMarkup(html), path).toEqual([]);
        // the payloads are shown as text (proof that the page really rendered them)
        if (jar === moderator && (path.includes('comments') || path.startsWith('/admin/moderation')))
          expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      }
    }
  });

  it.each(XSS_PAYLOADS.map((p, i) => [i, p] as const))('search term #%i', async (_i, payload) => {
    for (const path of [
      `/search?q=${encodeURIComponent(payload)}`,
      `/for-you?q=${encodeURIComponent(payload)}`,
      `/signin?next=${encodeURIComponent(payload)}`,
    ]) {
      const { html } = await get(app, moderator, path);
      expect(executableMarkup(html), path).toEqual([]);
    }
  });
});
