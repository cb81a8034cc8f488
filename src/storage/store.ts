// The Store: narrow repositories behind one interface, implemented by storage/sqlite (default)
// and storage/postgres. Every method is async so both backends fit. Rows never leave the
// implementation: callers see domain types only.
import type { Article, Category, NewSource, Source, Story, Tag } from '../domain/types.js';

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

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly sources: SourceRepo;
  readonly articles: ArticleRepo;
  readonly stories: StoryRepo;
  readonly tags: TagRepo;
  readonly search: SearchRepo;
  readonly jobs: JobRepo;
  /**
   * Runs `fn` in one transaction: all of its writes land, or none. Inside `fn` use only `tx`
   * (the outer store may wait for the transaction to end); nested calls are savepoints.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
