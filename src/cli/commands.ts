// The table of `lede` subcommands. One file per subcommand; each adds its line here.
import { command as cluster } from './cluster.js';
import type { Command } from './command.js';
import { command as enrich } from './enrich.js';
import { command as exportDb } from './export.js';
import { command as extract } from './extract.js';
import { command as importFiles } from './import.js';
import { command as importDb } from './import-db.js';
import { command as ingest } from './ingest.js';
import { command as migrate } from './migrate.js';
import { command as parseFeed } from './parse-feed.js';
import { command as scheduler } from './scheduler.js';
import { command as serve } from './serve.js';
import { command as sources } from './sources.js';
import { command as users } from './users.js';
import { command as worker } from './worker.js';

export const commands: Command[] = [
  serve,
  worker,
  scheduler,
  migrate,
  exportDb,
  importDb,
  ingest,
  importFiles,
  sources,
  parseFeed,
  extract,
  enrich,
  cluster,
  users,
];
