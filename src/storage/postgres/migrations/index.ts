// Every schema version, in order. Add a file NNNN_name.ts and list it here; never edit a
// migration that has shipped.
import { migration as m0001 } from './0001_initial.js';
import { migration as m0002 } from './0002_search_configs.js';
import { migration as m0003 } from './0003_people.js';
import { migration as m0004 } from './0004_tsv_statistics.js';
import { migration as m0005 } from './0005_article_seq_index.js';
import type { Migration } from './types.js';

export type { Migration };
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005];
