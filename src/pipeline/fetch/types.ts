// Contract of the fetch stage: every stage that touches the network goes through a Fetcher.

export type FetchKind = 'page' | 'feed' | 'robots' | 'other';

export interface FetchOptions {
  /** what is fetched: selects the byte cap (10 MB pages, 50 MB feeds) and Accept header */
  kind?: FetchKind;
  /** conditional GET validators from the last successful fetch */
  etag?: string | null;
  lastModified?: string | null;
  /** overrides of the configured limits */
  maxBytes?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** check robots.txt for this request (default: the fetcher's `robots` setting) */
  robots?: boolean;
  /** retries of transient failures (reset, 5xx, 429 with a short Retry-After); default 0 */
  retries?: number;
  /** for WebSub and similar: defaults to GET (no body) */
  method?: 'GET' | 'POST';
  body?: string | Buffer;
  /** extra request headers (lower-case names) */
  headers?: Record<string, string>;
}

export interface FetchResponse {
  /** final URL after redirects */
  url: string;
  status: number;
  /** true on 304 Not Modified (body is empty) */
  notModified: boolean;
  /** lower-cased header names */
  headers: Record<string, string>;
  contentType: string | null;
  /** decoded (decompressed) body bytes; character decoding is left to the caller's stage */
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
  durationMs: number;
}

/**
 * Fetches a URL safely and politely. Throws a LedeError (code `fetch_*`, e.g. `fetch_refused_address`,
 * `fetch_timeout`, `fetch_too_large`, `fetch_http_status`, `fetch_robots_disallowed`) on failure.
 */
export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchResponse>;
  close(): Promise<void>;
}
