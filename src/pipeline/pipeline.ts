// The only place where the order of the stages is written. Schedulers, buttons, the import
// command and API endpoints decide *when*; this file decides *what*.
//
//   refreshSource: fetch feed -> parse + adapt -> enqueue new items -> schedule next poll
//   processItem:   fetch page -> ingestPage
//   ingestPage:    extract (sanitized there) -> canonical id -> exact duplicate check -> enrich
//                  -> near-duplicate + story placement -> store (one transaction)
import type { Article, FeedItem, Source } from '../domain/types.js';
import { describeError, LedeError } from '../lib/errors.js';
import { escapeHtml } from '../lib/html.js';
import type { Store } from '../storage/store.js';
import type { PipelineDeps, ProcessItemPayload, StoryPlacer } from './deps.js';
import type { MergedStory, MovedArticle } from './stories/types.js';
import { subscribeIfNew } from './websub.js';

export type { PipelineDeps, ProcessItemPayload } from './deps.js';

export interface RefreshResult {
  status: 'updated' | 'not-modified' | 'failed';
  items: number;
  enqueued: number;
  error?: string;
}

/** Polls one source: new items become process-item jobs; the outcome is stored on the source. */
export async function refreshSource(deps: PipelineDeps, sourceId: string): Promise<RefreshResult> {
  const { store, logger } = deps;
  const source = await store.sources.get(sourceId);
  if (!source) throw new LedeError('source_not_found', `no source with id ${sourceId}`);
  const now = deps.now();
  try {
    const response = await deps.fetcher.fetch(source.feedUrl, {
      kind: 'feed',
      etag: source.etag,
      lastModified: source.lastModified,
    });
    if (response.notModified) {
      await recordSuccess(
        deps,
        source,
        now,
        [],
        response.etag ?? source.etag,
        response.lastModified ?? source.lastModified,
      );
      return { status: 'not-modified', items: 0, enqueued: 0 };
    }
    const feed = deps.readFeed(response.body, response.url);
    if (feed.items.length === 0 && !feed.wellFormed) {
      throw new LedeError('feed_unreadable', feed.errors[0] ?? 'not a feed or sitemap');
    }
    const enqueued = await enqueueNewItems(deps, source, feed.items);
    const dates = feed.items.map((item) => item.publishedAt).filter((d): d is string => Boolean(d));
    await recordSuccess(deps, source, now, dates, response.etag, response.lastModified);
    await subscribeIfNew(deps, source, feed.hub);
    logger.info(
      { source_id: source.id, items: feed.items.length, enqueued, stage: 'refresh' },
      'source refreshed',
    );
    return { status: 'updated', items: feed.items.length, enqueued };
  } catch (error) {
    const message = describeError(error);
    const errorCount = source.errorCount + 1;
    const next = deps.schedule.afterFailure({
      sourceId: source.id,
      errorCount,
      now,
      errorCode: error instanceof LedeError ? error.code : null,
      lastError: message,
      status: (error as { status?: number | null }).status ?? null,
      retryAfterSec: (error as { retryAfterSec?: number | null }).retryAfterSec ?? null,
    });
    await store.sources.update(source.id, {
      lastPolledAt: now,
      errorCount,
      lastError: message,
      lastErrorAt: now,
      nextPollAt: next.nextPollAt,
      pausedReason: next.pausedReason,
    });
    logger.warn(
      { source_id: source.id, url: source.feedUrl, error: message, stage: 'refresh' },
      'source failed',
    );
    return { status: 'failed', items: 0, enqueued: 0, error: message };
  }
}

/** Queues a process-item job for each item whose URL is not stored yet; returns how many. */
export async function enqueueNewItems(
  deps: PipelineDeps,
  source: Source,
  items: FeedItem[],
): Promise<number> {
  const known = await deps.store.articles.knownUrls(items.map((item) => item.url));
  let enqueued = 0;
  for (const item of items) {
    if (known.has(item.url)) continue;
    const payload: ProcessItemPayload = {
      url: item.url,
      sourceId: source.id,
      item: {
        title: item.title,
        summary: item.summary,
        publishedAt: item.publishedAt,
        imageUrl: item.imageUrl,
        authors: item.authors,
        categories: item.categories,
        language: item.language,
      },
    };
    if (await deps.queue.enqueueItem(payload)) enqueued++;
  }
  return enqueued;
}

