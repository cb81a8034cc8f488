// The table of `lede` subcommands. One file per subcommand; each adds its line here.
import type { Command } from './command.js';

export const commands: Command[] = [];
