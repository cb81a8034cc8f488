// WebSub callbacks (/websub/:sourceId): a hub verifies our subscription with GET and pushes
// new feed content with POST. The pipeline checks the secret and queues the items.
import { Hono } from 'hono';
import type { Web } from '../context.js';

/** Largest pushed feed accepted (the same cap as a fetched feed). */
const MAX_PUSH_BYTES = 50 * 1024 * 1024;

export function websubRoutes(web: Web) {
  const app = new Hono();
  const websub = web.options.websub;
  if (!websub) return app;

  app.get('/websub/:sourceId', async (c) => {
    const challenge = await websub.verify(c.req.param('sourceId'), c.req.query());
    return challenge === null ? c.text('unknown subscription', 404) : c.text(challenge, 200);
  });

  app.post('/websub/:sourceId', async (c) => {
    const length = Number(c.req.header('content-length') ?? '0');
    if (length > MAX_PUSH_BYTES) return c.text('too large', 413);
    const body = Buffer.from(await c.req.arrayBuffer());
    if (body.length > MAX_PUSH_BYTES) return c.text('too large', 413);
    const signature = c.req.header('x-hub-signature-256') ?? c.req.header('x-hub-signature') ?? null;
    try {
      await websub.receive(c.req.param('sourceId'), body, signature);
      return c.body(null, 204);
    } catch (error) {
      // the spec: a push that fails the signature check is acknowledged but ignored
      web.options.logger.warn(
        { err: error, source_id: c.req.param('sourceId'), stage: 'websub' },
        'push ignored',
      );
      return c.body(null, 202);
    }
  });
  return app;
}
