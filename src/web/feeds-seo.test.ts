// Feeds, SEO files, the PWA files, caching (ETag, 304, gzip) and the edition cookie.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebFixture, HOSTILE, type WebFixture } from '../../test/helpers/web-fixture.js';
import { silentLogger } from '../lib/log.js';
import { createApp } from './app.js';
import { xmlEscape } from './feeds.js';

let f: WebFixture;
let app: ReturnType<typeof createApp>;
const parser = new Parser();

beforeAll(async () => {
  f = await createWebFixture();
  app = createApp({ store: f.store, logger: silentLogger, siteName: 'Lede', related: async () => [] });
});
afterAll(async () => f?.close());

describe('feeds', () => {
  const pages = [
    '/feed',
    '/category/world/feed',
    '/tag/kursk/feed',
    `/source/SOURCE/feed`,
    '/story/story-1/feed',
    '/wrap-up/feed',
  ];

  it('serves RSS, Atom and JSON Feed for every listing, readable by a feed reader', async () => {
    for (const page of pages.map((p) => p.replace('SOURCE', f.sources.kyiv))) {
      for (const ext of ['xml', 'atom']) {
        const res = await app.request(`${page}.${ext}`);
        expect(res.status, `${page}.${ext}`).toBe(200);
        expect(res.headers.get('content-type')).toMatch(ext === 'xml' ? /rss\+xml/ : /atom\+xml/);
        const feed = await parser.parseString(await res.text());
        expect(feed.items.length, `${page}.${ext}`).toBeGreaterThan(0);
        expect(feed.items[0].link).toMatch(/^http:\/\/localhost\/article\//);
      }
      const json = (await (await app.request(`${page}.json`)).json()) as {
        version: string;
        items: unknown[];
      };
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.items.length).toBeGreaterThan(0);
    }
  });

  it('serves a feed of any search, and 404 for unknown listings', async () => {
    const feed = await parser.parseString(await (await app.request('/search/feed.xml?q=troops')).text());
    expect(feed.items.map((i) => i.title)).toContain('Analysts doubt Kyiv figure on North Korean troops');
    expect((await app.request('/tag/nope/feed.xml')).status).toBe(404);
    expect((await app.request('/category/nope/feed.json')).status).toBe(404);
  });

  it('escapes hostile text in XML and keeps it intact for readers', async () => {
    const xml = await (await app.request('/category/technology/feed.xml')).text();
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<img');
    const feed = await parser.parseString(xml);
    expect(feed.items[0].title).toBe(HOSTILE);
    const atom = await parser.parseString(await (await app.request('/search/feed.atom?q=hostile')).text());
    expect(atom.title).toContain('hostile');
    expect(xmlEscape('a\u0001b & <c>')).toBe('ab &amp; &lt;c&gt;');
  });
});

describe('SEO', () => {
  it('gives every page a search engine may index a meta description', async () => {
    for (const page of [
      '/',
      `/article/${f.ids.troops}`,
      `/story/${f.ids.story}`,
      '/category/world',
      '/tag/kursk',
      `/source/${f.sources.kyiv}`,
      '/wrap-up',
    ]) {
      const html = await (await app.request(page)).text();
      expect(html, page).not.toContain('name="robots" content="noindex"');
      expect(html, page).toMatch(/<meta name="description" content="[^"]{10,}"\/>/);
    }
    const world = await (await app.request('/category/world')).text();
    expect(world).toContain('content="World: the latest news from many sources, grouped into stories"');
  });

  it('article pages link to the original and carry Open Graph, Twitter and NewsArticle metadata', async () => {
    const html = await (await app.request(`/article/${f.ids.troops}`)).text();
    expect(html).toContain('<link rel="canonical" href="https://news.example/a-troops"/>');
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain('<meta property="og:image" content="https://img.example/ship.jpg"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]);
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      isBasedOn: 'https://news.example/a-troops',
      author: [{ name: 'Jane Reporter' }],
    });
  });

  it('robots.txt, sitemap.xml and the news sitemap', async () => {
    const robots = await (await app.request('/robots.txt')).text();
    expect(robots).toContain('Sitemap: http://localhost/sitemap.xml');
    expect(robots).toContain('Disallow: /search');
    const sitemap = await (await app.request('/sitemap.xml')).text();
    expect(sitemap).toContain('<loc>http://localhost/article/a-troops</loc>');
    expect(sitemap).toContain('<loc>http://localhost/story/story-1</loc>');
    const news = await (await app.request('/sitemap-news.xml')).text();
    expect(news).toContain('<news:title>North Korea to send as many as 30,000 troops');
    expect(news).not.toContain('<script>');
  });
});

