// `lede parse-feed FILE` prints the neutral Result of one feed as JSON;
// `lede parse-feed --jsonl` is the batch contract of DESIGN.md: {id, url?, xml|base64} -> {id, result}.
import { readFile } from 'node:fs/promises';
import { parseFeed } from '../pipeline/feeds/index.js';
import { parseCommandArgs } from './args.js';
import { type CliContext, type Command, UsageError } from './command.js';
import { bytesOrText, runJsonl } from './jsonl.js';

const usage = `Usage: lede parse-feed FILE [--url URL]
       lede parse-feed --jsonl   (stdin: {"id", "url"?, "xml" | "base64"} per line; stdout: {"id", "result"})`;

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    ctx.argv,
    { jsonl: { type: 'boolean' }, url: { type: 'string' } },
    usage,
  );
  if (values.jsonl) {
    if (positionals.length)
      throw new UsageError(`--jsonl reads stdin and takes no FILE (usage: ${usage.split('\n')[0]})`);
    return runJsonl(ctx.stdin, ctx.stdout, (line) => {
      const url = typeof line.url === 'string' && line.url ? line.url : undefined;
      return { result: parseFeed(bytesOrText(line, 'xml'), url) };
    });
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(usage.split('\n')[0]);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  ctx.stdout.write(`${JSON.stringify(parseFeed(bytes, values.url), null, 2)}\n`);
  return 0;
}

export const command: Command = {
  name: 'parse-feed',
  summary: 'parse an RSS/Atom/RDF/JSON feed to the neutral result (FILE, or --jsonl batch on stdin)',
  usage,
  run,
};
