// Every bad input of issue 3 against a hostile server on 127.0.0.1 (allowed for these tests):
// each must end in a clear LedeError, within the time limit, with bounded memory.
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedeError } from '../../lib/errors.js';
import { decodeBody } from './charset.js';
import { createFetcher } from './client.js';
import { bomb, endless, startServer, startTcp, type TestServer, trickle } from './testing/hostile-server.js';
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from './testing/self-signed.js';
import type { Fetcher } from './types.js';

let server: TestServer;
let fetcher: Fetcher;
const MB = 1024 * 1024;

async function failure(promise: Promise<unknown>): Promise<LedeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LedeError);
    return error as LedeError;
  }
  throw new Error('expected the fetch to fail');
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await fn();
  return { value, ms: Date.now() - start };
}

// Finite bombs: 16 MB of zeros in a few KB (and, concatenated gzip members, 128 MB in 128 KB so
// the off-thread decode path is exercised too).
const zeros = Buffer.alloc(16 * MB);
const gzipMember = zlib.gzipSync(zeros, { level: 9 });
const BOMBS = {
  gzip: gzipMember,
  gzipBig: Buffer.concat(Array.from({ length: 8 }, () => gzipMember)),
  br: zlib.brotliCompressSync(zeros, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
  deflate: zlib.deflateSync(zeros, { level: 9 }),
};

beforeAll(async () => {
  server = await startServer({
    '/ok': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'),
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      endless(res, Buffer.alloc(64 * 1024, 'a'));
    },
    '/drip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      trickle(res, 'x', 1000);
    },
    '/drizzle': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      trickle(res, 'x', 50);
    },
    '/no-headers': () => {},
    '/gzip-endless': (_req, res) => bomb(res, 'gzip'),
    '/br-endless': (_req, res) => bomb(res, 'br'),
    '/deflate-endless': (_req, res) => bomb(res, 'deflate'),
    '/gzip-bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(BOMBS.gzip),
    '/gzip-bomb-big': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(BOMBS.gzipBig),
    '/br-bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(BOMBS.br),
    '/deflate-bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(BOMBS.deflate),
    '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => res.writeHead(301, { location: '/loop-a' }).end(),
    '/chain': (req, res) => {
      const n = Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/chain?n=${n + 1}` }).end();
    },
    '/to-metadata': (_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-private': (_req, res) => res.writeHead(307, { location: 'http://10.0.0.1/admin' }).end(),
    '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/many-headers': (_req, res) => {
      for (let i = 0; i < 10_000; i++) res.setHeader(`x-h${i}`, 'v');
      res.writeHead(200).end('ok');
    },
    '/bad-charset': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=x-no-such-charset' })
        .end('<meta charset="also-bogus"><p>caf\u00e9</p>'),
    '/reset-mid-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
      res.write('partial');
      setTimeout(() => res.socket?.resetAndDestroy(), 20);
    },
    '/big-declared': (_req, res) => res.writeHead(200, { 'content-length': String(20 * MB) }).end(),
    '/not-found': (_req, res) => res.writeHead(404).end('nope'),
    '/fake-gzip': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end('this is not gzip at all'),
    '/empty-gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(),
    '/odd-coding': (_req, res) => res.writeHead(200, { 'content-encoding': 'zstd-ish' }).end('x'),
  });
  fetcher = createFetcher({
    allow: ['127.0.0.1/32'],
    robots: false,
    minHostIntervalMs: 0,
    perHost: 8,
    connectTimeoutMs: 500,
    headersTimeoutMs: 500,
    idleTimeoutMs: 400,
    timeoutMs: 1500,
    maxPageBytes: MB,
    maxFeedBytes: 2 * MB,
  });
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('hostile server', () => {
  it('fetches a normal page (the allowance works)', async () => {
    const res = await fetcher.fetch(server.url('/ok'));
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('hello');
  });

  it('stops a body that never ends at the byte cap, with bounded memory', async () => {
    const before = process.memoryUsage();
    const err = await failure(fetcher.fetch(server.url('/endless'), { kind: 'page' }));
    expect(err.code).toBe('fetch_too_large');
    const after = process.memoryUsage();
    expect(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers).toBeLessThan(64 * MB);
  });

  it('gives up on one byte per second (idle timeout)', async () => {
    const { value: err, ms } = await timed(() => failure(fetcher.fetch(server.url('/drip'))));
    expect(err.code).toBe('fetch_timeout');
    expect(ms).toBeLessThan(1500);
  });

  it('gives up on a steady trickle at the total limit', async () => {
    const { value: err, ms } = await timed(() => failure(fetcher.fetch(server.url('/drizzle'))));
    expect(err.code).toBe('fetch_timeout');
    expect(err.message).toMatch(/1500 ms/);
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(2500);
  });

  it('gives up on a server that never sends headers', async () => {
    const err = await failure(fetcher.fetch(server.url('/no-headers')));
    expect(err.code).toBe('fetch_timeout');
  });

  it.each(['/gzip-endless', '/br-endless', '/deflate-endless'])(
    'caps an endless compressed stream (%s)',
    async (path) => {
      const before = process.memoryUsage();
      const { value: err, ms } = await timed(() =>
        failure(fetcher.fetch(server.url(path), { kind: 'feed' })),
      );
      expect(err.code).toBe('fetch_too_large');
      expect(ms).toBeLessThan(1500);
      const after = process.memoryUsage();
      expect(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers).toBeLessThan(
        64 * MB,
      );
    },
  );

  it.each(['/gzip-bomb', '/gzip-bomb-big', '/br-bomb', '/deflate-bomb'])(
    'caps the decoded size of %s',
    async (path) => {
      const before = process.memoryUsage();
      const { value: err, ms } = await timed(() =>
        failure(fetcher.fetch(server.url(path), { kind: 'feed' })),
      );
      expect(err.code).toBe('fetch_too_large');
      expect(err.message).toMatch(/decoded body exceeds the 2097152-byte limit/);
      expect(ms).toBeLessThan(1500);
      const after = process.memoryUsage();
      expect(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers).toBeLessThan(
        64 * MB,
      );
    },
  );

  it('decodes a truncated gzip body as far as it goes', async () => {
    const whole = zlib.gzipSync('truncated but readable '.repeat(200));
    const local = await startServer({
      '/cut': (_req, res) =>
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(whole.subarray(0, whole.length - 12)),
    });
    try {
      const res = await fetcher.fetch(local.url('/cut'));
      expect(res.body.toString()).toMatch(/^(truncated but readable )+/);
    } finally {
      await local.close();
    }
  });

  it('detects a redirect loop', async () => {
    const err = await failure(fetcher.fetch(server.url('/loop-a')));
    expect(err.code).toBe('fetch_redirect_loop');
  });

  it('stops after 5 redirects', async () => {
    const err = await failure(fetcher.fetch(server.url('/chain')));
    expect(err.code).toBe('fetch_too_many_redirects');
    expect(server.hits('/chain')).toBe(6);
  });

  it.each(['/to-metadata', '/to-private'])('refuses a redirect to a private address (%s)', async (path) => {
    const err = await failure(fetcher.fetch(server.url(path)));
    expect(err.code).toBe('fetch_refused_address');
    expect(err.message).toContain('LEDE_FETCH_ALLOW');
  });

  it('refuses a redirect to a file: URL', async () => {
    const err = await failure(fetcher.fetch(server.url('/to-file')));
    expect(err.code).toBe('fetch_refused_scheme');
  });

  it('rejects 10,000 headers', async () => {
    const err = await failure(fetcher.fetch(server.url('/many-headers')));
    expect(err.code).toBe('fetch_bad_response');
  });

  it('survives an invalid charset label', async () => {
    const res = await fetcher.fetch(server.url('/bad-charset'), { kind: 'page' });
    const { text, encoding } = decodeBody(res.body, res.contentType, 'html');
    expect(encoding).toBe('utf-8');
    expect(text).toContain('caf\u00e9');
  });

  it('reports a connection reset mid-body', async () => {
    const err = await failure(fetcher.fetch(server.url('/reset-mid-body')));
    expect(err.code).toBe('fetch_connection_reset');
  });

  it('reports a server that resets on connect', async () => {
    const tcp = await startTcp((socket) => socket.once('data', () => socket.resetAndDestroy()));
    try {
      const err = await failure(fetcher.fetch(`http://127.0.0.1:${tcp.port}/`));
      expect(err.code).toBe('fetch_connection_reset');
    } finally {
      await tcp.close();
    }
  });

  it('reports a TLS failure when https meets a plain TCP server', async () => {
    const tcp = await startTcp((socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad\r\n\r\n')));
    try {
      const err = await failure(fetcher.fetch(`https://127.0.0.1:${tcp.port}/`));
      expect(err.code).toBe('fetch_tls');
    } finally {
      await tcp.close();
    }
  });

  it('refuses a self-signed certificate', async () => {
    const tls = https.createServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, (_req, res) =>
      res.end('secret'),
    );
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const port = (tls.address() as AddressInfo).port;
      const err = await failure(fetcher.fetch(`https://127.0.0.1:${port}/`));
      expect(err.code).toBe('fetch_tls');
      expect(err.message).toMatch(/self.signed/i);
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });

  it('gives up on headers sent one line at a time', async () => {
    const tcp = await startTcp((socket) =>
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\n');
        const timer = setInterval(() => socket.write('x-slow: 1\r\n'), 50);
        socket.on('close', () => clearInterval(timer));
      }),
    );
    try {
      const { value: err, ms } = await timed(() => failure(fetcher.fetch(`http://127.0.0.1:${tcp.port}/`)));
      expect(err.code).toBe('fetch_timeout');
      expect(ms).toBeLessThan(2000);
    } finally {
      await tcp.close();
    }
  });

  it('times out a TLS handshake that never answers', async () => {
    const tcp = await startTcp(() => {});
    try {
      const { value: err, ms } = await timed(() => failure(fetcher.fetch(`https://127.0.0.1:${tcp.port}/`)));
      expect(err.code).toBe('fetch_timeout');
      expect(ms).toBeLessThan(1500);
    } finally {
      await tcp.close();
    }
  });

  it('refuses a declared Content-Length over the cap without reading it', async () => {
    const err = await failure(fetcher.fetch(server.url('/big-declared'), { kind: 'page' }));
    expect(err.code).toBe('fetch_too_large');
  });

  it('turns an error status into fetch_http_status', async () => {
    const err = await failure(fetcher.fetch(server.url('/not-found')));
    expect(err.code).toBe('fetch_http_status');
    expect((err as LedeError & { status: number }).status).toBe(404);
  });

  it('reports a corrupt or unknown compression', async () => {
    expect((await failure(fetcher.fetch(server.url('/fake-gzip')))).code).toBe('fetch_bad_encoding');
    expect((await failure(fetcher.fetch(server.url('/odd-coding')))).code).toBe('fetch_bad_encoding');
    expect((await fetcher.fetch(server.url('/empty-gzip'))).body.length).toBe(0);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await failure(fetcher.fetch(server.url('/drizzle'), { signal: controller.signal }));
    expect(err.code).toBe('fetch_aborted');
  });

  it('decodes gzip, br and both flavours of deflate', async () => {
    const text = 'compressed body '.repeat(100);
    const variants: Record<string, Buffer> = {
      gzip: zlib.gzipSync(text),
      br: zlib.brotliCompressSync(text),
      deflate: zlib.deflateSync(text),
      'deflate-raw': zlib.deflateRawSync(text),
    };
    const local = await startServer(
      Object.fromEntries(
        Object.entries(variants).map(([name, bytes]) => [
          `/${name}`,
          (_req, res) => res.writeHead(200, { 'content-encoding': name.replace('-raw', '') }).end(bytes),
        ]),
      ),
    );
    try {
      for (const name of Object.keys(variants)) {
        const res = await fetcher.fetch(local.url(`/${name}`));
        expect(res.body.toString(), name).toBe(text);
      }
    } finally {
      await local.close();
    }
  });
});
