// Jobs declared as data: for each job type, its payload schema, retry policy and idempotency
// key. Runners (StoreQueue now, pg-boss later) read only this; handlers live in the pipeline.
import { z } from 'zod';

export interface Backoff {
  /** delay before the first retry, before jitter */
  baseMs: number;
  /** no retry waits longer than this */
  capMs: number;
}

export interface JobSpec<P = unknown> {
  name: string;
  schema: z.ZodType<P>;
  /** attempts in all, the first run included */
  maxAttempts: number;
  backoff: Backoff;
  /** jobs with the same key are not queued twice while one is queued or running; null = no dedupe */
  key(payload: P): string | null;
}

// biome-ignore lint/suspicious/noExplicitAny: a catalogue holds specs of different payload types
export type Catalogue = Record<string, JobSpec<any>>;
export type PayloadOf<S> = S extends JobSpec<infer P> ? P : never;

/** Declares a job type; `defineJob` only checks the shape and infers the payload type. */
export function defineJob<P>(spec: JobSpec<P>): JobSpec<P> {
  if (!Number.isInteger(spec.maxAttempts) || spec.maxAttempts < 1) {
    throw new Error(`job ${spec.name}: maxAttempts must be a positive integer`);
  }
  if (spec.backoff.baseMs < 0 || spec.backoff.capMs < spec.backoff.baseMs) {
    throw new Error(`job ${spec.name}: backoff needs 0 <= baseMs <= capMs`);
  }
  return spec;
}

/**
 * Delay before retrying after the `attempt`-th failure (1-based): exponential, capped, with
 * "equal jitter" (half fixed, half random) so retries spread out but never collapse to zero.
 */
export function backoffDelayMs(
  backoff: Backoff,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exp = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

const nullableText = z.string().nullable().optional();

/** Hints from the feed item, used when the page itself lacks them. Mirrors FeedItem. */
export const feedItemHints = z.object({
  title: nullableText,
  summary: nullableText,
  publishedAt: nullableText,
  imageUrl: nullableText,
  authors: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
  language: nullableText,
});

const absoluteUrl = z
  .string()
  .min(1)
  .max(8192)
  .refine((s) => URL.canParse(s), 'must be an absolute URL');

export const refreshSource = defineJob({
  name: 'refresh-source',
  schema: z.object({ sourceId: z.string().min(1) }),
  // a failed refresh is retried soon; after that the scheduler's next poll takes over
  maxAttempts: 3,
  backoff: { baseMs: 30_000, capMs: 10 * 60_000 },
  key: (p) => p.sourceId,
});

export const processItem = defineJob({
  name: 'process-item',
  schema: z.object({
    url: absoluteUrl,
    sourceId: z.string().min(1).nullable(),
    item: feedItemHints.optional(),
  }),
  maxAttempts: 4,
  backoff: { baseMs: 60_000, capMs: 60 * 60_000 },
  key: (p) => p.url,
});

/** Every job type Lede runs, by name. */
export const catalogue = {
  'refresh-source': refreshSource,
  'process-item': processItem,
} satisfies Catalogue;

export type LedeCatalogue = typeof catalogue;
export type JobType = keyof LedeCatalogue;
export type RefreshSourcePayload = PayloadOf<typeof refreshSource>;
export type ProcessItemPayload = PayloadOf<typeof processItem>;
