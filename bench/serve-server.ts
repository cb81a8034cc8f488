// The server half of bench:serve, run in its own process so that the load generator does not
// share its event loop: `app DB PORT` serves Lede's web app on a stored SQLite file; `plain FILE
// PORT` serves one file's bytes from memory with node:http (the ceiling to compare with).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import type { Article } from '../src/domain/types.js';
import { silentLogger } from '../src/lib/log.js';
import { relatedArticles } from '../src/main.js';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { createApp } from '../src/web/app.js';

const [mode, path, portText] = process.argv.slice(2);
const port = Number(portText);

if (mode === 'plain') {
  const body = readFileSync(path);
  createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
  }).listen(port, '127.0.0.1', () => console.log('listening'));
} else {
  const store = await openSqliteStore(path);
  // the same related-articles query as the runtime
  const related = (article: Article) => relatedArticles(store, article);
  const app = createApp({ store, logger: silentLogger, siteName: 'Lede', related });
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => console.log('listening'));
}
