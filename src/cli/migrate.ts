// `lede migrate`: brings the database (and, on PostgreSQL, pg-boss's job tables) to this
// build's schema, then exits. Every process also migrates at start; run this before rolling
// out a new version to many machines.
import { createLogger } from '../lib/log.js';
import { openQueue } from '../main.js';
import { openStore } from '../storage/open.js';
import { parseCommandArgs } from './args.js';
import type { CliContext, Command } from './command.js';

const usage = `Usage: lede migrate
  Applies pending schema migrations to DATABASE_URL (default: SQLite in the data folder).`;

async function run(ctx: CliContext): Promise<number> {
  parseCommandArgs(ctx.argv, {}, usage);
  const logger = createLogger(ctx.config.logLevel);
  const store = await openStore(ctx.config);
  try {
    const queue = await openQueue(ctx.config, store, logger);
    await (queue as { close?: () => Promise<void> }).close?.();
    ctx.stdout.write(`database is up to date (${store.kind})\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export const command: Command = { name: 'migrate', summary: 'apply pending database migrations', usage, run };
