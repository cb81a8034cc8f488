// `lede export FILE`: every table of the database (DATABASE_URL, default SQLite in the data
// folder) to JSON Lines, with per-table counts and checksums printed at the end.
import { exportDatabase, formatSummary, openDumper } from '../storage/dump/run.js';
import { parseCommandArgs } from './args.js';
import { type CliContext, type Command, UsageError } from './command.js';

const usage = `Usage: lede export FILE
  Writes the whole site (every table, jobs included) to FILE as JSON Lines.
  Move it to another database with: DATABASE_URL=… lede import-db FILE`;

async function run(ctx: CliContext): Promise<number> {
  const { positionals } = parseCommandArgs(ctx.argv, {}, usage);
  if (positionals.length !== 1)
    throw new UsageError(`export takes one FILE (usage: ${usage.split('\n')[0]})`);
  const dumper = await openDumper(ctx.config);
  try {
    const summary = await exportDatabase(dumper, positionals[0]);
    ctx.stdout.write(
      `${formatSummary(summary)}\nexported ${summary.tables.length} tables to ${positionals[0]}\n`,
    );
    return 0;
  } finally {
    await dumper.close();
  }
}

export const command: Command = { name: 'export', summary: 'write the whole database to a file', usage, run };
