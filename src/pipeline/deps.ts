// What the pipeline needs from the outside, as interfaces: main.ts and the CLI wire concrete
// stages in, tests can wire real stages against a local server.
import type { Article, Enrichment, Story, Tag } from '../domain/types.js';
import type { Logger } from '../lib/log.js';
import type { Store } from '../storage/store.js';
import type { EnrichInput } from './enrich/types.js';
import type { ExtractedArticle } from './extract/types.js';
import type { FeedDocument } from './feeds/types.js';
import type { nextPollAfterFailure, nextPollAfterSuccess } from './fetch/schedule.js';
import type { Fetcher } from './fetch/types.js';
import type { ClusterAssignment, ClusterInput } from './stories/types.js';

/** Queue side of the pipeline: refreshSource enqueues one process-item job per new feed item. */
export interface ItemQueue {
  enqueueItem(payload: ProcessItemPayload): Promise<string | null>;
}

export interface ProcessItemPayload {
  url: string;
  sourceId: string | null;
  item?: {
    title?: string | null;
    summary?: string | null;
    publishedAt?: string | null;
    imageUrl?: string | null;
    authors?: string[];
    categories?: string[];
    language?: string | null;
  };
}

/** Story placement plus near-duplicate detection, held by the stories stage. */
export interface StoryPlacer {
  canonicalizeUrl(url: string): string;
  articleIdFor(canonicalUrl: string): string;
  contentHash(text: string): string;
  /** id and overlap of a stored article this text is a syndicated copy of */
  nearDuplicate(id: string, text: string): { id: string; overlap: number } | null;
  place(doc: ClusterInput): ClusterAssignment;
  /** story record from the articles it holds (counts, headline, dates) */
  summarize(storyId: string, articles: Article[], previous: Story | null): Story;
}

export interface PipelineDeps {
  store: Store;
  fetcher: Fetcher;
  queue: ItemQueue;
  readFeed(body: Buffer, url: string): FeedDocument;
  extract(body: Buffer, url: string, contentType: string | null): Promise<ExtractedArticle>;
  enrich(input: EnrichInput): Enrichment;
  stories: StoryPlacer;
  /** tags (hashtag pages) an article gets from its enrichment */
  tagsFor(enrichment: Enrichment): Tag[];
  /** next poll after a fetch, from the source's publishing rate / failure streak */
  schedule: { afterSuccess: typeof nextPollAfterSuccess; afterFailure: typeof nextPollAfterFailure };
  /** set when Lede has a public address: WebSub callbacks and per-source secrets */
  websub?: { callbackUrl(sourceId: string): string | null; secret(sourceId: string): Promise<string> };
  /** runs story placement and storing one at a time when several processes share the store */
  exclusive?<T>(work: () => Promise<T>): Promise<T>;
  logger: Logger;
  now(): string;
}
