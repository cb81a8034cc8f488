// Category, hashtag, source, story and search pages.
import { Hono } from 'hono';
import type { Article } from '../../domain/types.js';
import { buildStoryData } from '../../pipeline/stories/story-data.js';
import { pageOf, type Web } from '../context.js';
import type { PageContext } from '../pages/layout.js';
import { ListingPage } from '../pages/listing.js';
import { MANY, SearchPage } from '../pages/search.js';
import { SourcePage } from '../pages/source.js';
import { StoryPage } from '../pages/story.js';
import { TagAbout } from '../pages/tag.js';
import { loadComments } from '../people/comments-section.js';
import { notFound } from './errors.js';
import {
  coOccurring,
  isCategory,
  PAGE_SIZE,
  searchFormOf,
  searchParams,
  searchQueryOf,
  storyArticles,
} from './queries.js';

/** A listing page's bounds: one article more than fits, to tell whether an older page exists. */
const pageBounds = (page: number) => ({ limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });

/** The articles read with pageBounds as one page of a listing, counted, with links to its neighbours. */
async function pagedListing(web: Web, ctx: PageContext, page: number, read: Article[]) {
  const articles = read.slice(0, PAGE_SIZE);
  const counted = await web.withCounts(ctx, { articles: articles.map((a) => a.id) });
  const listed = {
    articles,
    sourceNames: await web.names(),
    olderHref: read.length > PAGE_SIZE ? `?page=${page + 1}` : null,
    newerHref: page > 1 ? `?page=${page - 1}` : null,
  };
  return { counted, listed };
}

export function listingRoutes(web: Web) {
  const app = new Hono();
  const { store } = web;

  app.get('/category/:slug', async (c) => {
    const slug = c.req.param('slug');
    if (!isCategory(slug)) return notFound(web, c);
    const page = pageOf(c.req.query('page'));
    const ctx = web.page(c);
    return web.send(
      c,
      `category:${slug}:${page}:${ctx.lang}`,
      async () => {
        const read = await store.articles.list({ category: slug, ...pageBounds(page) });
        const { counted, listed } = await pagedListing(web, ctx, page, read);
        return web.render(
          <ListingPage
            ctx={counted}
            data={{
              title: ctx.t(`category.${slug}`),
              description: ctx.t('category.description', { name: ctx.t(`category.${slug}`) }),
              ...listed,
              feed: `/category/${slug}/feed`,
            }}
          />,
        );
      },
      { vary: 'Cookie' },
    );
  });

  app.get('/tag/:slug', async (c) => {
    const slug = c.req.param('slug');
    const tag = await store.tags.get(slug);
    if (!tag) return notFound(web, c);
    const page = pageOf(c.req.query('page'));
    const ctx = web.page(c);
    return web.send(
      c,
      `tag:${slug}:${page}:${ctx.lang}`,
      async () => {
        const [read, count] = await Promise.all([
          store.articles.list({ tag: slug, ...pageBounds(page) }),
          store.articles.count({ tag: slug }),
        ]);
        const title = ctx.t('tag.title', { name: tag.name });
        const { counted, listed } = await pagedListing(web, ctx, page, read);
        return web.render(
          <ListingPage
            ctx={counted}
            data={{
              title,
              description: title,
              ...listed,
              feed: `/tag/${encodeURIComponent(slug)}/feed`,
              aside: <TagAbout ctx={ctx} facts={{ tag, count, together: coOccurring(slug, read) }} />,
            }}
          />,
        );
      },
      { vary: 'Cookie' },
    );
  });

  app.get('/source/:id', async (c) => {
    const source = await store.sources.get(c.req.param('id'));
    if (!source) return notFound(web, c);
    const ctx = web.page(c);
    const articles = await store.articles.list({ sourceId: source.id, limit: PAGE_SIZE });
    const counted = await web.withCounts(ctx, { articles: articles.map((a) => a.id) });
    return web.send(
      c,
      null,
      () => web.render(<SourcePage ctx={counted} source={source} articles={articles} />),
      {
        maxAge: 60,
        vary: 'Cookie',
      },
    );
  });

  app.get('/story/:id', async (c) => {
    const story = await store.stories.get(c.req.param('id'));
    if (!story) return notFound(web, c);
    if (story.mergedInto) return c.redirect(`/story/${encodeURIComponent(story.mergedInto)}`, 301);
    const ctx = web.page(c);
    return web.send(
      c,
      `story:${story.id}:${ctx.lang}`,
      async () => {
        const [articles, info, names, comments] = await Promise.all([
          storyArticles(store, story.id),
          web.sourceInfo(),
          web.names(),
          loadComments(store, 'story', story.id),
        ]);
        const data = buildStoryData(articles, info);
        const counted = await web.withCounts(ctx, { articles: articles.map((a) => a.id) });
        return web.render(
          <StoryPage
            ctx={counted}
            story={story}
            data={data}
            articles={articles}
            sourceNames={names}
            comments={comments}
          />,
        );
      },
      { vary: 'Cookie' },
    );
  });

  app.get('/search', async (c) => {
    const form = searchFormOf(c);
    const page = pageOf(c.req.query('page'), 50);
    const ctx = web.page(c);
    const result = form.q
      ? await store.search.search({
          ...searchQueryOf(form),
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        })
      : { hits: [], total: 0 };
    const sources = (await web.sources()).map((s) => ({ id: s.id, name: s.name }));
    const languages = [
      ...new Set((await web.sources()).map((s) => s.language).filter((l): l is string => !!l)),
    ].sort();
    // the total is exact up to MANY, a lower bound beyond: a full page says there may be more
    const more =
      result.hits.length === PAGE_SIZE && (result.total > page * PAGE_SIZE || result.total >= MANY);
    return web.send(
      c,
      null,
      () =>
        web.render(
          <SearchPage
            ctx={ctx}
            data={{
              form,
              hits: result.hits,
              total: result.total,
              sources,
              languages,
              olderHref: more ? `/search?${searchParams(form, page + 1)}` : null,
              newerHref: page > 1 ? `/search?${searchParams(form, page - 1)}` : null,
              feed: form.q ? `/search/feed?${searchParams(form)}` : null,
            }}
          />,
        ),
      { maxAge: 60, vary: 'Cookie' },
    );
  });

  return app;
}
