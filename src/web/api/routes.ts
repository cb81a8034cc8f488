// JSON API under /api/v1: query in -> store -> presenter out.
import { Hono } from 'hono';
import { CATEGORIES, type Category } from '../../domain/types.js';
import type { Store } from '../../storage/store.js';
import { presentArticle, presentArticleSummary, presentSource } from './presenters.js';

function limitOf(value: string | undefined, max = 100): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, max) : 20;
}

export function apiRoutes(store: Store) {
  const api = new Hono();

  api.get('/articles', async (c) => {
    const category = c.req.query('category');
    if (category && !CATEGORIES.includes(category as Category)) {
      return c.json({ error: `unknown category; one of ${CATEGORIES.join(', ')}` }, 400);
    }
    const articles = await store.articles.list({
      category: category as Category | undefined,
      sourceId: c.req.query('source') || undefined,
      storyId: c.req.query('story') || undefined,
      tag: c.req.query('tag') || undefined,
      before: c.req.query('before') || undefined,
      limit: limitOf(c.req.query('limit')),
    });
    return c.json({ articles: articles.map(presentArticleSummary) });
  });

  api.get('/articles/:id', async (c) => {
    const article = await store.articles.get(c.req.param('id'));
    if (!article) return c.json({ error: 'not found' }, 404);
    const source = article.sourceId ? await store.sources.get(article.sourceId) : null;
    return c.json({ article: presentArticle(article, source) });
  });

  api.get('/sources', async (c) => c.json({ sources: (await store.sources.list()).map(presentSource) }));

  api.get('/sources/:id', async (c) => {
    const source = await store.sources.get(c.req.param('id'));
    return source ? c.json({ source: presentSource(source) }) : c.json({ error: 'not found' }, 404);
  });

  return api;
}
