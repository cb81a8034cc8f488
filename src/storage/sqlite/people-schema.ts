// Row shapes of the people tables (migration 0005). Never leave storage/sqlite/.

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  created_at: string;
}
export interface SessionRow {
  id: string;
  user_id: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}
export interface PasswordResetRow {
  token_hash: string;
  user_id: string;
  expires_at: string;
}
export interface CommentRow {
  id: string;
  target_type: string;
  target_id: string;
  parent_id: string | null;
  user_id: string | null;
  author_name: string;
  body: string;
  status: string;
  moderation: string; // JSON
  idempotency_key: string | null;
  created_at: string;
  edited_at: string | null;
}
export interface CommentReportRow {
  comment_id: string;
  user_id: string;
  reason: string;
  created_at: string;
}
export interface FollowRow {
  user_id: string;
  kind: string;
  value: string;
  created_at: string;
}
export interface BookmarkRow {
  user_id: string;
  article_id: string;
  created_at: string;
}
export interface ReadingHistoryRow {
  user_id: string;
  article_id: string;
  read_at: string;
}
export interface ModerationLogRow {
  id: string;
  actor_id: string | null;
  action: string;
  comment_id: string | null;
  subject_user_id: string | null;
  note: string;
  created_at: string;
}
export interface SiteSettingRow {
  key: string;
  value: string;
}
export interface RateEventRow {
  key: string;
  at: string;
}

export interface PeopleDB {
  users: UserRow;
  sessions: SessionRow;
  password_resets: PasswordResetRow;
  comments: CommentRow;
  comment_reports: CommentReportRow;
  follows: FollowRow;
  bookmarks: BookmarkRow;
  mutes: FollowRow;
  reading_history: ReadingHistoryRow;
  moderation_log: ModerationLogRow;
  site_settings: SiteSettingRow;
  rate_events: RateEventRow;
}
