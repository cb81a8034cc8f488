// WebSub end to end: a feed naming a hub gets a subscription (a real hub server on 127.0.0.1),
// the hub's verification is answered, and a signed push queues the new items; a forged one not.
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/lib/log.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { refreshSource } from '../../src/pipeline/pipeline.js';
import { receiveWebSubPush, verifyWebSubIntent } from '../../src/pipeline/websub.js';
import { createApp } from '../../src/web/app.js';

const feed = (base: string, hub: string, slug: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Pushy</title><link>${base}/</link>
<atom:link rel="hub" href="${hub}"/><atom:link rel="self" href="${base}/feed.xml"/>
<item><title>${slug}</title><link>${base}/news/${slug}</link></item></channel></rss>`;

describe('WebSub', () => {
  let runtime: Runtime;
  let dataDir: string;
  let base = '';
  const subscriptions: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      if (req.url === '/hub' && req.method === 'POST') {
        subscriptions.push(new URLSearchParams(body));
        res.writeHead(202).end();
      } else if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(base, `${base}/hub`, 'first'));
      } else res.writeHead(404).end();
    });
  });

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dataDir = mkdtempSync(join(tmpdir(), 'lede-websub-'));
    const config = loadConfig({
      LEDE_DATA_DIR: dataDir,
      LEDE_FETCH_ALLOW: '127.0.0.1',
      LEDE_PUBLIC_URL: 'https://news.example.org',
    });
    runtime = await openRuntime(config, { logger: silentLogger, extractWorkers: 0 });
  });
  afterAll(async () => {
    await runtime.close();
    await new Promise((r) => server.close(r));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('subscribes, answers the verification and accepts only signed pushes', async () => {
    const { source } = await runtime.store.sources.add({ name: 'Pushy', feedUrl: `${base}/feed.xml` });
    await refreshSource(runtime.pipeline, source.id);
    expect(subscriptions).toHaveLength(1);
    const request = subscriptions[0];
    expect(request.get('hub.mode')).toBe('subscribe');
    expect(request.get('hub.topic')).toBe(`${base}/feed.xml`);
    expect(request.get('hub.callback')).toBe(`https://news.example.org/websub/${source.id}`);
    const secret = request.get('hub.secret')!;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect((await runtime.store.sources.get(source.id))?.websubHub).toBe(`${base}/hub`);

    // a second refresh does not subscribe again
    await refreshSource(runtime.pipeline, source.id);
    expect(subscriptions).toHaveLength(1);

    const app = createApp({
      store: runtime.store,
      logger: silentLogger,
      siteName: 'Lede',
      related: runtime.related,
      websub: {
        verify: (id, query) => verifyWebSubIntent(runtime.pipeline, id, query),
        receive: (id, body, signature) => receiveWebSubPush(runtime.pipeline, id, body, signature),
      },
    });
    const topic = encodeURIComponent(`${base}/feed.xml`);
    const verified = await app.request(
      `/websub/${source.id}?hub.mode=subscribe&hub.topic=${topic}&hub.challenge=abc123`,
    );
    expect(await verified.text()).toBe('abc123');
    const wrongTopic = await app.request(
      `/websub/${source.id}?hub.mode=subscribe&hub.topic=x&hub.challenge=abc`,
    );
    expect(wrongTopic.status).toBe(404);

    const before = (await runtime.queue.counts()).queued;
    const pushed = feed(base, `${base}/hub`, 'pushed-story');
    const forged = await app.request(`/websub/${source.id}`, {
      method: 'POST',
      body: pushed,
      headers: { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
    });
    expect(forged.status).toBe(202);
    expect((await runtime.queue.counts()).queued).toBe(before);

    const signature = createHmac('sha256', secret).update(pushed).digest('hex');
    const signed = await app.request(`/websub/${source.id}`, {
      method: 'POST',
      body: pushed,
      headers: { 'x-hub-signature-256': `sha256=${signature}` },
    });
    expect(signed.status).toBe(204);
    expect((await runtime.queue.counts()).queued).toBe(before + 1);
  });
});
