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
  Partial<Pick<Source, 'homepage' | 'country' | 'language' | 'topics' | 'kind' | 'enabled' | 'displayPolicy'>>;

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
