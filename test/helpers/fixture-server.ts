// A real HTTP server on 127.0.0.1 serving fixture files, with {{BASE}} replaced by its own URL.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureServer {
  base: string;
  /** paths requested, in order */
  requests: string[];
  close(): Promise<void>;
}

/** `routes` maps a path to a fixture file and its content type; other paths answer 404. */
export async function startFixtureServer(
  routes: Record<string, { file: string; type: string }>,
): Promise<FixtureServer> {
  const requests: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = readFileSync(route.file, 'utf8').replaceAll('{{BASE}}', base);
    res.writeHead(200, { 'content-type': route.type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
