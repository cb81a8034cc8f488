import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { microcache } from './microcache.js';

function counter() {
  let n = 0;
  const app = new Hono();
  app.use('*', microcache(60_000));
  app.get('/page', (c) => {
    n++;
    c.header('Cache-Control', 'public, max-age=60');
    c.header('ETag', `"v${n}"`);
    return c.text(`render ${n} ${c.req.header('Accept-Encoding') ?? ''}`);
  });
  app.get('/private', (c) => {
    n++;
    c.header('Cache-Control', 'public, max-age=60');
    c.header('ETag', `"p${n}"`);
    c.header('Set-Cookie', 'a=b');
    return c.text(`private ${n}`);
  });
  return { app, renders: () => n };
}

describe('microcache', () => {
  it('replays a public, validated page without running the handler, and answers 304', async () => {
    const { app, renders } = counter();
    expect(await (await app.request('/page')).text()).toBe('render 1 ');
    const again = await app.request('/page');
    expect(await again.text()).toBe('render 1 ');
    expect(again.headers.get('etag')).toBe('"v1"');
    expect(renders()).toBe(1);
    const notModified = await app.request('/page', { headers: { 'If-None-Match': '"v1"' } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('keeps variants apart (edition cookie, gzip) and never caches a response that sets a cookie', async () => {
    const { app, renders } = counter();
    await app.request('/page');
    await app.request('/page', { headers: { Cookie: 'edition=EG.ar' } });
    await app.request('/page', { headers: { 'Accept-Encoding': 'gzip' } });
    await app.request('/page?x=1');
    expect(renders()).toBe(4);
    await app.request('/private');
    await app.request('/private');
    expect(renders()).toBe(6);
  });
});
