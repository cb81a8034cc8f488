// A front microcache, like a reverse proxy's: for a few seconds, a public, validated (ETag)
// 200 response is replayed byte for byte, before routing, middleware or any query. The key is
// everything a page varies on: the URL, the edition cookie and whether the body is gzip.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { EDITION_COOKIE } from './edition.js';

interface Entry {
  at: number;
  etag: string;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

const KEEP_ON_304 = ['cache-control', 'etag', 'vary', 'expires', 'date', 'content-location'];

export function microcache(ttlMs: number, maxEntries = 2000): MiddlewareHandler {
  const entries = new Map<string, Entry>();
  return async (c, next) => {
    if (ttlMs <= 0 || c.req.method !== 'GET') return next();
    const gzip = /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
    const key = `${gzip ? 'z' : 'p'}\u0000${getCookie(c, EDITION_COOKIE) ?? ''}\u0000${c.req.url}`;
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) {
      if (c.req.header('If-None-Match')?.includes(hit.etag)) {
        const headers: Record<string, string> = {};
        for (const name of KEEP_ON_304) if (hit.headers[name]) headers[name] = hit.headers[name];
        return new Response(null, { status: 304, headers });
      }
      return new Response(hit.body, { status: 200, headers: hit.headers });
    }
    await next();
    const res = c.res;
    const etag = res.headers.get('etag');
    const cacheControl = res.headers.get('cache-control') ?? '';
    if (
      res.status !== 200 ||
      !etag ||
      !/^public, max-age=[1-9]/.test(cacheControl) ||
      res.headers.has('set-cookie')
    )
      return;
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = new Uint8Array(await res.clone().arrayBuffer());
    entries.delete(key);
    entries.set(key, { at: now, etag, headers, body });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };
}
