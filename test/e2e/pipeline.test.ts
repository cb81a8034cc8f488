// End to end: a real HTTP server on 127.0.0.1 serves a feed and its pages; refreshSource and the
// job queue bring them into a real store; the web app shows them. Runs on SQLite, and on
// PostgreSQL (PgBossQueue) too when TEST_DATABASE_URL is set (a schema of its own, dropped after).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/lib/log.js';
import { jobHandlers, openRuntime, type Runtime } from '../../src/main.js';
import { refreshSource } from '../../src/pipeline/pipeline.js';
import { waitForIdle } from '../../src/queue/idle.js';
import { createApp } from '../../src/web/app.js';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server.js';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;

const pgUrl = process.env.TEST_DATABASE_URL;
const backends: Array<{ name: string; schema: string | null }> = [
  { name: 'SQLite', schema: null },
  ...(pgUrl
    ? [{ name: 'PostgreSQL', schema: `lede_e2e_${randomUUID().replaceAll('-', '').slice(0, 12)}` }]
    : []),
];

function databaseUrl(schema: string | null): string | undefined {
  if (!schema || !pgUrl) return undefined;
  const u = new URL(pgUrl);
  u.searchParams.set('schema', schema);
  return u.toString();
}

async function dropSchemas(schema: string | null): Promise<void> {
  if (!schema || !pgUrl) return;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  for (const s of [schema, `${schema}_pgboss`]) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await client.end();
}

describe.each(backends)('feed -> pipeline -> store -> web ($name)', ({ schema }) => {
  let server: FixtureServer;
  let runtime: Runtime;
  let dataDir: string;
  let sourceId: string;

  beforeAll(async () => {
    server = await startFixtureServer({
      '/feed.xml': { file: join(fixtures, 'feed.xml'), type: 'application/rss+xml' },
      '/news/cargo-ship-sinks': {
        file: join(fixtures, 'cargo-ship-sinks.html'),
        type: 'text/html; charset=utf-8',
      },
      '/news/container-terminal': { file: join(fixtures, 'container-terminal.html'), type: 'text/html' },
    });
    dataDir = mkdtempSync(join(tmpdir(), 'lede-e2e-'));
    const config = loadConfig({
      LEDE_DATA_DIR: dataDir,
      LEDE_FETCH_ALLOW: '127.0.0.1',
      ...(schema ? { DATABASE_URL: databaseUrl(schema) } : {}),
    });
    runtime = await openRuntime(config, {
      logger: silentLogger,
      extractWorkers: 1,
      queue: { pollIntervalMs: 50, backoff: { baseMs: 10, capMs: 20 } },
    });
    const { source } = await runtime.store.sources.add({
      name: 'Harbour Gazette',
      feedUrl: `${server.base}/feed.xml`,
    });
    sourceId = source.id;
    runtime.queue.start(jobHandlers(runtime), { concurrency: 2 });
  });

  afterAll(async () => {
    await runtime?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
    await dropSchemas(schema);
  });

  it('refreshes the source, stores its articles and records the broken item', async () => {
    const result = await refreshSource(runtime.pipeline, sourceId);
    expect(result).toMatchObject({ status: 'updated', items: 3, enqueued: 3 });
    await waitForIdle(runtime.queue, { timeoutMs: 60_000 });

    const articles = await runtime.store.articles.list({ sourceId });
    expect(articles.map((a) => a.title).sort()).toEqual([
      'Cargo ship sinks off the coast after storm',
      'Port authority approves new container terminal',
    ]);
    const ship = articles.find((a) => a.title.startsWith('Cargo'))!;
    // the tracking parameter of the feed link is not part of the article's identity
    expect(ship.canonicalUrl).toBe(`${server.base}/news/cargo-ship-sinks`);
    expect(ship.text).toContain('All 21 crew members were rescued');
    expect(ship.text).not.toContain('Photo: Harbour Archive');
    expect(ship.text).not.toMatch(/newsletter|Gold prices|Share on/);
    expect(ship.images.some((i) => i.credit?.includes('Harbour Archive'))).toBe(true);
    expect(ship.enrichment?.keyPoints.length).toBeGreaterThan(0);

    const source = await runtime.store.sources.get(sourceId);
    expect(source?.lastSuccessAt).not.toBeNull();
    expect(source?.lastError).toContain('/news/missing');
  });

  it('re-ingesting the same feed does not duplicate articles', async () => {
    const before = await runtime.store.articles.count();
    const again = await refreshSource(runtime.pipeline, sourceId);
    await waitForIdle(runtime.queue, { timeoutMs: 60_000 });
    expect(again.status).not.toBe('failed');
    expect(await runtime.store.articles.count()).toBe(before);
  });

  it('serves the articles on the home, article and source pages', async () => {
    const app = createApp({
      store: runtime.store,
      logger: silentLogger,
      siteName: 'Lede',
      related: runtime.related,
    });
    const home = await (await app.request('/')).text();
    expect(home).toContain('Cargo ship sinks off the coast after storm');

    const [ship] = (await runtime.store.articles.list({ sourceId })).filter((a) =>
      a.title.startsWith('Cargo'),
    );
    const page = await app.request(`/article/${ship.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.match(/<h1[^>]*>Cargo ship sinks off the coast after storm<\/h1>/g)).toHaveLength(1);
    expect(html).toMatch(/<time datetime="2026-11-23T08:30:00(\.000)?Z" title="[^"]+">[^<]+ago<\/time>/);
    expect(html).toContain('Harbour Archive');
    expect(html).toContain(`href="${server.base}/news/cargo-ship-sinks"`);
    // only the page's own script elements (JSON-LD, the site script): none of the source page's
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      '<script type="application/ld+json">',
      expect.stringMatching(/^<script src="\/assets\/app\.js\?v=\w+" defer="">$/),
    ]);

    const sourcePage = await (await app.request(`/source/${sourceId}`)).text();
    expect(sourcePage).toContain('/news/missing');
    expect((await app.request('/article/does-not-exist')).status).toBe(404);
    expect(await (await app.request('/healthz')).json()).toMatchObject({ status: 'ok' });
  });
});
