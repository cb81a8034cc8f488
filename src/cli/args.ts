import { parseArgs } from 'node:util';
import { UsageError } from './command.js';

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** node:util parseArgs that turns its errors into a one-line UsageError naming the fix. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${message} (usage: ${usage.split('\n')[0]})`);
  }
}
