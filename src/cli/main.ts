// Entry point of the `lede` command: global options, then one subcommand from the table.
import { ConfigError, loadConfig } from '../config/config.js';
import { describeError } from '../lib/errors.js';
import { UsageError } from './command.js';
import { commands } from './commands.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: lede [--data DIR] <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  --data DIR   data folder (default ./data, also LEDE_DATA_DIR)',
    '  --help       this help; `lede <command> --help` for a command',
    '',
    'Environment: DATABASE_URL (unset = SQLite in the data folder), PORT, LEDE_FETCH_ALLOW, … (see README).',
  ].join('\n');
}

/** Splits global options (before or after the command name) from the command's own arguments. */
function splitArgs(argv: string[]): { dataDir?: string; name?: string; rest: string[]; wantsHelp: boolean } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  let name: string | undefined;
  let wantsHelp = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') {
      dataDir = argv[++i];
      if (!dataDir) throw new UsageError('--data needs a folder: lede --data ./data <command>');
    } else if (arg.startsWith('--data=')) dataDir = arg.slice(7);
    else if (!name && (arg === '--help' || arg === '-h')) wantsHelp = true;
    else if (!name && !arg.startsWith('-')) name = arg;
    else rest.push(arg);
  }
  return { dataDir, name, rest, wantsHelp };
}

async function main(argv: string[]): Promise<number> {
  const { dataDir, name, rest, wantsHelp } = splitArgs(argv);
  if (!name) {
    process.stdout.write(`${help()}\n`);
    return wantsHelp ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}": run lede --help for the list`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  const config = loadConfig(process.env, dataDir ? { dataDir } : {});
  return command.run({
    config,
    argv: rest,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`lede: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`lede: ${describeError(error)}\n`);
      process.exitCode = 1;
    }
  },
);
