// /article/:id (with ?ask= for the no-JS answer) and /article/:id/ask.json.
import { Hono } from 'hono';
import { askArticle } from '../../pipeline/enrich/ask.js';
import type { Web } from '../context.js';
import { ArticlePage } from '../pages/article.js';
import { loadComments } from '../people/comments-section.js';
import { textModel } from '../text-body.js';
import { notFound } from './errors.js';

export function articleRoutes(web: Web) {
  const app = new Hono();
  const { store } = web;

  app.get('/article/:id', async (c) => {
    const id = c.req.param('id');
    const question = (c.req.query('ask') ?? '').trim().slice(0, 300);
    const ctx = web.page(c);
    const key = `article:${ctx.origin}:${id}:${ctx.lang}:${question}`;
    const opts = { maxAge: 300, vary: 'Cookie' };
    // a page rendered in the last seconds is sent as it is: no query at all
    if (web.cached(key)) return web.send(c, key, () => Promise.reject(new Error('unreachable')), opts);
    const article = await store.articles.get(id);
    if (!article) return notFound(web, c);
    return web.send(
      c,
      key,
      async () => {
        const [source, related, story, names, comments] = await Promise.all([
          article.sourceId ? store.sources.get(article.sourceId) : null,
          web.options.related(article),
          article.storyId ? store.stories.get(article.storyId) : null,
          web.names(),
          loadComments(store, 'article', article.id),
        ]);
        const full = source?.displayPolicy !== 'excerpt';
        const model = full ? textModel(article.text) : null;
        const answer = full && question ? askArticle(article.text, article.enrichment, question) : null;
        return web.render(
          <ArticlePage
            ctx={ctx}
            data={{
              article,
              source,
              related,
              sourceNames: names,
              model,
              answer,
              comments,
              story: story
                ? { id: story.id, articles: story.articleCount, sources: story.sourceCount }
                : null,
            }}
          />,
        );
      },
      opts,
    );
  });

  app.get('/article/:id/ask.json', async (c) => {
    const article = await store.articles.get(c.req.param('id'));
    if (!article) return c.json({ error: 'not found' }, 404);
    const source = article.sourceId ? await store.sources.get(article.sourceId) : null;
    if (source?.displayPolicy === 'excerpt')
      return c.json({ error: 'the publisher shares an excerpt only' }, 403);
    const answer = askArticle(article.text, article.enrichment, (c.req.query('q') ?? '').slice(0, 300));
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({
      question: answer.question,
      sentences: answer.sentences.map((s) => ({
        id: `s${s.start}`,
        start: s.start,
        end: s.end,
        text: s.text,
      })),
    });
  });

  return app;
}
