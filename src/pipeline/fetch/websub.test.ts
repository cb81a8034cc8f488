import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { LedeError } from '../../lib/errors.js';
import { createFetcher } from './client.js';
import { startServer, type TestServer } from './testing/hostile-server.js';
import type { Fetcher } from './types.js';
import { callbackUrlFor, newSecret, subscribe, verifyIntent, verifySignature } from './websub.js';

let server: TestServer | null = null;
let fetcher: Fetcher | null = null;
afterEach(async () => {
  await fetcher?.close();
  await server?.close();
  server = null;
  fetcher = null;
});

function readForm(req: import('node:http').IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
  });
}

describe('subscribe', () => {
  it('posts the subscription form to the hub', async () => {
    const forms: URLSearchParams[] = [];
    server = await startServer({
      '/hub': async (req, res) => {
        expect(req.method).toBe('POST');
        expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
        forms.push(await readForm(req));
        res.writeHead(202).end();
      },
    });
    fetcher = createFetcher({ allow: ['127.0.0.1'], minHostIntervalMs: 0 });
    await subscribe(fetcher, {
      hub: server.url('/hub'),
      topic: 'https://news.example/feed.xml',
      callbackUrl: 'https://lede.example/websub/42',
      secret: 's3cret',
      leaseSeconds: 86400,
    });
    expect(Object.fromEntries(forms[0])).toEqual({
      'hub.callback': 'https://lede.example/websub/42',
      'hub.mode': 'subscribe',
      'hub.topic': 'https://news.example/feed.xml',
      'hub.lease_seconds': '86400',
      'hub.secret': 's3cret',
    });
    // the hub is a stranger's endpoint: robots.txt is not consulted, but the address guard is
    expect(server.hits('/robots.txt')).toBe(0);
  });

  it('surfaces a hub refusal and refuses private hubs', async () => {
    server = await startServer({ '/hub': (_req, res) => res.writeHead(400).end('bad topic') });
    fetcher = createFetcher({ allow: ['127.0.0.1'], minHostIntervalMs: 0 });
    const req = { topic: 't', callbackUrl: 'https://lede.example/cb' };
    await expect(subscribe(fetcher, { ...req, hub: server.url('/hub') })).rejects.toMatchObject({
      code: 'fetch_http_status',
    });
    const strict = createFetcher({ minHostIntervalMs: 0 });
    try {
      await expect(subscribe(strict, { ...req, hub: server.url('/hub') })).rejects.toMatchObject({
        code: 'fetch_refused_address',
      });
    } finally {
      await strict.close();
    }
  });

  it('rejects an over-long secret', async () => {
    const fake = { fetch: async () => Promise.reject(new Error('not reached')) };
    await expect(
      subscribe(fake, { hub: 'https://hub.example', topic: 't', callbackUrl: 'c', secret: 'x'.repeat(200) }),
    ).rejects.toBeInstanceOf(LedeError);
  });
});

describe('verifyIntent', () => {
  const query = {
    'hub.mode': 'subscribe',
    'hub.topic': 'https://news.example/feed.xml',
    'hub.challenge': 'abc123',
    'hub.lease_seconds': '3600',
  };
  it('returns the challenge for the expected topic', () => {
    expect(verifyIntent(query, 'https://news.example/feed.xml')).toEqual({
      challenge: 'abc123',
      mode: 'subscribe',
      leaseSeconds: 3600,
    });
    expect(verifyIntent(new URLSearchParams(query), 'https://news.example/feed.xml')?.challenge).toBe(
      'abc123',
    );
  });
  it('refuses another topic, a bad mode or a missing challenge', () => {
    expect(verifyIntent(query, 'https://other.example/feed')).toBeNull();
    expect(verifyIntent({ ...query, 'hub.mode': 'denied' }, 'https://news.example/feed.xml')).toBeNull();
    expect(
      verifyIntent({ ...query, 'hub.challenge': undefined }, 'https://news.example/feed.xml'),
    ).toBeNull();
    expect(
      verifyIntent(
        { ...query, 'hub.mode': 'unsubscribe' },
        { topic: query['hub.topic'], modes: ['subscribe'] },
      ),
    ).toBeNull();
  });
});

describe('verifySignature', () => {
  const body = Buffer.from('<feed>pushed</feed>');
  it.each(['sha1', 'sha256', 'sha512'])('accepts a correct %s signature', (alg) => {
    const sig = createHmac(alg, 'k').update(body).digest('hex');
    expect(verifySignature(body, `${alg}=${sig}`, 'k')).toBe(true);
  });
  it('rejects a wrong secret, a tampered body and junk', () => {
    const sig = createHmac('sha256', 'k').update(body).digest('hex');
    expect(verifySignature(body, `sha256=${sig}`, 'other')).toBe(false);
    expect(verifySignature(Buffer.from('<feed>tampered</feed>'), `sha256=${sig}`, 'k')).toBe(false);
    expect(verifySignature(body, 'md5=00', 'k')).toBe(false);
    expect(verifySignature(body, null, 'k')).toBe(false);
    expect(verifySignature(body, 'sha256=abc', 'k')).toBe(false);
  });
});

describe('callback and secret', () => {
  it('builds the callback only when a public URL is set', () => {
    expect(callbackUrlFor(null, 's1')).toBeNull();
    expect(callbackUrlFor('https://lede.example/', 'a b')).toBe('https://lede.example/websub/a%20b');
  });
  it('makes distinct short secrets', () => {
    const a = newSecret();
    expect(a).toMatch(/^[0-9a-f]{48}$/);
    expect(newSecret()).not.toBe(a);
  });
});
