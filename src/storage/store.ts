// The Store: narrow repositories behind one interface, implemented by storage/sqlite (default)
// and storage/postgres. Every method is async so both backends fit. Rows never leave the
// implementation: callers see domain types only.
import type {
  Article,
  Category,
  Comment,
  CommentStatus,
  CommentTargetType,
  Follow,
  FollowKind,
  ModerationAction,
  ModerationVerdict,
  Mute,
  MuteKind,
  NewSource,
  Role,
  Session,
  Source,
  Story,
  Tag,
  User,
} from '../domain/types.js';

export interface Page {
  limit?: number;
  offset?: number;
}

export interface SourceRepo {
  /** Adds a source; if its feed URL is known already, returns the existing one unchanged. */
  add(input: NewSource): Promise<{ source: Source; created: boolean }>;
  get(id: string): Promise<Source | null>;
  getByFeedUrl(feedUrl: string): Promise<Source | null>;
  list(filter?: { enabled?: boolean }): Promise<Source[]>;
  count(): Promise<number>;
  update(id: string, patch: Partial<Omit<Source, 'id' | 'createdAt'>>): Promise<Source | null>;
  remove(id: string): Promise<boolean>;
  /** Enabled, unpaused sources whose next poll is due at `now` (or never polled), oldest first. */
  due(now: string, limit: number): Promise<Source[]>;
}

export interface ArticleFilter extends Page {
  sourceId?: string;
  category?: Category;
  storyId?: string;
  tag?: string;
  language?: string;
  /** only articles published (or fetched) before this ISO time */
  before?: string;
  /** only articles published (or fetched) at or after this ISO time */
  since?: string;
  ids?: string[];
}

export interface ArticleRepo {
  /** Inserts or updates by id (the hash of the canonical URL); never duplicates. */
  upsert(article: Article): Promise<{ created: boolean }>;
  get(id: string): Promise<Article | null>;
  /** Which of these URLs (as given, or canonical) are already stored. */
  knownUrls(urls: string[]): Promise<Set<string>>;
  /** Newest first by publication time (fetch time when unknown). */
  list(filter?: ArticleFilter): Promise<Article[]>;
  count(filter?: Omit<ArticleFilter, 'limit' | 'offset'>): Promise<number>;
  findByContentHash(hash: string): Promise<Article | null>;
}

export interface StoryRepo {
  upsert(story: Story): Promise<void>;
  get(id: string): Promise<Story | null>;
  /** Stories ranked by breadth (sources) and freshness, updated since `since`. */
  top(filter?: Page & { since?: string; category?: Category }): Promise<Story[]>;
  /**
   * Merges story `fromId` into `intoId`: its articles move to `intoId`, `fromId` keeps a
   * `mergedInto` pointer (old links still resolve) and the merge is recorded.
   */
  recordMerge(fromId: string, intoId: string, at: string): Promise<void>;
  /**
   * Moves single articles to story `intoId` (a regrouped story gives some of its articles to
   * another, maybe not yet stored); their `updatedAt` becomes `at`. Story records are left as
   * they are: the caller re-summarizes the stories it touched.
   */
  moveArticles(articleIds: string[], intoId: string, at: string): Promise<void>;
}

export interface TagRepo {
  /** Replaces the tags of an article. */
  setForArticle(articleId: string, tags: Tag[]): Promise<void>;
  forArticle(articleId: string): Promise<Tag[]>;
  get(slug: string): Promise<Tag | null>;
  /** Tags with the most articles since a time. */
  trending(filter?: Page & { since?: string }): Promise<Array<Tag & { count: number }>>;
}

