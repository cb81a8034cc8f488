// Every schema version, in order. Add a file NNNN_name.ts and list it here; never edit a
// migration that has shipped.
import { migration as m0001 } from './0001_initial.js';
import { migration as m0002 } from './0002_search.js';
import { migration as m0003 } from './0003_search_stemming.js';
import { migration as m0004 } from './0004_search_arabic.js';
import { migration as m0005 } from './0005_people.js';
import { migration as m0006 } from './0006_search_prefix_index.js';
import type { Migration } from './types.js';

export type { Migration };
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006];
