// Static assets read once at start: the style sheet, the page script, the service worker, the
// web manifest and the icons. Long-lived caching for /assets/* (they change with a release; the
// ETag still revalidates), no-cache for /sw.js so a new worker is picked up.
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { Web } from '../context.js';

const dir = new URL('../assets/', import.meta.url);
const file = (name: string) => readFileSync(new URL(name, dir));

const ASSETS: Record<string, { type: string; bytes: Buffer }> = {
  'style.css': { type: 'text/css; charset=utf-8', bytes: file('style.css') },
  'app.js': { type: 'text/javascript; charset=utf-8', bytes: file('app.js') },
  'icon.svg': { type: 'image/svg+xml', bytes: file('icon.svg') },
  'icon-192.png': { type: 'image/png', bytes: file('icon-192.png') },
  'icon-512.png': { type: 'image/png', bytes: file('icon-512.png') },
};
const SW = file('sw.js').toString('utf8');

export function assetRoutes(web: Web) {
  const app = new Hono();

  app.get('/assets/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (!asset) return c.text('not found', 404);
    const text = asset.type.startsWith('image/png') ? null : asset.bytes.toString('utf8');
    if (text === null) {
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(new Uint8Array(asset.bytes), 200, { 'Content-Type': asset.type });
    }
    return web.send(c, `asset:${c.req.param('name')}`, async () => text, { type: asset.type, maxAge: 86400 });
  });

  app.get('/sw.js', async (c) => {
    const res = await web.send(c, 'sw.js', async () => SW, {
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
        { src: '/assets/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/assets/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        { src: '/assets/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    };
    return web.send(c, `manifest:${web.page(c).lang}`, async () => JSON.stringify(manifest), {
      type: 'application/manifest+json; charset=utf-8',
      maxAge: 86400,
    });
  });

  app.get('/offline', (c) =>
    web.send(c, `offline:${web.page(c).lang}`, async () => offlinePage(web.page(c)), { maxAge: 86400 }),
  );

  return app;
}

function offlinePage(ctx: ReturnType<Web['page']>): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html><html lang="${esc(ctx.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(ctx.t('offline.title'))}</title><link rel="stylesheet" href="/assets/style.css"></head><body><main id="main"><h1>${esc(ctx.t('offline.title'))}</h1><p>${esc(ctx.t('offline.body'))}</p><p><a href="/">${esc(ctx.siteName)}</a></p></main></body></html>`;
}