export interface SearchQuery extends Page {
  q: string;
  sourceId?: string;
  category?: Category;
  language?: string;
  since?: string;
  before?: string;
}
export interface SearchHit {
  article: Article;
  /** snippet with matches wrapped in <mark>…</mark>; everything else HTML-escaped */
  snippet: string;
  score: number;
}
export interface SearchRepo {
  search(query: SearchQuery): Promise<{ hits: SearchHit[]; total: number }>;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';
export interface Job {
  id: string;
  type: string;
  payload: unknown;
  /** jobs with the same key are not enqueued twice while one is queued or running */
  key: string | null;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface NewJob {
  type: string;
  payload: unknown;
  key?: string | null;
  runAt?: string;
  maxAttempts?: number;
}
export interface JobRepo {
  /** Returns the new job's id, or null when a queued/running job has the same key. */
  enqueue(job: NewJob): Promise<string | null>;
  /**
   * Atomically takes the oldest due queued job, or a running one whose lease expired under
   * another worker, counting an attempt. A job whose lease expired on its last allowed attempt
   * is marked failed. Worker ids must be unique per running process.
   */
  claim(workerId: string, now: string, leaseMs: number, types?: string[]): Promise<Job | null>;
  /** Heartbeat: extends the lease to now + leaseMs; false when this worker no longer holds it. */
  renew(id: string, workerId: string, now: string, leaseMs: number): Promise<boolean>;
  /** Marks done; ignored unless `workerId` still holds the job. */
  complete(id: string, workerId: string): Promise<void>;
  /** Records a failure: requeued at `retryAt`, or failed for good when it is null. */
  fail(id: string, workerId: string, error: string, retryAt: string | null): Promise<void>;
  /** Puts a worker's running jobs back in the queue (graceful shutdown); the attempt is not counted. */
  release(workerId: string): Promise<number>;
  get(id: string): Promise<Job | null>;
  counts(): Promise<Record<JobState, number>>;
  /** Jobs running, plus queued ones due at or before `until`. */
  pending(until: string): Promise<number>;
  /** Deletes done and failed jobs last updated before `before`; returns how many. */
  purge(before: string): Promise<number>;
}

// ---- People (accounts, comments, following). Plain CRUD; the rules live in src/accounts and
// src/comments so that every backend stays simple.

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
}
export interface UserRepo {
  /** null when the email (lower-cased) is taken */
  create(input: NewUser): Promise<User | null>;
  get(id: string): Promise<User | null>;
  getByEmail(email: string): Promise<User | null>;
  passwordHash(id: string): Promise<string | null>;
  setPasswordHash(id: string, hash: string): Promise<void>;
  update(id: string, patch: { name?: string; role?: Role }): Promise<User | null>;
  list(page?: Page): Promise<User[]>;
  count(): Promise<number>;
  /**
   * Deletes the account and the person's data: sessions, resets, follows, bookmarks, mutes,
   * history, reports; their comments are blanked (status deleted, no author) so replies keep
   * their place. Returns false when there was no such user.
   */
  remove(id: string): Promise<boolean>;
}

export interface SessionRepo {
  create(session: Session): Promise<void>;
  /** null when unknown or expired at `now` */
  get(id: string, now: string): Promise<Session | null>;
  remove(id: string): Promise<void>;
  removeForUser(userId: string): Promise<void>;
  purge(before: string): Promise<number>;
}

export interface PasswordResetRepo {
  create(input: { tokenHash: string; userId: string; expiresAt: string }): Promise<void>;
  /** Consumes a token once: its user id when it exists and is unexpired at `now`, else null. */
  take(tokenHash: string, now: string): Promise<string | null>;
}

export interface NewComment {
  targetType: CommentTargetType;
  targetId: string;
  parentId: string | null;
  userId: string;
  authorName: string;
  body: string;
  status: CommentStatus;
  moderation: ModerationVerdict;
  /** the form's one-time token: a second post with the same (user, key) returns the first */
  idempotencyKey: string;
  createdAt: string;
}
export interface CommentRepo {
  create(input: NewComment): Promise<{ comment: Comment; created: boolean }>;
  get(id: string): Promise<Comment | null>;
  /** oldest first */
  forTarget(targetType: CommentTargetType, targetId: string, statuses: CommentStatus[]): Promise<Comment[]>;
  update(
    id: string,
    patch: Partial<Pick<Comment, 'body' | 'status' | 'moderation' | 'editedAt'>>,
  ): Promise<Comment | null>;
  /** published comments per target id */
  counts(targetType: CommentTargetType, targetIds: string[]): Promise<Map<string, number>>;
  /** newest first */
  byStatus(status: CommentStatus, page?: Page): Promise<Comment[]>;
  /** how many comments this user wrote since `since` */
  countByUserSince(userId: string, since: string): Promise<number>;
}

export interface ReportRepo {
  /** false when this user already reported this comment */
  add(input: { commentId: string; userId: string; reason: string; createdAt: string }): Promise<boolean>;
  /** comments with open reports, most reported first */
  open(page?: Page): Promise<Array<{ commentId: string; count: number; reasons: string[] }>>;
  clear(commentId: string): Promise<void>;
}

export interface FollowRepo {
  add(userId: string, kind: FollowKind, value: string, at: string): Promise<void>;
  remove(userId: string, kind: FollowKind, value: string): Promise<void>;
  list(userId: string): Promise<Follow[]>;
}

export interface BookmarkRepo {
  add(userId: string, articleId: string, at: string): Promise<void>;
  remove(userId: string, articleId: string): Promise<void>;
  /** newest first */
  list(userId: string, page?: Page): Promise<Array<{ articleId: string; createdAt: string }>>;
}

export interface MuteRepo {
  add(userId: string, kind: MuteKind, value: string, at: string): Promise<void>;
  remove(userId: string, kind: MuteKind, value: string): Promise<void>;
  list(userId: string): Promise<Mute[]>;
}

export interface HistoryRepo {
  /** remembers that the user read an article (the latest time only) */
  record(userId: string, articleId: string, at: string): Promise<void>;
  /** newest first */
  recent(userId: string, limit: number): Promise<string[]>;
}

export interface ModerationLogRepo {
  add(entry: Omit<ModerationAction, 'id'>): Promise<ModerationAction>;
  /** newest first */
  list(page?: Page): Promise<ModerationAction[]>;
}

export interface SettingRepo {
  all(): Promise<Record<string, string>>;
  set(key: string, value: string): Promise<void>;
}

/** Timestamped events per key, for throttles and rate limits shared by every process. */
export interface RateRepo {
  hit(key: string, at: string): Promise<void>;
  count(key: string, since: string): Promise<number>;
  clear(key: string): Promise<void>;
  purge(before: string): Promise<number>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly sources: SourceRepo;
  readonly articles: ArticleRepo;
  readonly stories: StoryRepo;
  readonly tags: TagRepo;
  readonly search: SearchRepo;
  readonly jobs: JobRepo;
  readonly users: UserRepo;
  readonly sessions: SessionRepo;
  readonly passwordResets: PasswordResetRepo;
  readonly comments: CommentRepo;
  readonly reports: ReportRepo;
  readonly follows: FollowRepo;
  readonly bookmarks: BookmarkRepo;
  readonly mutes: MuteRepo;
  readonly history: HistoryRepo;
  readonly moderationLog: ModerationLogRepo;
  readonly settings: SettingRepo;
  readonly rates: RateRepo;
  /**
   * Runs `fn` in one transaction: all of its writes land, or none. Inside `fn` use only `tx`
   * (the outer store may wait for the transaction to end); nested calls are savepoints.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
