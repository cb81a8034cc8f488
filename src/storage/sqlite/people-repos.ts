// The people repos (users, sessions, comments, follows…) of both stores. Their tables are plain
// text columns on both backends (migration 5 here, 3 on PostgreSQL) and their queries are
// portable Kysely, so the repos written here serve PostgreSQL too (see ../postgres/people.ts).
import type { Kysely } from 'kysely';
import { SqliteCommentRepo, SqliteReportRepo } from './comments.js';
import {
  SqliteBookmarkRepo,
  SqliteFollowRepo,
  SqliteHistoryRepo,
  SqliteModerationLogRepo,
  SqliteMuteRepo,
  SqliteRateRepo,
  SqliteSettingRepo,
} from './people.js';
import type { DB } from './schema.js';
import { SqlitePasswordResetRepo, SqliteSessionRepo, SqliteUserRepo } from './users.js';

export function peopleRepos(db: Kysely<DB>) {
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

export type PeopleRepos = ReturnType<typeof peopleRepos>;
