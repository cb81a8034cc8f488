// WebSub: when a feed names a hub and Lede has a public address, it subscribes so the hub pushes
// new items instead of Lede polling; pushed feeds go through the same item queue as polled ones.
import type { Source } from '../domain/types.js';
import { LedeError } from '../lib/errors.js';
import type { PipelineDeps } from './deps.js';
import { subscribe, verifyIntent, verifySignature } from './fetch/websub.js';

/** Subscribes to a hub the feed names, unless already subscribed there. Never fails a refresh. */
export async function subscribeIfNew(deps: PipelineDeps, source: Source, hub: string | null): Promise<void> {
  const websub = deps.websub;
  if (!websub || !hub || hub === source.websubHub) return;
  const callbackUrl = websub.callbackUrl(source.id);
  if (!callbackUrl) return;
  try {
    await subscribe(deps.fetcher, {
      hub,
      topic: source.feedUrl,
      callbackUrl,
      secret: await websub.secret(source.id),
    });
    await deps.store.sources.update(source.id, { websubHub: hub });
    deps.logger.info({ source_id: source.id, hub, stage: 'websub' }, 'subscribed to hub');
  } catch (error) {
    deps.logger.warn({ source_id: source.id, hub, err: error, stage: 'websub' }, 'hub subscription failed');
  }
}

/** Answers a hub's verification of intent: the challenge to echo, or null (answer 404). */
export async function verifyWebSubIntent(
  deps: PipelineDeps,
  sourceId: string,
  query: Record<string, string | undefined>,
): Promise<string | null> {
  const source = await deps.store.sources.get(sourceId);
  if (!source) return null;
  return verifyIntent(query, source.feedUrl)?.challenge ?? null;
}

/** A pushed feed: checked against the subscription's secret, then its new items are queued. */
export async function receiveWebSubPush(
  deps: PipelineDeps,
  sourceId: string,
  body: Buffer,
  signature: string | null,
): Promise<number> {
  const source = await deps.store.sources.get(sourceId);
  if (!source || !deps.websub) throw new LedeError('websub_unknown', 'no subscription for this source');
  if (!verifySignature(body, signature, await deps.websub.secret(source.id))) {
    throw new LedeError('websub_bad_signature', 'the push is not signed with this subscription’s secret');
  }
  const { enqueueNewItems } = await import('./pipeline.js');
  return enqueueNewItems(deps, source, deps.readFeed(body, source.feedUrl).items);
}
