// The daily wrap-up: the day's top stories per edition (a country or a language), ranked by
// how many sources cover them and how fresh they are, with their key points, as plain data for
// the site and a feed.
import type { Article, Story } from '../../domain/types.js';
import { buildStoryData, type SourceInfo, type StoryData } from './story-data.js';

export type EditionKind = 'country' | 'language';

export interface WrapUpStory {
  storyId: string;
  title: string;
  leadArticleId: string | null;
  /** distinct sources of the edition covering the story, and of all editions */
  editionSources: number;
  sources: number;
  articles: number;
  lastPublishedAt: string | null;
  score: number;
  keyPoints: StoryData['keyPoints'];
}

export interface WrapUpEdition {
  /** e.g. "country:UA", "language:en", or "all" */
  edition: string;
  stories: WrapUpStory[];
}

export interface WrapUp {
  generatedAt: string;
  since: string;
  editions: WrapUpEdition[];
}

export interface WrapUpOptions {
  /** which editions to build besides "all" */
  by: EditionKind[];
  hours: number;
  perEdition: number;
  keyPoints: number;
  /** half-life of freshness, in hours since the story's latest article */
  halfLifeHours: number;
}

const DEFAULTS: WrapUpOptions = {
  by: ['country', 'language'],
  hours: 24,
  perEdition: 10,
  keyPoints: 3,
  halfLifeHours: 12,
};

function editionsOf(article: Article, info: SourceInfo | undefined, by: EditionKind[]): string[] {
  const out: string[] = [];
  if (by.includes('country') && info?.country) out.push(`country:${info.country.toUpperCase()}`);
  const language = info?.language ?? article.language;
  if (by.includes('language') && language) out.push(`language:${language.toLowerCase()}`);
  return out;
}

/**
 * Builds the wrap-up from the stories active in the last `hours` with their articles (the store
 * fetches them). A story enters an edition when a source of that edition covers it.
 */
export function dailyWrapUp(
  stories: Array<{ story: Story; articles: Article[] }>,
  sourceInfo: ReadonlyMap<string, SourceInfo>,
  now: Date | string,
  options: Partial<WrapUpOptions> = {},
): WrapUp {
  const opts = { ...DEFAULTS, ...options };
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const sinceMs = nowMs - opts.hours * 3_600_000;
  const editions = new Map<string, WrapUpStory[]>([['all', []]]);

  for (const { story, articles } of stories) {
    const recent = articles.filter((a) => {
      const t = Date.parse(a.publishedAt ?? a.fetchedAt);
      return Number.isFinite(t) && t >= sinceMs && t <= nowMs;
    });
    if (recent.length === 0 || story.mergedInto) continue;
    const data = buildStoryData(articles, sourceInfo, { maxKeyPoints: opts.keyPoints });
    const lastMs = Math.max(...recent.map((a) => Date.parse(a.publishedAt ?? a.fetchedAt)));
    const freshness = 0.5 ** (Math.max(0, nowMs - lastMs) / 3_600_000 / opts.halfLifeHours);
    const allSources = new Set(articles.map((a) => a.sourceId ?? a.id)).size;
    const perEdition = new Map<string, Set<string>>([['all', new Set()]]);
    for (const article of articles) {
      const source = article.sourceId ?? article.id;
      perEdition.get('all')!.add(source);
      for (const edition of editionsOf(article, sourceInfo.get(article.sourceId ?? ''), opts.by)) {
        if (!perEdition.has(edition)) perEdition.set(edition, new Set());
        perEdition.get(edition)!.add(source);
      }
    }
    for (const [edition, sources] of perEdition) {
      // breadth inside the edition counts most; wider coverage elsewhere still lifts a story
      const breadth = Math.log2(1 + sources.size) + 0.25 * Math.log2(1 + allSources);
      const entry: WrapUpStory = {
        storyId: story.id,
        title: data.headline?.text ?? story.title,
        leadArticleId: data.headline?.articleId ?? story.leadArticleId,
        editionSources: sources.size,
        sources: allSources,
        articles: articles.length,
        lastPublishedAt: new Date(lastMs).toISOString(),
        score: Math.round(breadth * freshness * 1000) / 1000,
        keyPoints: data.keyPoints,
      };
      if (!editions.has(edition)) editions.set(edition, []);
      editions.get(edition)!.push(entry);
    }
  }

  const out: WrapUpEdition[] = [];
  for (const [edition, list] of editions) {
    list.sort((a, b) => b.score - a.score || b.sources - a.sources || a.storyId.localeCompare(b.storyId));
    out.push({ edition, stories: list.slice(0, opts.perEdition) });
  }
  out.sort((a, b) =>
    a.edition === 'all' ? -1 : b.edition === 'all' ? 1 : a.edition.localeCompare(b.edition),
  );
  return {
    generatedAt: new Date(nowMs).toISOString(),
    since: new Date(sinceMs).toISOString(),
    editions: out,
  };
}
