/// <reference lib="dom" />
// The reader's site in real Chromium: navigation, the AI panel, offline reading, RTL, axe-core.
// Skipped (loudly, see test/helpers/browser.ts) only when Chromium is missing outside CI.
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Site, SKIP_BROWSER, signedInAdminContext, startSite } from '../helpers/browser.js';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

// Reason for skipIf: these tests need Debian's Chromium (/usr/bin/chromium); without it, and
// outside CI, they are skipped with a loud warning. In CI a missing Chromium fails them.
describe.skipIf(SKIP_BROWSER)('site in Chromium', () => {
  let browser: Browser;
  let site: Site;
  let context: BrowserContext;

  beforeAll(async () => {
    [browser, site] = await Promise.all([launch(), startSite()]);
    context = await browser.newContext();
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, ctx = context): Promise<Page> {
    const page = await ctx.newPage();
    await page.goto(`${site.base}${path}`, { waitUntil: 'load' });
    return page;
  }

  it('home -> article -> hashtag -> search -> story', async () => {
    const page = await open('/');
    await page
      .getByRole('link', { name: /North Korea to send as many as 30,000 troops/ })
      .first()
      .click();
    await expect.poll(() => page.url()).toContain(`/article/${site.fixture.ids.troops}`);
    expect(await page.locator('h1').count()).toBe(1);
    await page.getByRole('link', { name: '#Kursk' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Latest news with #Kursk');
    await page.fill('#q', 'troops');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\/search\?q=troops/);
    expect(await page.locator('.snippet mark').first().textContent()).toMatch(/troops/i);
    await page.goto(`${site.base}/article/${site.fixture.ids.troops}`);
    await page.getByRole('link', { name: /Full coverage: 2 articles from 2 sources/ }).click();
    await page.waitForURL(/\/story\/story-1$/);
    expect(await page.locator('tr.disagree').count()).toBe(1);
    await page.close();
  });

  it('the AI panel highlights the sentence of a key point, and Ask highlights its answer', async () => {
    const page = await open(`/article/${site.fixture.ids.troops}`);
    const sentence = page.locator('#s5');
    const before = await sentence.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.locator('.ai a.cite[href="#s5"]').first().click();
    await expect.poll(() => sentence.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(before);
    await page.fill('#ask-q', 'Who said the number sounds realistic?');
    await page.click('#ask button[type="submit"]');
    await expect.poll(() => page.locator('#s332').getAttribute('class')).toContain('hl');
    expect(await page.locator('#answer li').first().textContent()).toMatch(/^Jenny Town/);
    // the answer came from the JSON endpoint: the page was not reloaded
    expect(page.url()).toContain('?ask=');
    await page.close();
  });

  it('keeps a visited article readable offline (service worker)', async () => {
    // its own site, whose server is stopped below: a service worker's own fetches are not
    // covered by the browser's offline emulation, a closed port is
    const own = await startSite();
    const ctx = await browser.newContext();
    try {
      const page = await ctx.newPage();
      await page.goto(`${own.base}/`);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.goto(`${own.base}/article/${own.fixture.ids.troops}`);
      await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
      await ctx.setOffline(true);
      await own.stopServing();
      await page.goto(`${own.base}/article/${own.fixture.ids.troops}`);
      expect(await page.locator('h1').textContent()).toContain('North Korea to send');
      // a page never visited is not there: the offline page says so
      await page.goto(`${own.base}/article/${own.fixture.ids.arabic}`);
      expect(await page.locator('h1').textContent()).toBe('You are offline');
    } finally {
      await ctx.close();
      await own.close();
    }
  });

  it('keeps bookmarked articles ([data-save] links) for offline reading', async () => {
    const ctx = await browser.newContext();
    try {
      const page = await ctx.newPage();
      const fill = async (path: string, form: Record<string, string>, submit: string) => {
        await page.goto(`${site.base}${path}`);
        for (const [name, value] of Object.entries(form)) await page.fill(`#f-${name}`, value);
        await Promise.all([page.waitForNavigation(), page.click(submit)]);
      };
      const account = { email: 'saver@example.org', password: 'correct horse battery' };
      await fill('/signup', { name: 'Saver', ...account }, 'main button[type=submit]');
      await fill('/signin', account, 'main form:not(.inline) button[type=submit]');
      await page.goto(`${site.base}/bookmarks/add?article=${site.fixture.ids.troops}`);
      await Promise.all([
        page.waitForURL(/\/bookmarks$/),
        page.click('main .people form.inline:not(.account-bar form) button'),
      ]);
      const path = `/article/${site.fixture.ids.troops}`;
      expect(await page.locator(`a[data-save="${path}"]`).count()).toBe(1);
      await expect
        .poll(
          () =>
            page.evaluate(
              (p) =>
                caches
                  .open('lede-saved')
                  .then((c) => c.match(p))
                  .then(Boolean),
              path,
            ),
          {
            timeout: 10_000,
          },
        )
        .toBe(true);
    } finally {
      await ctx.close();
    }
  });

  it('lays out an Arabic article right to left', async () => {
    const page = await open(`/article/${site.fixture.ids.arabic}`);
    const article = page.locator('article.story');
    expect(await article.getAttribute('dir')).toBe('rtl');
    expect(await article.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    const h1 = await page.locator('h1').boundingBox();
    const body = await article.boundingBox();
    // right-aligned: the headline ends at the article's right edge
    expect(Math.abs(h1!.x + h1!.width - (body!.x + body!.width))).toBeLessThan(2);
    await page.close();
  });

  /** axe-core's violations on an open page, one line each: rule, then the elements. */
  async function axeViolations(page: Page): Promise<string[]> {
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
      const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map(
        (v: { id: string; nodes: Array<{ target: string[] }> }) =>
          `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    });
  }

  it('lays the Arabic admin pages out right to left, in Arabic, with no axe-core violation', async () => {
    const ctx = await signedInAdminContext(
      browser,
      site,
      { email: 'rtl-admin@example.org', name: 'مدير الموقع' },
      { context: { bypassCSP: true }, cookies: { edition: '-.ar' } },
    );
    try {
      for (const [path, title] of [
        ['/admin', 'الإدارة'],
        ['/admin/sources', 'المصادر'],
        [`/admin/sources/${site.fixture.sources.excerpt}`, 'المصدر: Excerpt Times'],
        ['/admin/users', 'الحسابات'],
        ['/admin/moderation', 'قائمة الإشراف'],
        ['/admin/settings', 'إعدادات الموقع'],
      ]) {
        const page = await open(path, ctx);
        expect(await page.locator('h1').textContent(), path).toBe(title);
        const h1 = page.locator('h1');
        expect(await h1.evaluate((el) => getComputedStyle(el).direction), path).toBe('rtl');
        // right-aligned: the heading's text ends at the right edge of its box
        const ends = await h1.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return [range.getBoundingClientRect().right, el.getBoundingClientRect().right];
        });
        expect(Math.abs(ends[0] - ends[1]), path).toBeLessThan(2);
        expect(await axeViolations(page), path).toEqual([]);
        await page.close();
      }
    } finally {
      await ctx.close();
    }
  }, 90_000);

  it('axe-core finds no violations on the main pages', async () => {
    const ctx = await browser.newContext({ bypassCSP: true });
    const { ids } = site.fixture;
    for (const path of [
      '/',
      `/article/${ids.troops}`,
      `/article/${ids.arabic}`,
      '/story/story-1',
      '/tag/kursk',
      '/category/world',
      `/source/${site.fixture.sources.kyiv}`,
      '/edition',
      '/search?q=troops',
      '/wrap-up',
      '/signin',
      '/signup',
    ]) {
      const page = await open(path, ctx);
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    }
    await ctx.close();
    // ten pages, each injecting and running axe: generous on a loaded machine
  }, 90_000);
});
