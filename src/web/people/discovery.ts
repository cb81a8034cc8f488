// "Add a source" from any URL: a feed is taken as it is; a web page is searched for announced
// feeds, then the common feed paths, each fetched and parsed until one holds items.
import { discoverFeeds, parseFeed } from '../../pipeline/feeds/index.js';
import type { Fetcher } from '../../pipeline/fetch/types.js';

export interface Found {
  feedUrl: string;
  title: string | null;
  homepage: string | null;
  language: string | null;
  items: number;
}

function asFeed(body: Buffer, url: string): Found | null {
  try {
    const r = parseFeed(body, url);
    if (r.items.length === 0 && !(r.wellFormed && r.feed.title)) return null;
    return {
      feedUrl: url,
      title: r.feed.title,
      homepage: r.feed.link ?? null,
      language: r.feed.language ?? null,
      items: r.items.length,
    };
  } catch {
    return null;
  }
}

const looksLikeHtml = (body: Buffer, type: string | null) =>
  /html/i.test(type ?? '') || /^\s*(<!doctype html|<html)/i.test(body.subarray(0, 512).toString('latin1'));

export async function findFeed(fetcher: Fetcher, url: string, maxTries = 8): Promise<Found | null> {
  const first = await fetcher.fetch(url, { kind: 'feed' });
  if (!looksLikeHtml(first.body, first.contentType)) {
    const feed = asFeed(first.body, first.url);
    if (feed) return feed;
  }
  const candidates = discoverFeeds(first.body.toString('utf8'), first.url).slice(0, maxTries);
  for (const candidate of candidates) {
    try {
      const res = await fetcher.fetch(candidate, { kind: 'feed' });
      const feed = res.status < 400 ? asFeed(res.body, res.url) : null;
      if (feed) return { ...feed, homepage: feed.homepage ?? first.url };
    } catch {
      // the next candidate
    }
  }
  return null;
}
