// Plain domain types shared by every stage. No I/O here.

export const CATEGORIES = [
  'world',
  'politics',
  'business',
  'technology',
  'science',
  'health',
  'sports',
  'entertainment',
  'lifestyle',
  'environment',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type DisplayPolicy = 'full' | 'excerpt';
export type SourceKind = 'feed' | 'sitemap' | 'page';

/** A publisher feed (or sitemap) that Lede polls, with its fetch state. */
export interface Source {
  id: string;
  name: string;
  feedUrl: string;
  homepage: string | null;
  country: string | null; // ISO 3166-1 alpha-2, upper case
  language: string | null; // BCP 47 primary tag, lower case
  topics: string[];
  kind: SourceKind;
  enabled: boolean;
  displayPolicy: DisplayPolicy;
  // fetch state
  etag: string | null;
  lastModified: string | null;
  nextPollAt: string | null; // ISO-8601
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  pollIntervalSec: number;
  errorCount: number;
  lastError: string | null;
  lastErrorAt: string | null;
  pausedReason: string | null;
  websubHub: string | null;
  createdAt: string;
}

export type NewSource = Pick<Source, 'name' | 'feedUrl'> &
  Partial<
    Pick<Source, 'homepage' | 'country' | 'language' | 'topics' | 'kind' | 'enabled' | 'displayPolicy'>
  >;

export interface Image {
  url: string;
  caption: string | null;
  credit: string | null;
  width?: number | null;
  height?: number | null;
}

export type EntityType = 'person' | 'organization' | 'place' | 'other';

export interface Span {
  start: number;
  end: number;
}
export interface Entity extends Span {
  text: string;
  type: EntityType;
  /** canonical name of the entity all its mentions are merged into */
  canonical?: string;
  /** ISO country code for places a gazetteer knows */
  country?: string | null;
}
export interface KeyPoint extends Span {
  text: string;
}
export interface Figure extends Span {
  text: string;
  value: number | null;
  /** upper bound of a range ("10,000 to 20,000") */
  valueMax?: number | null;
  unit: string | null;
  counts: string | null;
  claimant: string | null;
  hedge?: string | null;
}
export interface Quote extends Span {
  speaker: string | null;
  mention: string | null;
  text: string;
}
export interface DatedEvent extends Span {
  date: string;
  text: string;
}

/** Output of the enrich stage (the `lede enrich --jsonl` contract, without the id). */
export interface Enrichment {
  language: string | null;
  category: Category | null;
  entities: Entity[];
  hashtags: string[];
  keyPoints: KeyPoint[];
  figures: Figure[];
  quotes: Quote[];
  events: DatedEvent[];
  readingMinutes: number;
}

export interface Tag {
  slug: string;
  name: string;
  type: EntityType | 'topic';
  country?: string | null;
}

export interface Article {
  /** stable hex hash of the canonical URL */
  id: string;
  url: string;
  canonicalUrl: string;
  sourceId: string | null;
  title: string;
  byline: string | null;
  description: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  language: string | null;
  siteName: string | null;
  section: string | null;
  paywalled: boolean;
  text: string;
  html: string;
  leadImage: Image | null;
  images: Image[];
  category: Category | null;
  enrichment: Enrichment | null;
  storyId: string | null;
  /** hash of normalised text, for exact duplicates */
  contentHash: string | null;
  /** id of the article this one is a near-duplicate (syndicated copy) of */
  duplicateOf: string | null;
  fetchedAt: string;
  updatedAt: string;
}

export interface Story {
  id: string;
  title: string;
  /** article whose headline represents the story */
  leadArticleId: string | null;
  articleCount: number;
  sourceCount: number;
  category: Category | null;
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  /** id of the story this one was merged into, if any */
  mergedInto: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An item read from a feed or sitemap, adapted to the domain. */
export interface FeedItem {
  url: string;
  guid: string | null;
  title: string | null;
  summary: string | null;
  contentHtml: string | null;
  publishedAt: string | null;
  authors: string[];
  categories: string[];
  imageUrl: string | null;
  language: string | null;
}

// ---- People: accounts, comments, following (see src/accounts, src/comments) ----

export const ROLES = ['reader', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  /** lower-cased, trimmed */
  email: string;
  /** display name shown next to comments; untrusted text, always escaped */
  name: string;
  role: Role;
  createdAt: string;
}

export interface Session {
  /** random, 256 bits, base64url; the cookie value */
  id: string;
  userId: string;
  /** synchronizer CSRF token tied to this session */
  csrf: string;
  createdAt: string;
  expiresAt: string;
}

export type CommentTargetType = 'article' | 'story';
/** published: visible; held: waiting for a moderator; removed: by a moderator; deleted: by its author */
export type CommentStatus = 'published' | 'held' | 'removed' | 'deleted';

export interface ModerationVerdict {
  /** 0..1, higher is worse */
  score: number;
  /** human-readable reasons ("toxic word: idiot", "4 links") */
  reasons: string[];
}

export interface Comment {
  id: string;
  targetType: CommentTargetType;
  targetId: string;
  /** one level of replies: a reply's parent is always a top-level comment */
  parentId: string | null;
  /** null once the author's account is deleted */
  userId: string | null;
  authorName: string;
  /** the markdown source as typed; rendered by comments/markdown.ts */
  body: string;
  status: CommentStatus;
  moderation: ModerationVerdict;
  createdAt: string;
  editedAt: string | null;
}

export type FollowKind = 'source' | 'tag' | 'category' | 'story';
export interface Follow {
  kind: FollowKind;
  value: string;
  createdAt: string;
}

export type MuteKind = 'source' | 'word';
export interface Mute {
  kind: MuteKind;
  value: string;
  createdAt: string;
}

export interface ModerationAction {
  id: string;
  actorId: string | null;
  /** approve, remove, restore, role, delete-account… */
  action: string;
  commentId: string | null;
  subjectUserId: string | null;
  note: string;
  createdAt: string;
}

export interface SiteSettings {
  name: string;
  /** edition codes offered to readers ("en", "ar", "us") */
  editions: string[];
  defaultLanguage: string;
}