async function recordSuccess(
  deps: PipelineDeps,
  source: Source,
  now: string,
  itemDates: string[],
  etag: string | null,
  lastModified: string | null,
): Promise<void> {
  const next = deps.schedule.afterSuccess({
    sourceId: source.id,
    itemDates,
    previousIntervalSec: source.pollIntervalSec,
    now,
  });
  await deps.store.sources.update(source.id, {
    etag,
    lastModified,
    lastPolledAt: now,
    lastSuccessAt: now,
    errorCount: 0,
    lastError: null,
    lastErrorAt: null,
    pausedReason: null,
    pollIntervalSec: next.intervalSec,
    nextPollAt: next.nextPollAt,
  });
}

/** Fetches one article page and ingests it. Failures are recorded on the item's source. */
export async function processItem(deps: PipelineDeps, payload: ProcessItemPayload): Promise<Article> {
  try {
    const response = await deps.fetcher.fetch(payload.url, { kind: 'page' });
    return await ingestPage(deps, {
      url: response.url,
      body: response.body,
      contentType: response.contentType,
      sourceId: payload.sourceId,
      item: payload.item,
    });
  } catch (error) {
    if (payload.sourceId) {
      const now = deps.now();
      await deps.store.sources.update(payload.sourceId, {
        lastError: `${payload.url}: ${describeError(error)}`,
        lastErrorAt: now,
      });
    }
    throw error;
  }
}

export interface PageInput {
  url: string;
  body: Buffer;
  contentType: string | null;
  sourceId: string | null;
  item?: ProcessItemPayload['item'];
}

/** Turns one page into a stored, enriched, clustered article (also used by offline import). */
export async function ingestPage(deps: PipelineDeps, page: PageInput): Promise<Article> {
  const { store, stories } = deps;
  const started = Date.now();
  const extracted = await deps.extract(page.body, page.url, page.contentType);
  if (!extracted.text.trim()) {
    throw new LedeError('extract_empty', `no article found: ${extracted.emptyReason ?? 'empty body'}`);
  }
  const title = extracted.title ?? page.item?.title ?? null;
  if (!title) throw new LedeError('extract_no_title', 'no headline found on the page');

  const canonicalUrl = stories.canonicalizeUrl(extracted.canonicalUrl ?? page.url);
  const id = stories.articleIdFor(canonicalUrl);
  const now = deps.now();
  const previous = await store.articles.get(id);

  // Dedupe before enrich: an exact copy under another URL is stored as a duplicate of the first.
  const contentHash = stories.contentHash(extracted.text);
  const exact = await store.articles.findByContentHash(contentHash);
  const exactOf = exact && exact.id !== id ? exact : null;

  const publishedAt = extracted.published ?? page.item?.publishedAt ?? previous?.publishedAt ?? null;
  const enrichment =
    exactOf?.enrichment ??
    deps.enrich({
      title,
      text: extracted.text,
      url: canonicalUrl,
      published: publishedAt,
      language: extracted.language ?? page.item?.language ?? null,
    });

  const source = page.sourceId ? await store.sources.get(page.sourceId) : null;
  // Placement and storing see and change the shared story state: one at a time across processes.
  const exclusive = deps.exclusive ?? ((work) => work());
  return exclusive(async () => {
    const near = exactOf ? { id: exactOf.id, overlap: 1 } : stories.nearDuplicate(id, extracted.text);
    const placement = previous?.storyId
      ? { storyId: previous.storyId, merged: [] as MergedStory[], moved: [] as MovedArticle[] }
      : stories.place({
          id,
          title,
          text: extracted.text,
          published: publishedAt ?? now,
          source: source?.id ?? extracted.siteName ?? new URL(canonicalUrl).hostname,
          entities: enrichment.entities.map((e) => e.canonical ?? e.text),
        });

    const article: Article = {
      id,
      url: page.url,
      canonicalUrl,
      sourceId: page.sourceId,
      title,
      byline: extracted.byline ?? (page.item?.authors?.length ? page.item.authors.join(', ') : null),
      description: extracted.description ?? page.item?.summary ?? null,
      publishedAt,
      modifiedAt: extracted.modified,
      language: enrichment.language ?? extracted.language,
      siteName: extracted.siteName ?? source?.name ?? null,
      section: extracted.section,
      paywalled: extracted.paywalled,
      text: extracted.text,
      html: extracted.html,
      leadImage:
        extracted.leadImage ??
        (page.item?.imageUrl ? { url: page.item.imageUrl, caption: null, credit: null } : null),
      images: extracted.images,
      category: enrichment.category,
      enrichment,
      storyId: placement.storyId,
      contentHash,
      duplicateOf: near && near.id !== id ? near.id : null,
      fetchedAt: previous?.fetchedAt ?? now,
      updatedAt: now,
    };

    await store.transaction(async (tx) => {
      await tx.articles.upsert(article);
      await tx.tags.setForArticle(id, deps.tagsFor(enrichment));
      for (const m of placement.merged) await tx.stories.recordMerge(m.id, m.into, now);
      // after the merges: a move overrides a merge for its article
      const movedFrom = await moveArticles(tx, placement.moved, now);
      const touched = new Set([
        placement.storyId,
        ...placement.merged.map((m) => m.into),
        ...placement.moved.map((m) => m.storyId),
        ...movedFrom,
      ]);
      for (const storyId of touched) await resummarize(tx, stories, storyId);
    });
    deps.logger.info(
      {
        article_id: id,
        url: page.url,
        source_id: page.sourceId,
        story_id: placement.storyId,
        moved_articles: placement.moved.length,
        duration_ms: Date.now() - started,
        stage: 'ingest',
      },
      previous ? 'article updated' : 'article stored',
    );
    return article;
  });
}

