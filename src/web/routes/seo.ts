// robots.txt, sitemap.xml (pages and recent articles) and the Google News sitemap (last 48 h).
import { Hono } from 'hono';
import { CATEGORIES } from '../../domain/types.js';
import type { Web } from '../context.js';
import { xmlEscape } from '../feeds.js';

const SITEMAP_ARTICLES = 5000;
const NEWS_HOURS = 48;
const NEWS_MAX = 1000;

export function seoRoutes(web: Web) {
  const app = new Hono();
  const { store } = web;
  const originOf = (url: string) => new URL(url).origin;

  app.get('/robots.txt', (c) => {
    const origin = originOf(c.req.url);
    const body = [
      'User-agent: *',
      'Allow: /',
      'Disallow: /search',
      'Disallow: /api/',
      'Disallow: /edition',
      'Disallow: /*?ask=',
      `Sitemap: ${origin}/sitemap.xml`,
      `Sitemap: ${origin}/sitemap-news.xml`,
      '',
    ].join('\n');
    return web.send(c, `robots:${origin}`, async () => body, {
      type: 'text/plain; charset=utf-8',
      maxAge: 3600,
    });
  });

  app.get('/sitemap.xml', async (c) => {
    const origin = originOf(c.req.url);
    return web.send(
      c,
      `sitemap:${origin}`,
      async () => {
        const [articles, stories] = await Promise.all([
          store.articles.list({ limit: SITEMAP_ARTICLES }),
          store.stories.top({ limit: 500 }),
        ]);
        const urls: Array<[string, string | null]> = [
          [`${origin}/`, null],
          [`${origin}/wrap-up`, null],
          ...CATEGORIES.map((slug): [string, string | null] => [`${origin}/category/${slug}`, null]),
          ...stories.map((s): [string, string | null] => [`${origin}/story/${s.id}`, s.updatedAt]),
          ...articles.map((a): [string, string | null] => [
            `${origin}/article/${a.id}`,
            a.modifiedAt ?? a.publishedAt,
          ]),
        ];
        const lines = urls.map(([loc, lastmod]) => {
          const t = lastmod ? Date.parse(lastmod) : Number.NaN;
          const mod = Number.isFinite(t) ? `<lastmod>${new Date(t).toISOString()}</lastmod>` : '';
          return `<url><loc>${xmlEscape(loc)}</loc>${mod}</url>`;
        });
        return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</urlset>\n`;
      },
      { type: 'application/xml; charset=utf-8', maxAge: 600 },
    );
  });

  app.get('/sitemap-news.xml', async (c) => {
    const origin = originOf(c.req.url);
    return web.send(
      c,
      `news-sitemap:${origin}`,
      async () => {
        const since = new Date(Date.now() - NEWS_HOURS * 3_600_000).toISOString();
        const articles = await store.articles.list({ since, limit: NEWS_MAX });
        const name = xmlEscape(web.options.siteName);
        const lines = articles
          .filter((a) => a.publishedAt && Number.isFinite(Date.parse(a.publishedAt)))
          .map(
            (a) =>
              `<url><loc>${xmlEscape(`${origin}/article/${a.id}`)}</loc><news:news><news:publication><news:name>${name}</news:name>` +
              `<news:language>${xmlEscape(a.language ?? 'en')}</news:language></news:publication>` +
              `<news:publication_date>${new Date(Date.parse(a.publishedAt ?? '')).toISOString()}</news:publication_date>` +
              `<news:title>${xmlEscape(a.title)}</news:title></news:news></url>`,
          );
        return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${lines.join('\n')}\n</urlset>\n`;
      },
      { type: 'application/xml; charset=utf-8', maxAge: 600 },
    );
  });

  return app;
}
