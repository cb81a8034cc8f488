// Feeds for home, every category, hashtag, source, story, the wrap-up and any search:
// <page path>/feed.xml (RSS), .atom, .json; the home page's are /feed.xml, /feed.atom, /feed.json.
import { type Context, Hono } from 'hono';
import type { Article } from '../../domain/types.js';
import type { Web } from '../context.js';
import { FEED_TYPES, type FeedFormat, type FeedMeta, itemOf, renderFeed } from '../feeds.js';
import { isCategory, searchFormOf, searchParams, searchQueryOf, storyArticles } from './queries.js';

const FORMATS: FeedFormat[] = ['xml', 'atom', 'json'];
const ITEMS = 30;

type Source = (c: Context) => Promise<{
  title: string;
  description: string;
  page: string;
  articles: Article[];
  language?: string | null;
} | null>;

export function feedRoutes(web: Web) {
  const app = new Hono();
  const { store } = web;

  function register(path: string, load: Source, cacheable = true) {
    for (const format of FORMATS) {
      app.get(`${path}.${format}`, async (c) => {
        const data = await load(c);
        if (!data) return c.text('not found', 404);
        const origin = new URL(c.req.url).origin;
        const ctxUrl = new URL(c.req.url);
        const meta: FeedMeta = {
          title: `${data.title} · ${web.options.siteName}`,
          description: data.description,
          pageUrl: `${origin}${data.page}`,
          feedUrl: `${origin}${ctxUrl.pathname}${ctxUrl.search}`,
          language: data.language,
        };
        const body = renderFeed(
          format,
          meta,
          data.articles.slice(0, ITEMS).map((a) => itemOf(a, origin)),
        );
        return web.send(c, cacheable ? `feed:${c.req.url}` : null, async () => body, {
          type: FEED_TYPES[format],
          maxAge: 300,
        });
      });
    }
  }

  const t = (c: Context) => web.page(c).t;

  register('/feed', async (c) => ({
    title: t(c)('home.latest'),
    description: t(c)('site.tagline'),
    page: '/',
    articles: await store.articles.list({ limit: ITEMS }),
  }));
  register('/wrap-up/feed', async (c) => {
    const wrapUp = await web.wrapUp();
    const ids = (wrapUp.editions.find((e) => e.edition === 'all')?.stories ?? [])
      .map((s) => s.leadArticleId)
      .filter((id): id is string => id !== null);
    const articles = ids.length ? await store.articles.list({ ids, limit: ITEMS }) : [];
    const order = new Map(ids.map((id, i) => [id, i]));
    articles.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return { title: t(c)('wrapUp.title'), description: t(c)('wrapUp.intro'), page: '/wrap-up', articles };
  });
  register('/category/:slug/feed', async (c) => {
    const slug = c.req.param('slug') ?? '';
    if (!isCategory(slug)) return null;
    const title = t(c)(`category.${slug}`);
    return {
      title,
      description: title,
      page: `/category/${slug}`,
      articles: await store.articles.list({ category: slug, limit: ITEMS }),
    };
  });
  register('/tag/:slug/feed', async (c) => {
    const tag = await store.tags.get(c.req.param('slug') ?? '');
    if (!tag) return null;
    const title = t(c)('tag.title', { name: tag.name });
    return {
      title,
      description: title,
      page: `/tag/${encodeURIComponent(tag.slug)}`,
      articles: await store.articles.list({ tag: tag.slug, limit: ITEMS }),
    };
  });
  register('/source/:id/feed', async (c) => {
    const source = await store.sources.get(c.req.param('id') ?? '');
    if (!source) return null;
    return {
      title: source.name,
      description: t(c)('source.articles', { name: source.name }),
      page: `/source/${source.id}`,
      language: source.language,
      articles: await store.articles.list({ sourceId: source.id, limit: ITEMS }),
    };
  });
  register('/story/:id/feed', async (c) => {
    const story = await store.stories.get(c.req.param('id') ?? '');
    if (!story) return null;
    const articles = (await storyArticles(store, story.mergedInto ?? story.id)).slice(0, ITEMS);
    return {
      title: story.title,
      description: t(c)('story.title'),
      page: `/story/${story.mergedInto ?? story.id}`,
      articles,
    };
  });
  register(
    '/search/feed',
    async (c) => {
      const form = searchFormOf(c);
      if (!form.q) return null;
      const { hits } = await store.search.search({ ...searchQueryOf(form), limit: ITEMS });
      const title = t(c)('search.resultsFor', { q: form.q });
      return {
        title,
        description: title,
        page: `/search?${searchParams(form)}`,
        articles: hits.map((h) => h.article),
      };
    },
    false,
  );

  return app;
}
