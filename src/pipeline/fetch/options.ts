// Fetcher settings and their defaults (the composition root maps Config onto these).
import type { Logger } from '../../lib/log.js';
import type { Resolver } from './guard.js';
import type { FetchKind } from './types.js';

export interface FetcherOptions {
  /** LEDE_FETCH_ALLOW entries: CIDRs or host names that may be fetched although private */
  allow?: string[];
  /** full User-Agent; default `Lede/0.1 (+contactUrl)` */
  userAgent?: string;
  contactUrl?: string;
  concurrency?: number;
  perHost?: number;
  minHostIntervalMs?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** longest silence while the body streams */
  idleTimeoutMs?: number;
  /** whole request, redirects included, from the moment it gets a slot */
  timeoutMs?: number;
  /** longest wait for a host or global slot */
  queueTimeoutMs?: number;
  maxPageBytes?: number;
  maxFeedBytes?: number;
  maxRobotsBytes?: number;
  maxHeaderBytes?: number;
  maxRedirects?: number;
  /** longest Retry-After we honour by keeping away from a host */
  maxRetryAfterSec?: number;
  robots?: boolean;
  robotsTtlMs?: number;
  maxCrawlDelayMs?: number;
  retries?: number;
  logger?: Logger;
  /** DNS resolver (default: the system's); every answer is still checked */
  resolve?: Resolver;
}

export const ACCEPT: Record<FetchKind, string> = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  page: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
  robots: 'text/plain, */*;q=0.5',
  other: '*/*',
};
export type ResolvedOptions = Required<Omit<FetcherOptions, 'logger' | 'resolve' | 'userAgent' | 'allow'>>;

export function resolveOptions(options: FetcherOptions): ResolvedOptions {
  return {
    contactUrl: options.contactUrl ?? 'https://github.com/lede-news/lede',
    concurrency: options.concurrency ?? 16,
    perHost: options.perHost ?? 2,
    minHostIntervalMs: options.minHostIntervalMs ?? 1000,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    headersTimeoutMs: options.headersTimeoutMs ?? 15_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 15_000,
    timeoutMs: options.timeoutMs ?? 30_000,
    queueTimeoutMs: options.queueTimeoutMs ?? 10 * 60_000,
    maxPageBytes: options.maxPageBytes ?? 10 * 1024 * 1024,
    maxFeedBytes: options.maxFeedBytes ?? 50 * 1024 * 1024,
    maxRobotsBytes: options.maxRobotsBytes ?? 512 * 1024,
    maxHeaderBytes: options.maxHeaderBytes ?? 64 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    maxRetryAfterSec: options.maxRetryAfterSec ?? 6 * 3600,
    robots: options.robots ?? true,
    robotsTtlMs: options.robotsTtlMs ?? 24 * 3_600_000,
    maxCrawlDelayMs: options.maxCrawlDelayMs ?? 30_000,
    retries: options.retries ?? 0,
  };
}

/** The byte cap for a kind of download. */
export function capFor(o: ResolvedOptions, kind: FetchKind): number {
  if (kind === 'feed') return o.maxFeedBytes;
  if (kind === 'robots') return o.maxRobotsBytes;
  return o.maxPageBytes;
}
