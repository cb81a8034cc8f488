// `lede worker`: runs jobs only (no web server, no poller). Start as many as the load needs,
// on any number of machines, against one PostgreSQL (DATABASE_URL=postgres://…).
import { jobHandlers, openRuntime } from '../main.js';
import { parseCommandArgs } from './args.js';
import { type CliContext, type Command, UsageError } from './command.js';

const usage = `Usage: lede worker [--concurrency N]
  --concurrency N   jobs run at once by this process (default LEDE_WORKERS)`;

export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const done = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = () => done('SIGINT');
    const onTerm = () => done('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

async function run(ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(ctx.argv, { concurrency: { type: 'string' } }, usage);
  const concurrency = values.concurrency === undefined ? ctx.config.workers : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new UsageError(`--concurrency must be a positive integer, not "${values.concurrency}"`);
  }
  const runtime = await openRuntime(ctx.config);
  runtime.queue.start(jobHandlers(runtime), { concurrency });
  runtime.logger.info({ concurrency, store: runtime.store.kind }, 'worker running');
  const signal = await untilSignal();
  runtime.logger.info({ signal }, 'worker shutting down');
  await runtime.close();
  return 0;
}

export const command: Command = { name: 'worker', summary: 'run pipeline jobs only (scale out)', usage, run };