describe('PWA', () => {
  it('serves the manifest with icons, the icons, the service worker at the root and an offline page', async () => {
    const manifest = (await (await app.request('/manifest.webmanifest')).json()) as {
      display: string;
      icons: Array<{ src: string }>;
    };
    expect(manifest.display).toBe('standalone');
    for (const icon of manifest.icons) expect((await app.request(icon.src)).status).toBe(200);
    const png = new Uint8Array(await (await app.request('/assets/icon-512.png')).arrayBuffer());
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const sw = await app.request('/sw.js');
    expect(sw.headers.get('service-worker-allowed')).toBe('/');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(await sw.text()).toContain("addEventListener('fetch'");
    expect(await (await app.request('/offline')).text()).toContain('You are offline');
  });
});

describe('caching and weight', () => {
  it('answers If-None-Match with 304 and sends gzip to clients that accept it', async () => {
    const first = await app.request(`/article/${f.ids.troops}`);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const again = await app.request(`/article/${f.ids.troops}`, { headers: { 'If-None-Match': tag! } });
    expect(again.status).toBe(304);
    const zipped = await app.request(`/article/${f.ids.troops}`, {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const body = gunzipSync(new Uint8Array(await zipped.arrayBuffer())).toString('utf8');
    expect(body).toContain('<h1>North Korea to send');
  });

  it('links pages to fingerprinted assets, cached for a year; any other asset URL for a day', async () => {
    const html = await (await app.request(`/article/${f.ids.troops}`)).text();
    const links = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const link of links) {
      expect(link).toMatch(/\?v=[0-9a-f]{12}$/);
      const res = await app.request(link);
      expect(res.status, link).toBe(200);
      expect(res.headers.get('cache-control'), link).toBe('public, max-age=31536000, immutable');
    }
    for (const stale of ['/assets/app.js', '/assets/app.js?v=000000000000', '/assets/icon-192.png']) {
      const res = await app.request(stale);
      expect(res.status, stale).toBe(200);
      expect(res.headers.get('cache-control'), stale).toBe('public, max-age=86400');
    }
    // a release that changes a file changes its URL
    expect(links.find((l) => l.startsWith('/assets/app.js?v='))).toContain(
      createHash('sha1')
        .update(readFileSync(new URL('./assets/app.js', import.meta.url)))
        .digest('hex')
        .slice(0, 12),
    );
  });

  it('keeps every page under 30 KB of JS and 30 KB of CSS, compressed (linked files and inline code)', async () => {
    const gzipped = async (path: string) => {
      const res = await app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(res.headers.get('content-encoding'), path).toBe('gzip');
      return (await res.arrayBuffer()).byteLength;
    };
    for (const page of [
      '/',
      `/article/${f.ids.troops}`,
      `/article/${f.ids.arabic}`,
      `/story/${f.ids.story}`,
      '/tag/kursk',
      '/search?q=troops',
      '/signin',
    ]) {
      const html = await (await app.request(page)).text();
      const weight = { js: 0, css: 0 };
      for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) weight.js += await gzipped(src);
      for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g))
        weight.css += await gzipped(href);
      // inline code, if any ever appears (JSON-LD is data, not script)
      for (const [, code] of html.matchAll(
        /<script(?![^>]*(?:\ssrc=|application\/ld\+json))[^>]*>([\s\S]*?)<\/script>/g,
      ))
        weight.js += gzipSync(code).length;
      for (const [, code] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g))
        weight.css += gzipSync(code).length;
      expect(weight.js, page).toBeGreaterThan(0);
      expect(weight.css, page).toBeGreaterThan(0);
      expect(weight.js, page).toBeLessThan(30 * 1024);
      expect(weight.css, page).toBeLessThan(30 * 1024);
    }
  });
});

describe('edition', () => {
  it('remembers the chosen edition in a cookie and shows that edition (UI in its language)', async () => {
    const res = await app.request('/edition?country=EG&language=ar&save=1');
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^edition=EG\.ar; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/);
    const home = await (await app.request('/', { headers: { Cookie: 'edition=EG.ar' } })).text();
    expect(home).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(home).toContain('<option value="EG" selected="">');
    expect(home).toContain('خطة دفاعية جديدة في القاهرة');
    expect(home).not.toContain('href="/article/a-hostile"');
  });

  it('ignores a forged cookie', async () => {
    const home = await (
      await app.request('/', { headers: { Cookie: 'edition="><script>x</script>' } })
    ).text();
    expect(home).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(home).not.toContain('<script>x');
  });
});
