// Story page data, computed from the story's articles (with their enrichment): the headline,
// key points across sources (each citing its article), who covers it, a timeline, quotes by
// speaker and the numbers board.
import type { Article } from '../../domain/types.js';
import { type BoardRow, numbersBoard } from './numbers-board.js';
import { STOPWORDS, stem, words } from './text.js';

export interface SourceInfo {
  name: string;
  country: string | null;
  language: string | null;
}

export interface StoryData {
  headline: { text: string; articleId: string } | null;
  keyPoints: Array<{ text: string; articleId: string; sourceId: string | null; alsoIn: string[] }>;
  sources: Array<{
    sourceId: string | null;
    name: string;
    country: string | null;
    language: string | null;
    articleIds: string[];
  }>;
  timeline: Array<{ date: string; text: string; articleId: string }>;
  quotes: Array<{
    speaker: string;
    quotes: Array<{ text: string; mention: string | null; articleIds: string[] }>;
  }>;
  numbers: BoardRow[];
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
}

export interface StoryDataOptions {
  maxKeyPoints: number;
  maxTimeline: number;
}

const DEFAULTS: StoryDataOptions = { maxKeyPoints: 8, maxTimeline: 20 };

function contentSet(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => !STOPWORDS.has(w))
      .map(stem),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function byTime(a: Article, b: Article): number {
  return (
    (a.publishedAt ?? a.fetchedAt).localeCompare(b.publishedAt ?? b.fetchedAt) || a.id.localeCompare(b.id)
  );
}

/** The headline closest to all the others (the most central wording), earliest on a tie. */
export function representativeHeadline(articles: Article[]): { text: string; articleId: string } | null {
  const originals = articles.filter((a) => a.title.trim() && a.duplicateOf === null);
  const pool = (originals.length ? originals : articles.filter((a) => a.title.trim())).sort(byTime);
  if (pool.length === 0) return null;
  const sets = pool.map((a) => contentSet(a.title));
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < pool.length; i++) {
    let score = 0;
    for (let j = 0; j < pool.length; j++) if (i !== j) score += jaccard(sets[i], sets[j]);
    if (score > bestScore + 1e-9) {
      best = i;
      bestScore = score;
    }
  }
  return { text: pool[best].title.trim(), articleId: pool[best].id };
}

/** Key points of all articles, near-repeats folded together; the most widely reported first. */
function keyPointsAcross(articles: Article[], limit: number): StoryData['keyPoints'] {
  const groups: Array<{
    set: Set<string>;
    point: StoryData['keyPoints'][number];
    rank: number;
    sources: Set<string>;
  }> = [];
  for (const article of articles) {
    (article.enrichment?.keyPoints ?? []).forEach((kp, position) => {
      const set = contentSet(kp.text);
      const source = article.sourceId ?? article.id;
      const same = groups.find((g) => jaccard(g.set, set) >= 0.5);
      if (same) {
        if (!same.point.alsoIn.includes(article.id) && same.point.articleId !== article.id) {
          same.point.alsoIn.push(article.id);
        }
        same.sources.add(source);
        same.rank = Math.min(same.rank, position);
        return;
      }
      groups.push({
        set,
        point: { text: kp.text, articleId: article.id, sourceId: article.sourceId, alsoIn: [] },
        rank: position,
        sources: new Set([source]),
      });
    });
  }
  // more sources first, then points that lead their article; the order of arrival breaks ties
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => b.g.sources.size - a.g.sources.size || a.g.rank - b.g.rank || a.i - b.i)
    .slice(0, limit)
    .map(({ g }) => g.point);
}

function timelineOf(articles: Article[], limit: number): StoryData['timeline'] {
  const out: Array<StoryData['timeline'][number] & { set: Set<string> }> = [];
  for (const article of articles) {
    for (const event of article.enrichment?.events ?? []) {
      const set = contentSet(event.text);
      if (out.some((e) => e.date === event.date && jaccard(e.set, set) >= 0.5)) continue;
      out.push({ date: event.date, text: event.text, articleId: article.id, set });
    }
  }
  out.sort((a, b) => a.date.localeCompare(b.date));
  return out.slice(0, limit).map(({ date, text, articleId }) => ({ date, text, articleId }));
}

function quotesBySpeaker(articles: Article[]): StoryData['quotes'] {
  const bySpeaker = new Map<string, StoryData['quotes'][number]>();
  for (const article of articles) {
    for (const quote of article.enrichment?.quotes ?? []) {
      if (!quote.speaker) continue;
      const key = quote.speaker.toLowerCase();
      let entry = bySpeaker.get(key);
      if (!entry) {
        entry = { speaker: quote.speaker, quotes: [] };
        bySpeaker.set(key, entry);
      }
      const normal = words(quote.text).join(' ');
      const same = entry.quotes.find((q) => words(q.text).join(' ') === normal);
      if (same) {
        if (!same.articleIds.includes(article.id)) same.articleIds.push(article.id);
      } else entry.quotes.push({ text: quote.text, mention: quote.mention, articleIds: [article.id] });
    }
  }
  return [...bySpeaker.values()].sort((a, b) => b.quotes.length - a.quotes.length);
}

function sourcesOf(articles: Article[], sourceInfo: ReadonlyMap<string, SourceInfo>): StoryData['sources'] {
  const out = new Map<string, StoryData['sources'][number]>();
  for (const article of articles) {
    const key = article.sourceId ?? `site:${article.siteName ?? article.id}`;
    const info = article.sourceId ? sourceInfo.get(article.sourceId) : undefined;
    let entry = out.get(key);
    if (!entry) {
      entry = {
        sourceId: article.sourceId,
        name: info?.name ?? article.siteName ?? new URL(article.url, 'https://unknown.invalid').hostname,
        country: info?.country ?? null,
        language: info?.language ?? article.language ?? null,
        articleIds: [],
      };
      out.set(key, entry);
    }
    entry.articleIds.push(article.id);
  }
  return [...out.values()];
}

/** Everything the story page shows, from the story's articles in any order. */
export function buildStoryData(
  articles: Article[],
  sourceInfo: ReadonlyMap<string, SourceInfo>,
  options: Partial<StoryDataOptions> = {},
): StoryData {
  const { maxKeyPoints, maxTimeline } = { ...DEFAULTS, ...options };
  const sorted = [...articles].sort(byTime);
  const dates = sorted.map((a) => a.publishedAt).filter((d): d is string => d !== null);
  return {
    headline: representativeHeadline(sorted),
    keyPoints: keyPointsAcross(sorted, maxKeyPoints),
    sources: sourcesOf(sorted, sourceInfo),
    timeline: timelineOf(sorted, maxTimeline),
    quotes: quotesBySpeaker(sorted),
    numbers: numbersBoard(sorted),
    firstPublishedAt: dates[0] ?? null,
    lastPublishedAt: dates[dates.length - 1] ?? null,
  };
}
