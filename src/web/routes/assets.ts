// Static assets (static-assets.ts), the service worker, the web manifest and the offline page.
// A fingerprinted asset URL (?v= of the current bytes) is cached for a year; any other asset URL
// for a day (a page rendered before a release still revalidates with its ETag); /sw.js is
// no-cache so a new worker is picked up.
import { Hono } from 'hono';
import type { Web } from '../context.js';
import { ASSETS, assetHref, SERVICE_WORKER } from '../static-assets.js';

const DAY = 86_400;
const YEAR = 365 * DAY;

export function assetRoutes(web: Web) {
  const app = new Hono();

  app.get('/assets/:name', async (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (!asset) return c.text('not found', 404);
    const cacheControl =
      c.req.query('v') === asset.version ? `public, max-age=${YEAR}, immutable` : `public, max-age=${DAY}`;
    const text = asset.type.startsWith('image/png') ? null : asset.bytes.toString('utf8');
    if (text === null) {
      c.header('Cache-Control', cacheControl);
      return c.body(new Uint8Array(asset.bytes), 200, { 'Content-Type': asset.type });
    }
    const res = await web.send(c, `asset:${c.req.param('name')}`, async () => text, { type: asset.type });
    res.headers.set('Cache-Control', cacheControl);
    return res;
  });

  app.get('/sw.js', async (c) => {
    const res = await web.send(c, 'sw.js', async () => SERVICE_WORKER, {
      type: 'text/javascript; charset=utf-8',
      maxAge: 0,
    });
    res.headers.set('Cache-Control', 'no-cache');
    res.headers.set('Service-Worker-Allowed', '/');
    return res;
  });

  app.get('/manifest.webmanifest', (c) => {
    const { t } = web.page(c);
    const manifest = {
      name: web.options.siteName,
      short_name: web.options.siteName,
      description: t('site.tagline'),
      start_url: '/?source=pwa',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#b3261e',
      icons: [
        { src: assetHref('icon-192.png'), sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: assetHref('icon-512.png'), sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        { src: assetHref('icon.svg'), sizes: 'any', type: 'image/svg+xml' },
      ],
    };
    return web.send(c, `manifest:${web.page(c).lang}`, async () => JSON.stringify(manifest), {
      type: 'application/manifest+json; charset=utf-8',
      maxAge: DAY,
    });
  });

  app.get('/offline', (c) =>
    web.send(c, `offline:${web.page(c).lang}`, async () => offlinePage(web.page(c)), { maxAge: DAY }),
  );

  return app;
}

function offlinePage(ctx: ReturnType<Web['page']>): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html><html lang="${esc(ctx.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(ctx.t('offline.title'))}</title><link rel="stylesheet" href="${assetHref('style.css')}"></head><body><main id="main"><h1>${esc(ctx.t('offline.title'))}</h1><p>${esc(ctx.t('offline.body'))}</p><p><a href="/">${esc(ctx.siteName)}</a></p></main></body></html>`;
}
