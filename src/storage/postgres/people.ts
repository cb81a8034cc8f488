// The people repos (users, sessions, comments, follows…) on PostgreSQL. Their tables are plain
// text columns on both backends (migration 3 here, 5 on SQLite) and their queries are portable
// Kysely, so the same repo code serves both: one implementation, one set of rules.
import type { Kysely } from 'kysely';
import { SqliteCommentRepo, SqliteReportRepo } from '../sqlite/comments.js';
import {
  SqliteBookmarkRepo,
  SqliteFollowRepo,
  SqliteHistoryRepo,
  SqliteModerationLogRepo,
  SqliteMuteRepo,
  SqliteRateRepo,
  SqliteSettingRepo,
} from '../sqlite/people.js';
import type { DB as PeopleDB } from '../sqlite/schema.js';
import { SqlitePasswordResetRepo, SqliteSessionRepo, SqliteUserRepo } from '../sqlite/users.js';
import type { DB } from './schema.js';

export function peopleRepos(pgDb: Kysely<DB>) {
  // only the people tables are reached through this typing; their columns match exactly
  const db = pgDb as unknown as Kysely<PeopleDB>;
  return {
    users: new SqliteUserRepo(db),
    sessions: new SqliteSessionRepo(db),
    passwordResets: new SqlitePasswordResetRepo(db),
    comments: new SqliteCommentRepo(db),
    reports: new SqliteReportRepo(db),
    follows: new SqliteFollowRepo(db),
    bookmarks: new SqliteBookmarkRepo(db),
    mutes: new SqliteMuteRepo(db),
    history: new SqliteHistoryRepo(db),
    moderationLog: new SqliteModerationLogRepo(db),
    settings: new SqliteSettingRepo(db),
    rates: new SqliteRateRepo(db),
  };
}
