// `lede import PATH…`: ingests local pages, feed files and WARC archives through the pipeline.

import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describeError } from '../lib/errors.js';
import { openRuntime } from '../main.js';
import { readImportPaths } from '../pipeline/import/index.js';
import { ingestFeedFile, ingestPage } from '../pipeline/pipeline.js';
import { parseCommandArgs } from './args.js';
import { type CliContext, type Command, UsageError } from './command.js';

const usage = `Usage: lede import [--concurrency N] PATH…
  PATH: .html, .htm, .html.gz files, feed files (.xml, .rss, .atom, .json), .warc / .warc.gz
  archives, or folders of them. Pages already stored are updated, never duplicated.`;

/** A stable address for a record without one: the file, plus the record's offset in a WARC. */
function fileUrlOf(origin: string): string {
  const match = /^(.*)#(\d+)$/.exec(origin);
  if (!match) return pathToFileURL(origin).href;
  return `${pathToFileURL(match[1]).href}?warc-offset=${match[2]}`;
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx.argv, { concurrency: { type: 'string' } }, usage);
  if (positionals.length === 0)
    throw new UsageError('lede import needs at least one file or folder: lede import ./pages');
  for (const path of positionals)
    if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
  const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError('--concurrency must be a positive integer');

  const runtime = await openRuntime(ctx.config);
  const { pipeline, logger } = runtime;
  let stored = 0;
  let failed = 0;
  const running = new Set<Promise<void>>();
  const fail = (origin: string, error: string) => {
    failed++;
    logger.warn({ origin, error, stage: 'import' }, 'not imported');
  };
  try {
    for await (const record of readImportPaths(positionals, { logger })) {
      const work = (async () => {
        if (record.kind === 'error') return fail(record.origin, record.error);
        const url = record.url ?? fileUrlOf(record.origin);
        try {
          if (record.kind === 'feed') {
            const result = await ingestFeedFile(pipeline, record.body, url);
            stored += result.stored.length;
            for (const f of result.failed) fail(`${record.origin} ${f.url}`, f.error);
          } else {
            await ingestPage(pipeline, {
              url,
              body: record.body,
              contentType: record.contentType,
              sourceId: null,
            });
            stored++;
          }
        } catch (error) {
          fail(record.origin, describeError(error));
        }
      })();
      running.add(work);
      void work.finally(() => running.delete(work));
      if (running.size >= concurrency) await Promise.race(running);
    }
    await Promise.all(running);
  } finally {
    await runtime.close();
  }
  ctx.stdout.write(`imported ${stored} articles; ${failed} failed (see the log for reasons)\n`);
  return stored === 0 && failed > 0 ? 1 : 0;
}

export const command: Command = {
  name: 'import',
  summary: 'ingest local pages, feed files and WARC archives offline',
  usage,
  run,
};