/** The store's largest page of a list. */
const MAX_PAGE = 1000;

/** Applies a placement's article moves; returns the stories the moved articles were in. */
async function moveArticles(tx: Store, moved: MovedArticle[], at: string): Promise<Set<string>> {
  const from = new Set<string>();
  if (moved.length === 0) return from;
  const ids = moved.map((m) => m.id);
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = await tx.articles.list({ ids, limit: MAX_PAGE, offset });
    for (const a of page) if (a.storyId) from.add(a.storyId);
    if (page.length < MAX_PAGE) break;
  }
  const byTarget = new Map<string, string[]>();
  for (const m of moved) {
    const group = byTarget.get(m.storyId) ?? [];
    group.push(m.id);
    byTarget.set(m.storyId, group);
  }
  for (const [storyId, articleIds] of byTarget) await tx.stories.moveArticles(articleIds, storyId, at);
  return from;
}

/** Rewrites a story's record from the articles it holds now; a story left empty is kept as it was. */
async function resummarize(tx: Store, stories: StoryPlacer, storyId: string): Promise<void> {
  const members = await tx.articles.list({ storyId, limit: 500 });
  if (members.length === 0) return;
  await tx.stories.upsert(stories.summarize(storyId, members, await tx.stories.get(storyId)));
}

/**
 * Offline import of a feed file: each item is ingested from the content the feed carries
 * (no page fetch), as a small page with its headline, date and body. Items fail one by one.
 */
export async function ingestFeedFile(
  deps: PipelineDeps,
  body: Buffer,
  url: string,
): Promise<{ stored: Article[]; failed: Array<{ url: string; error: string }> }> {
  const feed = deps.readFeed(body, url);
  const stored: Article[] = [];
  const failed: Array<{ url: string; error: string }> = [];
  for (const item of feed.items) {
    const content = item.contentHtml ?? item.summary;
    try {
      if (!content) throw new LedeError('extract_empty', 'the feed item carries no text');
      const page = [
        '<!doctype html><html><head><meta charset="utf-8">',
        `<title>${escapeHtml(item.title ?? '')}</title>`,
        item.publishedAt
          ? `<meta property="article:published_time" content="${escapeHtml(item.publishedAt)}">`
          : '',
        feed.language ? `<meta http-equiv="content-language" content="${escapeHtml(feed.language)}">` : '',
        `</head><body><article><h1>${escapeHtml(item.title ?? '')}</h1>${content}</article></body></html>`,
      ].join('');
      stored.push(
        await ingestPage(deps, {
          url: item.url,
          body: Buffer.from(page, 'utf8'),
          contentType: 'text/html; charset=utf-8',
          sourceId: null,
          item: { ...item, language: item.language ?? feed.language },
        }),
      );
    } catch (error) {
      failed.push({ url: item.url, error: describeError(error) });
    }
  }
  return { stored, failed };
}
