// A misbehaving web server on 127.0.0.1 for the fetch tests and benchmark: each route is one
// way a stranger's server can try to hang, flood or trick the client.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import zlib from 'node:zlib';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  port: number;
  origin: string;
  url(path: string): string;
  /** requests seen, in order */
  log: Array<{ path: string; headers: http.IncomingHttpHeaders; at: number }>;
  hits(path: string): number;
  /** highest number of requests in progress at once */
  maxInFlight: number;
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 with the given routes (path without query). */
export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  let inFlight = 0;
  const state: TestServer = {
    port: 0,
    origin: '',
    url: (path) => `${state.origin}${path}`,
    log: [],
    hits: (path) => state.log.filter((r) => r.path === path).length,
    maxInFlight: 0,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    state.log.push({ path, headers: req.headers, at: Date.now() });
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const handler = routes[path];
    if (!handler) {
      res.writeHead(404).end('not found');
      return;
    }
    handler(req, res);
  });
  server.maxHeadersCount = 0;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.origin = `http://127.0.0.1:${state.port}`;
  return state;
}

/** A raw TCP server on 127.0.0.1 that runs `onSocket` for each connection. */
export async function startTcp(
  onSocket: (socket: net.Socket) => void,
): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    onSocket(s);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes `chunk` every `everyMs` until the client goes away. */
export function trickle(res: ServerResponse, chunk: Buffer | string, everyMs: number): void {
  const timer = setInterval(() => {
    if (res.destroyed || res.writableEnded) clearInterval(timer);
    else res.write(chunk);
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

/** Streams as fast as the client reads, forever (backpressure respected). */
export function endless(res: ServerResponse, chunk: Buffer): void {
  const pump = () => {
    while (!res.destroyed && res.write(chunk)) {
      /* keep writing until the socket buffer is full */
    }
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

/** A compression bomb: an endless stream of zeros, compressed as it goes. */
export function bomb(res: ServerResponse, coding: 'gzip' | 'br' | 'deflate'): void {
  res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': coding });
  const compressor =
    coding === 'gzip'
      ? zlib.createGzip({ level: 9 })
      : coding === 'br'
        ? // quality 11 would make the server, not the client, the bottleneck
          zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } })
        : zlib.createDeflate({ level: 9 });
  compressor.pipe(res);
  const zeros = Buffer.alloc(1024 * 1024);
  const pump = () => {
    while (!res.destroyed && compressor.write(zeros)) {
      /* fill */
    }
    if (!res.destroyed) compressor.once('drain', pump);
  };
  res.on('close', () => compressor.destroy());
  pump();
}
