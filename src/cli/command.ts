import type { Config } from '../config/config.js';

/** What every subcommand gets: the configuration (env + global flags) and its own arguments. */
export interface CliContext {
  config: Config;
  argv: string[];
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

export interface Command {
  name: string;
  /** one line for `lede --help` */
  summary: string;
  /** usage lines for `lede <name> --help` */
  usage: string;
  /** returns the exit status */
  run(ctx: CliContext): Promise<number>;
}

/** A bad argument: main prints the message on one line and exits with status 2. */
export class UsageError extends Error {}
