// `lede serve`: web site, poller and pipeline workers in one process.
import { serve as serveHttp } from '@hono/node-server';
import { jobHandlers, openRuntime } from '../main.js';
import { createPoller } from '../pipeline/poller.js';
import { seedDefaultSources } from '../pipeline/seed-sources.js';
import { receiveWebSubPush, verifyWebSubIntent } from '../pipeline/websub.js';
import { createApp } from '../web/app.js';
import { parseCommandArgs } from './args.js';
import { type CliContext, type Command, UsageError } from './command.js';

const usage = `Usage: lede serve [--port N] [--host ADDRESS] [--no-fetch] [--role all|web]
  --port N      HTTP port (default 3000, also PORT)
  --host ADDR   address to listen on (default 0.0.0.0, also HOST)
  --no-fetch    serve what is stored without polling sources or running fetch jobs
  --role web    pages and API only: jobs run in \`lede worker\`, polling in \`lede scheduler\`
                (default all: web, poller and workers in this process)`;

async function run(ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(
    ctx.argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      'no-fetch': { type: 'boolean' },
      role: { type: 'string' },
    },
    usage,
  );
  const port = values.port === undefined ? ctx.config.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
  }
  const role = values.role ?? 'all';
  if (role !== 'all' && role !== 'web') throw new UsageError(`--role must be all or web, not "${role}"`);
  const fetching = !values['no-fetch'];
  const runtime = await openRuntime(ctx.config);
  const { logger, store, queue } = runtime;
  const seeded = await seedDefaultSources(store);
  if (seeded.added > 0) logger.info({ added: seeded.added }, 'default sources added');

  const poller = createPoller({
    store,
    logger,
    enqueueRefresh: (sourceId) => queue.enqueue('refresh-source', { sourceId }),
  });
  if (fetching && role === 'all') {
    queue.start(jobHandlers(runtime), { concurrency: ctx.config.workers });
    poller.start();
  }

  const app = createApp({
    store,
    logger,
    siteName: ctx.config.siteName,
    related: runtime.related,
    health: async () => ({ fetching: fetching && role === 'all', jobs: await queue.counts() }),
    websub:
      fetching && runtime.pipeline.websub
        ? {
            verify: (sourceId, query) => verifyWebSubIntent(runtime.pipeline, sourceId, query),
            receive: (sourceId, body, signature) =>
              receiveWebSubPush(runtime.pipeline, sourceId, body, signature),
          }
        : undefined,
  });
  const server = serveHttp({ fetch: app.fetch, port, hostname: values.host ?? ctx.config.host }, (info) => {
    logger.info(
      { port: info.port, fetching, data_dir: ctx.config.dataDir },
      `Lede is running at http://localhost:${info.port}`,
    );
  });

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve();
    };
    const onInt = () => shutdown('SIGINT');
    const onTerm = () => shutdown('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
  // Stop taking work first, then let running jobs finish (or go back to the queue), then close.
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await poller.stop();
  await runtime.close();
  logger.info('stopped');
  return 0;
}

export const command: Command = {
  name: 'serve',
  summary: 'run the web site, poller and workers',
  usage,
  run,
};
