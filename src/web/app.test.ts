// The site in process: every route against a real SQLite store in a temp folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebFixture, HOSTILE, type WebFixture } from '../../test/helpers/web-fixture.js';
import { silentLogger } from '../lib/log.js';
import { createApp } from './app.js';

let f: WebFixture;
let app: ReturnType<typeof createApp>;
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await app.request(path, { headers });
  return { res, text: await res.text() };
};

beforeAll(async () => {
  f = await createWebFixture();
  app = createApp({
    store: f.store,
    logger: silentLogger,
    siteName: 'Lede',
    related: async (a) => (a.id === f.ids.troops ? [(await f.store.articles.get(f.ids.analyst))!] : []),
  });
});
afterAll(async () => f?.close());

describe('pages', () => {
  it('home: top stories with their source count, sections, latest, wrap-up, edition form', async () => {
    const { res, text } = await get('/');
    expect(res.status).toBe(200);
    expect(text).toMatch(/<h2 id="top">Top stories<\/h2>/);
    expect(text).toContain('<a href="/story/story-1" class="sources">2 sources</a>');
    expect(text).toContain('<h2 id="latest">Latest</h2>');
    expect(text).toContain('href="/category/world"');
    expect(text).toMatch(/<form class="edition compact" method="get" action="\/edition">/);
    expect(text).toContain('<option value="UA">Ukraine</option>');
  });

  it('article: headline once, meta, dateline, figure with credit, sentence spans, AI panel, share, comments mount', async () => {
    const { res, text } = await get(`/article/${f.ids.troops}`);
    expect(res.status).toBe(200);
    expect(text.match(/<h1[^>]*>/g)).toHaveLength(1);
    expect(text).toContain('By Jane Reporter');
    expect(text).toMatch(/<p class="dateline">.*Kyiv<\/p>/);
    expect(text).toMatch(
      /<img src="https:\/\/img.example\/ship.jpg"[^>]*loading="eager" fetchpriority="high"[^>]*width="1200" height="675"/,
    );
    expect(text).toContain('Credit: Open Source Centre/Airbus');
    // key point 1 starts at offset 5 and links to its sentence
    expect(text).toContain('<span id="s5" class="s">North Korea is set to triple');
    expect(text).toMatch(/<a href="#s5" class="cite" data-sentence="s5">North Korea is set/);
    expect(text).toContain('<a href="/tag/jenny-town">#Jenny Town</a>');
    expect(text).toContain('<a href="/tag/kursk">#Kursk</a>');
    expect(text).toMatch(
      /<strong>25,000 to 30,000 soldiers<\/strong><\/a> troops<span class="meta"> per Ukrainian officials/,
    );
    expect(text).toContain('<q>Together with our partners, we are monitoring these threats,</q>');
    expect(text).toContain('<time datetime="2025-06-05">');
    expect(text).toContain('Full coverage: 2 articles from 2 sources');
    expect(text).toContain('data-mount="comments"');
    expect(text).toContain('<h2 id="related">Related articles</h2>');
    expect(text).toContain('data-share="true"');
    expect(text).toContain('data-save="/article/a-troops"');
  });

  it('article: "Ask about this article" answers from the text without JavaScript, and as JSON', async () => {
    const { text } = await get(
      `/article/${f.ids.troops}?ask=${encodeURIComponent('Who said the number sounds realistic?')}`,
    );
    expect(text).toContain('<span id="s332" class="s hl">Jenny Town');
    expect(text).toMatch(/<ol><li><a href="#s332"/);
    const json = (await (
      await app.request(`/article/${f.ids.troops}/ask.json?q=how+many+troops`)
    ).json()) as { sentences: Array<{ id: string; start: number }> };
    expect(json.sentences[0]).toMatchObject({ id: 's5', start: 5 });
    const none = await get(`/article/${f.ids.troops}?ask=price+of+gold`);
    expect(none.text).toContain('does not seem to answer that');
  });

  it('article: an excerpt-only source shows an excerpt, key points and a prominent link, never the body', async () => {
    const { text } = await get(`/article/${f.ids.excerpt}`);
    expect(text).toContain('The publisher shares an excerpt here');
    expect(text).toContain('class="original prominent"');
    expect(text).not.toContain('class="s"');
    expect(text).not.toContain('id="ask"');
    expect((await app.request(`/article/${f.ids.excerpt}/ask.json?q=troops`)).status).toBe(403);
  });

  it('article: Arabic content is right-to-left inside an English page', async () => {
    const { text } = await get(`/article/${f.ids.arabic}`);
    expect(text).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(text).toContain('<article class="story" lang="ar" dir="rtl">');
  });

  it('story: sources with country and language, numbers board with the disagreement, timeline, quotes', async () => {
    const { res, text } = await get('/story/story-1');
    expect(res.status).toBe(200);
    expect(text).toContain('UA · en');
    expect(text).toContain('<tr class="disagree">');
    expect(text).toContain('Sources disagree');
    expect(text).toContain('<h3>Rustem Umerov</h3>');
    expect(text).toContain('<h2 id="all">All articles</h2>');
  });

  it('story: a merged story redirects to the one it was merged into', async () => {
    const res = await app.request('/story/story-old');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/story/story-1');
  });

  it('hashtag: latest news with the tag and what Lede knows of it', async () => {
    const { res, text } = await get('/tag/kursk');
    expect(res.status).toBe(200);
    expect(text).toContain('<h1>Latest news with #Kursk</h1>');
    expect(text).toMatch(
      /<dt>Type<\/dt><dd>Place<\/dd><dt>Country<\/dt><dd>Russia<\/dd><dt>Articles<\/dt><dd>2<\/dd>/,
    );
    expect(text).toContain('<a href="/tag/north-korea">#North Korea</a>');
    expect((await app.request('/tag/no-such-tag')).status).toBe(404);
  });

  it('category and source pages; the source page shows its health', async () => {
    const cat = await get('/category/world');
    expect(cat.res.status).toBe(200);
    expect(cat.text).toContain('<h1>World</h1>');
    expect((await app.request('/category/nope')).status).toBe(404);
    const src = await get(`/source/${f.sources.excerpt}`);
    expect(src.text).toContain('HTTP 503 from feed');
    expect(src.text).toContain('<dd>GB</dd>');
  });

  it('search: highlighted snippets, filters, pagination links, empty states', async () => {
    const { text } = await get('/search?q=troops');
    expect(text).toContain('<mark>troops</mark>');
    expect(text).toMatch(/2 results/);
    const filtered = await get(`/search?q=troops&source=${f.sources.kyiv}`);
    expect(filtered.text).toMatch(/1 results/);
    expect(filtered.text).toContain(`<option value="${f.sources.kyiv}" selected="">Kyiv Daily</option>`);
    expect((await get('/search?q=troops&category=politics')).text).toContain('Nothing matches');
    expect((await get('/search')).text).toContain('Type words to search');
  });

  it('wrap-up page and the 404 page', async () => {
    const { text } = await get('/wrap-up');
    expect(text).toContain('<h1>Daily wrap-up</h1>');
    expect(text).toContain('2 sources');
    const missing = await get('/article/nope');
    expect(missing.res.status).toBe(404);
    expect(missing.text).toContain('Page not found');
  });
});

describe('escaping', () => {
  it('never lets a hostile title, byline or tag name become markup', async () => {
    for (const path of [
      `/article/${f.ids.hostile}`,
      '/',
      '/category/technology',
      '/tag/hostile',
      '/search?q=hostile',
      '/feed.xml',
    ]) {
      const { text } = await get(path);
      expect(text, path).not.toContain('<script>alert');
      expect(text, path).not.toContain('<img src=x');
    }
  });

  it('escapes a hostile search term everywhere it is shown', async () => {
    const { text } = await get(`/search?q=${encodeURIComponent(HOSTILE)}`);
    expect(text).not.toContain('<script>alert');
    expect(text).not.toContain('"><img');
    expect(text).toContain('&lt;script&gt;alert(1)');
  });

  it('JSON-LD cannot be closed by a title holding </script>', async () => {
    const { text } = await get(`/article/${f.ids.hostile}`);
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(text);
    expect(ld).not.toBeNull();
    expect(ld![1]).not.toContain('<');
    expect(JSON.parse(ld![1]).headline).toContain('<script>alert(1)</script>');
  });
});
