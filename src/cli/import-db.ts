// `lede import-db FILE`: loads a `lede export` file into an empty database (DATABASE_URL),
// then checks every table's count and checksum against the file. Exit status 1 on a mismatch.
import { formatSummary, importDatabase, openDumper } from '../storage/dump/run.js';
import { parseCommandArgs } from './args.js';
import { type CliContext, type Command, UsageError } from './command.js';

const usage = `Usage: lede import-db FILE
  Loads a file written by \`lede export\` into the (empty) database DATABASE_URL names,
  SQLite -> PostgreSQL or back, and verifies counts and checksums.`;

async function run(ctx: CliContext): Promise<number> {
  const { positionals } = parseCommandArgs(ctx.argv, {}, usage);
  if (positionals.length !== 1)
    throw new UsageError(`import-db takes one FILE (usage: ${usage.split('\n')[0]})`);
  const dumper = await openDumper(ctx.config);
  try {
    const summary = await importDatabase(dumper, positionals[0]);
    const bad = summary.tables.filter((t) => !t.ok);
    ctx.stdout.write(`${formatSummary(summary)}\n`);
    ctx.stdout.write(
      bad.length === 0
        ? `imported and verified ${summary.tables.length} tables\n`
        : `${bad.length} tables differ from the export: ${bad.map((t) => t.table).join(', ')}\n`,
    );
    return bad.length === 0 ? 0 : 1;
  } finally {
    await dumper.close();
  }
}

export const command: Command = {
  name: 'import-db',
  summary: 'load a `lede export` file into an empty database',
  usage,
  run,
};
