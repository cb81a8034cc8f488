// The table of `lede` subcommands. One file per subcommand; each adds its line here.
import { command as cluster } from './cluster.js';
import type { Command } from './command.js';
import { command as enrich } from './enrich.js';
import { command as extract } from './extract.js';
import { command as parseFeed } from './parse-feed.js';

export const commands: Command[] = [parseFeed, extract, enrich, cluster];
