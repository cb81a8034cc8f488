// Composition root: config -> store -> queue -> pipeline stages -> web / workers / poller.
// The only file (with cli/) that wires concrete pieces together.

import { createHmac, randomBytes } from 'node:crypto';
import type { Config } from './config/config.js';
import type { Article } from './domain/types.js';
import { LedeError } from './lib/errors.js';
import { createLogger, type Logger } from './lib/log.js';
import type { PipelineDeps } from './pipeline/deps.js';
import { tagsFromEnrichment } from './pipeline/enrich/hashtags.js';
import { enrichArticle } from './pipeline/enrich/index.js';
import { createExtractorPool, type ExtractorPool } from './pipeline/extract/pool.js';
import { readFeedDocument } from './pipeline/feeds/index.js';
import {
  callbackUrlFor,
  createFetcher,
  decodeBody,
  FetchError,
  nextPollAfterFailure,
  nextPollAfterSuccess,
} from './pipeline/fetch/index.js';
import { processItem, refreshSource } from './pipeline/pipeline.js';
import { rankRelated } from './pipeline/stories/related.js';
import { createStoryPlacer, recentArticles } from './pipeline/story-placer.js';
import type { LedeCatalogue } from './queue/catalogue.js';
import type { Handlers, JobQueue } from './queue/queue.js';
import { NonRetryableError, StoreQueue, type StoreQueueOptions } from './queue/store-queue.js';
import { openStore } from './storage/open.js';
import type { Store } from './storage/store.js';

export interface Runtime {
  config: Config;
  logger: Logger;
  store: Store;
  /** StoreQueue on SQLite; PgBossQueue when the store is PostgreSQL */
  queue: JobQueue<LedeCatalogue>;
  pipeline: PipelineDeps;
  /** related articles for an article page: same story first, then shared entities */
  related(article: Article): Promise<Article[]>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger?: Logger;
  queue?: Partial<Omit<StoreQueueOptions<LedeCatalogue>, 'store' | 'logger'>>;
  /** extraction worker threads (0 = extract in this thread, for one-shot commands) */
  extractWorkers?: number;
}

/** Related articles for an article page: its story's articles, then those sharing its first hashtags, ranked. */
export async function relatedArticles(store: Store, article: Article): Promise<Article[]> {
  const [sameStory, shared] = await Promise.all([
    article.storyId ? store.articles.list({ storyId: article.storyId, limit: 50 }) : [],
    Promise.all(
      (article.enrichment?.hashtags ?? []).slice(0, 4).map((tag) => store.articles.list({ tag, limit: 20 })),
    ),
  ]);
  return rankRelated(article, [...sameStory, ...shared.flat()], new Date(), { limit: 6 });
}

/** Failures that another attempt cannot fix: the job fails at once, the error stays on record. */
const FINAL_CODES = new Set([
  'extract_empty',
  'extract_no_title',
  'fetch_refused_address',
  'fetch_refused_scheme',
  'fetch_refused_port',
  'fetch_robots_disallowed',
  'fetch_too_large',
  'source_not_found',
]);

function isFinal(error: unknown): boolean {
  if (error instanceof FetchError && error.status !== null)
    return error.status >= 400 && error.status < 500 && error.status !== 429;
  return error instanceof LedeError && FINAL_CODES.has(error.code);
}

/** A random secret kept in the store's settings, created on first use. */
async function siteSecret(store: Store, key: string): Promise<string> {
  const existing = (await store.settings.all())[key];
  if (existing) return existing;
  await store.settings.set(key, randomBytes(32).toString('hex'));
  return (await store.settings.all())[key];
}

/**
 * The job queue follows the store: on SQLite the store's jobs table (StoreQueue), on PostgreSQL
 * pg-boss (imported only then), in schema "pgboss" or "<schema>_pgboss" when the URL names one.
 */
export async function openQueue(
  config: Pick<Config, 'databaseUrl'>,
  store: Store,
  logger: Logger,
  options: RuntimeOptions['queue'] = {},
): Promise<JobQueue<LedeCatalogue>> {
  if (store.kind !== 'postgres' || !config.databaseUrl) return new StoreQueue({ store, logger, ...options });
  const { PgBossQueue } = await import('./queue/pgboss-queue.js');
  const schema = new URL(config.databaseUrl).searchParams.get('schema');
  return PgBossQueue.open({
    connectionString: config.databaseUrl,
    schema: schema ? `${schema}_pgboss` : 'pgboss',
    logger,
    pollIntervalMs: options.pollIntervalMs,
    backoff: options.backoff,
  });
}

