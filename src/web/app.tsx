// The web app factory: middleware, then one route module per area. No I/O at import besides
// reading the static assets. Accounts and comments mount under src/web/people/ with one line.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import { apiRoutes } from './api/routes.js';
import { createWeb, type WebOptions } from './context.js';
import { microcache } from './microcache.js';
import { peopleRoutes } from './people/index.js';
import { articleRoutes } from './routes/article.js';
import { assetRoutes } from './routes/assets.js';
import { notFound, serverError } from './routes/errors.js';
import { feedRoutes } from './routes/feeds.js';
import { homeRoutes } from './routes/home.js';
import { listingRoutes } from './routes/listings.js';
import { seoRoutes } from './routes/seo.js';
import { websubRoutes } from './routes/websub.js';

export type { WebOptions } from './context.js';

export function createApp(options: WebOptions) {
  const { store, logger } = options;
  const web = createWeb(options);
  const app = new Hono();

  // replays a page rendered in the last seconds before anything else runs
  app.use('*', microcache((options.pageTtlSeconds ?? 10) * 1000));
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
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // site settings (name, default language) read before any page renders; cached a few seconds
  app.use('*', async (c, next) => {
    if (!c.req.path.startsWith('/assets/')) await web.settings();
    await next();
  });
  // Pages and feeds come pre-compressed with their ETag (context.ts); these cover the rest.
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

  app.route('/', assetRoutes(web));
  app.route('/', homeRoutes(web));
  app.route('/', articleRoutes(web));
  app.route('/', listingRoutes(web));
  app.route('/', feedRoutes(web));
  app.route('/', seoRoutes(web));
  app.route('/', websubRoutes(web));
  app.route('/api/v1', apiRoutes(store));
  app.route('/', peopleRoutes(web));

  app.notFound((c) => notFound(web, c));
  app.onError((error, c) => {
    logger.error({ err: error, url: c.req.url }, 'request failed');
    return serverError(web, c);
  });
  return app;
}
