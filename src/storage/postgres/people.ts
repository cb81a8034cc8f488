// The people repos on PostgreSQL: the SQLite ones (../sqlite/people-repos.ts), whose tables and
// queries are the same on both backends.
import type { Kysely } from 'kysely';
import { peopleRepos } from '../sqlite/people-repos.js';
import type { DB as SqliteDB } from '../sqlite/schema.js';
import type { DB } from './schema.js';

export function pgPeopleRepos(pgDb: Kysely<DB>) {
  // only the people tables are reached through this typing; their columns match exactly
  return peopleRepos(pgDb as unknown as Kysely<SqliteDB>);
}
