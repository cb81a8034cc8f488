// The web app factory: thin routes (input -> store query -> page or presenter), no I/O at import.
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { secureHeaders } from 'hono/secure-headers';
import { type Article, CATEGORIES, type Category } from '../domain/types.js';
import type { Logger } from '../lib/log.js';
import type { Store } from '../storage/store.js';
import { apiRoutes } from './api/routes.js';
import { translator } from './i18n/messages.js';
import { ArticlePage } from './pages/article.js';
import { ErrorPage } from './pages/error.js';
import { HomePage } from './pages/home.js';
import type { PageContext } from './pages/layout.js';
import { ListingPage } from './pages/listing.js';
import { SourcePage } from './pages/source.js';

export interface WebOptions {
  store: Store;
  logger: Logger;
  siteName: string;
  /** related articles for an article page (the stories stage ranks them) */
  related(article: Article): Promise<Article[]>;
  /** extra health facts for /healthz (queue depth…) */
  health?: () => Promise<Record<string, unknown>>;
}

const PAGE_SIZE = 24;
const css = readFileSync(new URL('./assets/style.css', import.meta.url), 'utf8');

export function createApp(options: WebOptions) {
  const { store, logger } = options;
  const app = new Hono();
  let sourceNames: { at: number; names: Map<string, string> } | null = null;

  // Source names change rarely; a few seconds of staleness saves a query per card.
  async function names(): Promise<Map<string, string>> {
    if (!sourceNames || Date.now() - sourceNames.at > 10_000) {
      const sources = await store.sources.list();
      sourceNames = { at: Date.now(), names: new Map(sources.map((s) => [s.id, s.name])) };
    }
    return sourceNames.names;
  }

  function pageContext(url: string): PageContext {
    return { t: translator('en'), lang: 'en', siteName: options.siteName, now: new Date(), url };
  }

  async function render(element: JSX.Element): Promise<string> {
    return `<!doctype html>${await element.toString()}`;
  }

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'https:', 'data:'],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use('*', compress());
  app.use('*', etag());

  app.get('/healthz', async (c) => {
    const articles = await store.articles.count();
    return c.json({
      status: 'ok',
      store: store.kind,
      articles,
      ...(options.health ? await options.health() : {}),
    });
  });

  app.get('/assets/style.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  app.get('/', async (c) => {
    const [latest, sections] = await Promise.all([
      store.articles.list({ limit: 12 }),
      Promise.all(
        CATEGORIES.map(async (category) => ({
          category,
          articles: await store.articles.list({ category, limit: 4 }),
        })),
      ),
    ]);
    c.header('Cache-Control', 'public, max-age=60');
    return c.html(
      render(
        <HomePage
          ctx={pageContext(c.req.url)}
          data={{
            latest,
            sections: sections.filter((s) => s.articles.length > 0),
            sourceNames: await names(),
          }}
        />,
      ),
    );
  });

  app.get('/article/:id', async (c) => {
    const article = await store.articles.get(c.req.param('id'));
    if (!article) return notFound(c.req.url);
    const [source, related] = await Promise.all([
      article.sourceId ? store.sources.get(article.sourceId) : null,
      options.related(article),
    ]);
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(
      render(
        <ArticlePage
          ctx={pageContext(c.req.url)}
          data={{ article, source, related, sourceNames: await names() }}
        />,
      ),
    );
  });

  app.get('/source/:id', async (c) => {
    const source = await store.sources.get(c.req.param('id'));
    if (!source) return notFound(c.req.url);
    const articles = await store.articles.list({ sourceId: source.id, limit: PAGE_SIZE });
    c.header('Cache-Control', 'public, max-age=60');
    return c.html(render(<SourcePage ctx={pageContext(c.req.url)} source={source} articles={articles} />));
  });

  app.get('/category/:slug', async (c) => {
    const slug = c.req.param('slug') as Category;
    if (!CATEGORIES.includes(slug)) return notFound(c.req.url);
    const page = Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1);
    const articles = await store.articles.list({
      category: slug,
      limit: PAGE_SIZE + 1,
      offset: (page - 1) * PAGE_SIZE,
    });
    const ctx = pageContext(c.req.url);
    c.header('Cache-Control', 'public, max-age=60');
    return c.html(
      render(
        <ListingPage
          ctx={ctx}
          data={{
            title: ctx.t(`category.${slug}`),
            articles: articles.slice(0, PAGE_SIZE),
            sourceNames: await names(),
            olderHref: articles.length > PAGE_SIZE ? `?page=${page + 1}` : null,
            newerHref: page > 1 ? `?page=${page - 1}` : null,
          }}
        />,
      ),
    );
  });

  app.route('/api/v1', apiRoutes(store));

  function notFound(url: string) {
    return htmlResponse(render(<ErrorPage ctx={pageContext(url)} status={404} />), 404);
  }

  app.notFound((c) => htmlResponse(render(<ErrorPage ctx={pageContext(c.req.url)} status={404} />), 404));
  app.onError((error, c) => {
    logger.error({ err: error, url: c.req.url }, 'request failed');
    return htmlResponse(render(<ErrorPage ctx={pageContext(c.req.url)} status={500} />), 500);
  });
  return app;
}

async function htmlResponse(body: Promise<string>, status: number): Promise<Response> {
  return new Response(await body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
