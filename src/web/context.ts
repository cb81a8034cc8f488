// What every route module shares: the store and options, small TTL caches of data that is the
// same for every reader for a few seconds, the reader's page context, and the response helper
// that renders once, keeps the bytes (plain and gzip) and answers If-None-Match with 304.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { commentCounts } from '../comments/counts.js';
import type { Article, SiteSettings, Source, Story } from '../domain/types.js';
import type { Logger } from '../lib/log.js';
import type { SourceInfo } from '../pipeline/stories/story-data.js';
import { dailyWrapUp, type WrapUp } from '../pipeline/stories/wrap-up.js';
import type { Store } from '../storage/store.js';
import { TtlCache } from './cache.js';
import { EDITION_COOKIE, type Edition, editionFromCookie, uiLanguageOf } from './edition.js';
import { translator, uiLanguages } from './i18n/messages.js';
import type { PageContext } from './pages/layout.js';
import { siteSettings } from './people/site-settings.js';

export interface WebOptions {
  store: Store;
  logger: Logger;
  siteName: string;
  /** related articles for an article page (the stories stage ranks them) */
  related(article: Article): Promise<Article[]>;
  /** extra health facts for /healthz (queue depth…) */
  health?: () => Promise<Record<string, unknown>>;
  /** WebSub callbacks, when Lede has a public address (LEDE_PUBLIC_URL) */
  websub?: {
    verify(sourceId: string, query: Record<string, string>): Promise<string | null>;
    receive(sourceId: string, body: Buffer, signature: string | null): Promise<number>;
  };
  /** seconds a rendered page is reused before it is rendered again (default 10) */
  pageTtlSeconds?: number;
}

interface Rendered {
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  type: string;
}

export interface Web {
  readonly options: WebOptions;
  readonly store: Store;
  sources(): Promise<Source[]>;
  names(): Promise<Map<string, string>>;
  sourceInfo(): Promise<Map<string, SourceInfo>>;
  wrapUp(): Promise<WrapUp>;
  edition(c: Context): Edition;
  /** Site settings from /admin/settings (name, editions, default language), cached a few seconds. */
  settings(): Promise<SiteSettings>;
  /** Forget the cached settings (after /admin/settings saves). */
  invalidateSettings(): void;
  page(c: Context, contentLang?: string | null): PageContext;
  /** Sends a body built by `build` (cached under `key` for the page TTL), compressed and validated. */
  send(
    c: Context,
    key: string | null,
    build: () => Promise<string>,
    opts?: { type?: string; maxAge?: number; status?: number; vary?: string },
  ): Promise<Response>;
  /** Whether a body is cached under `key` (then `send` with that key answers without building). */
  cached(key: string, type?: string): boolean;
  render(element: JSX.Element): Promise<string>;
  /** `ctx` with the comment counts of these cards, one query per kind (never one per card). */
  withCounts(ctx: PageContext, ids: { articles?: string[]; stories?: string[] }): Promise<PageContext>;
}

const GZIP_MIN = 1024;

function toRendered(text: string, type: string): Rendered {
  const body = Buffer.from(text, 'utf8');
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, gzip: body.length >= GZIP_MIN ? gzipSync(body, { level: 6 }) : null, etag, type };
}

function acceptsGzip(c: Context): boolean {
  return /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
}

export function createWeb(options: WebOptions): Web {
  const { store } = options;
  const ttl = (options.pageTtlSeconds ?? 10) * 1000;
  const sourcesCache = new TtlCache<Source[]>(10_000, 1);
  const wrapUpCache = new TtlCache<WrapUp>(60_000, 1);
  const pages = new TtlCache<Rendered>(ttl, 2000);
  const defaults: SiteSettings = { name: options.siteName, editions: ['en', 'ar'], defaultLanguage: 'en' };
  const settingsCache = new TtlCache<SiteSettings>(5_000, 1);
  // the last settings read, for page() which is synchronous (app.tsx awaits settings() first)
  let current: SiteSettings = defaults;

  const web: Web = {
    options,
    store,
    sources: () => sourcesCache.get('all', () => store.sources.list()),
    async names() {
      return new Map((await web.sources()).map((s) => [s.id, s.name]));
    },
    async sourceInfo() {
      return new Map(
        (await web.sources()).map((s) => [s.id, { name: s.name, country: s.country, language: s.language }]),
      );
    },
    wrapUp: () =>
      wrapUpCache.get('wrap-up', async () => {
        const now = new Date();
        const since = new Date(now.getTime() - 24 * 3_600_000).toISOString();
        const stories: Story[] = await store.stories.top({ since, limit: 60 });
        const withArticles = await Promise.all(
          stories.map(async (story) => ({
            story,
            articles: await store.articles.list({ storyId: story.id, limit: 40 }),
          })),
        );
        return dailyWrapUp(withArticles, await web.sourceInfo(), now, { perEdition: 12 });
      }),
    edition: (c) => editionFromCookie(getCookie(c, EDITION_COOKIE)),
    settings: () =>
      settingsCache.get('site', async () => {
        try {
          current = await siteSettings(store, defaults);
        } catch (error) {
          options.logger.warn({ err: error }, 'site settings unreadable; using defaults');
        }
        return current;
      }),
    invalidateSettings: () => settingsCache.clear(),
    page(c, contentLang) {
      const edition = web.edition(c);
      const fallback = uiLanguages.includes(current.defaultLanguage) ? current.defaultLanguage : 'en';
      const lang = edition.language ? uiLanguageOf(edition) : fallback;
      return {
        t: translator(lang),
        lang,
        contentLang: contentLang ?? null,
        siteName: current.name,
        now: new Date(),
        url: c.req.url,
        origin: new URL(c.req.url).origin,
      };
    },
    cached: (key, type = 'text/html; charset=utf-8') => pages.peek(`${key}\u0000${type}`) !== undefined,
    async withCounts(ctx, ids) {
      try {
        const [article, story] = await Promise.all([
          commentCounts(store, 'article', [...new Set(ids.articles ?? [])]),
          commentCounts(store, 'story', [...new Set(ids.stories ?? [])]),
        ]);
        return { ...ctx, comments: { article, story } };
      } catch (error) {
        options.logger.warn({ err: error }, 'comment counts unavailable');
        return ctx;
      }
    },
    async render(element) {
      return `<!doctype html>${await element.toString()}`;
    },
    async send(c, key, build, opts = {}) {
      const type = opts.type ?? 'text/html; charset=utf-8';
      const rendered = key
        ? await pages.get(`${key}\u0000${type}`, async () => toRendered(await build(), type))
        : toRendered(await build(), type);
      const headers: Record<string, string> = {
        'Content-Type': rendered.type,
        ETag: rendered.etag,
        'Cache-Control': `public, max-age=${opts.maxAge ?? 60}`,
        Vary: opts.vary ? `Accept-Encoding, ${opts.vary}` : 'Accept-Encoding',
      };
      const status = opts.status ?? 200;
      if (status === 200 && c.req.header('If-None-Match')?.includes(rendered.etag)) {
        return new Response(null, {
          status: 304,
          headers: { ETag: rendered.etag, 'Cache-Control': headers['Cache-Control'], Vary: headers.Vary },
        });
      }
      if (rendered.gzip && acceptsGzip(c)) {
        headers['Content-Encoding'] = 'gzip';
        return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(rendered.gzip), {
          status,
          headers,
        });
      }
      return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(rendered.body), {
        status,
        headers,
      });
    },
  };
  return web;
}

/** A positive page number from the query (1 when absent or invalid), capped. */
export function pageOf(value: string | undefined, max = 500): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}