export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = await openStore(config);
  const queue = await openQueue(config, store, logger, options.queue);
  const fetcher = createFetcher({
    allow: config.fetchAllow,
    contactUrl: config.contactUrl,
    concurrency: config.fetchConcurrency,
    perHost: config.fetchPerHost,
    timeoutMs: config.fetchTimeoutMs,
    logger,
  });
  const workers = options.extractWorkers ?? Math.max(1, Math.min(config.workers, 4));
  const pool: ExtractorPool | null = workers > 0 ? createExtractorPool({ size: workers }) : null;
  const { extractArticle } = pool ? { extractArticle: null } : await import('./pipeline/extract/extract.js');
  // Many processes on one PostgreSQL: placement runs under a cluster-wide lock and each turn
  // first learns what the other workers placed (see storage/postgres/cluster-sync.ts).
  const clusterSync =
    store.kind === 'postgres' && config.databaseUrl
      ? await (await import('./storage/postgres/cluster-sync.js')).openClusterSync(config.databaseUrl)
      : null;
  let mark = clusterSync ? await clusterSync.mark() : '0';
  const stories = createStoryPlacer({
    windowHours: config.clusterWindowHours,
    restored: await recentArticles(store, config.clusterWindowHours),
  });

  const pipeline: PipelineDeps = {
    store,
    fetcher,
    queue: { enqueueItem: (payload) => queue.enqueue('process-item', payload) },
    readFeed: readFeedDocument,
    async extract(body, url, contentType) {
      const { text } = decodeBody(body, contentType, 'html');
      return pool ? pool.extract(text, url) : extractArticle!(text, url);
    },
    enrich: enrichArticle,
    stories,
    tagsFor: tagsFromEnrichment,
    schedule: { afterSuccess: nextPollAfterSuccess, afterFailure: nextPollAfterFailure },
    websub: config.publicUrl
      ? {
          callbackUrl: (sourceId) => callbackUrlFor(config.publicUrl, sourceId),
          // one secret per subscription, derived from a random site secret every process shares
          secret: async (sourceId) =>
            createHmac('sha256', await siteSecret(store, 'websub_secret'))
              .update(sourceId)
              .digest('hex'),
        }
      : undefined,
    exclusive: clusterSync
      ? async (work) => {
          await clusterSync.enter();
          try {
            // learn first what the other workers placed since this one's last turn
            for (;;) {
              const synced = await clusterSync.placedSince(mark);
              stories.observe(synced.articles);
              if (synced.seq === mark) break;
              mark = synced.seq;
            }
            return await work();
          } finally {
            await clusterSync.leave();
          }
        }
      : undefined,
    logger,
    now: () => new Date().toISOString(),
  };

  return {
    config,
    logger,
    store,
    queue,
    pipeline,
    related: (article) => relatedArticles(store, article),
    async close() {
      await queue.stop({ timeoutMs: 10_000 });
      await (queue as { close?: () => Promise<void> }).close?.();
      await pool?.close();
      await clusterSync?.close();
      await fetcher.close();
      await store.close();
    },
  };
}

/** The job handlers: the pipeline decides what a job does; failures that cannot heal are final. */
export function jobHandlers(runtime: Runtime): Handlers<LedeCatalogue> {
  const final = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      if (isFinal(error)) {
        const code = error instanceof LedeError ? error.code : 'job_failed';
        throw new NonRetryableError(code, error instanceof Error ? error.message : String(error), {
          cause: error,
        });
      }
      throw error;
    }
  };
  return {
    'refresh-source': (payload) =>
      final(async () => {
        const result = await refreshSource(runtime.pipeline, payload.sourceId);
        // the failure is stored on the source and the poller backs off; no job retry on top
        if (result.status === 'failed')
          runtime.logger.debug({ source_id: payload.sourceId }, 'refresh failed');
      }),
    'process-item': (payload) => final(() => processItem(runtime.pipeline, payload)),
  };
}
