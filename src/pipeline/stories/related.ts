// Related articles: the same story first (other sources before more of the same source), then
// articles that share entities or hashtags, weighted by recency. An article that shares nothing
// is never listed, however recent: a plain recency list is what this replaces.
import type { Article, EntityType } from '../../domain/types.js';

export interface RelatedOptions {
  limit: number;
  /** half-life of the recency weight for articles outside the story */
  halfLifeHours: number;
}

const DEFAULTS: RelatedOptions = { limit: 10, halfLifeHours: 48 };

/** A place is shared by much unrelated news; people and organisations say more. */
const TYPE_WEIGHT: Record<EntityType, number> = { person: 1, organization: 0.9, place: 0.5, other: 0.6 };
const HASHTAG_WEIGHT = 0.7;

function entityKeys(article: Article): Map<string, number> {
  const keys = new Map<string, number>();
  for (const entity of article.enrichment?.entities ?? []) {
    const key = `e:${(entity.canonical ?? entity.text).toLowerCase()}`;
    keys.set(key, Math.max(keys.get(key) ?? 0, TYPE_WEIGHT[entity.type] ?? 0.5));
  }
  for (const tag of article.enrichment?.hashtags ?? []) {
    const key = `h:${tag.toLowerCase().replace(/^#/, '')}`;
    keys.set(key, Math.max(keys.get(key) ?? 0, HASHTAG_WEIGHT));
  }
  return keys;
}

function timeOf(article: Article): number {
  const t = Date.parse(article.publishedAt ?? article.fetchedAt);
  return Number.isFinite(t) ? t : 0;
}

function isCopy(a: Article, b: Article): boolean {
  return (
    a.duplicateOf === b.id ||
    b.duplicateOf === a.id ||
    (a.duplicateOf !== null && a.duplicateOf === b.duplicateOf) ||
    (a.contentHash !== null && a.contentHash === b.contentHash)
  );
}

/**
 * Ranks candidate articles (fetched by the store: the story's articles and recent articles
 * sharing tags) as related to `article`. Copies of the article itself are left out.
 */
export function rankRelated(
  article: Article,
  candidates: Article[],
  now: Date | string,
  options: Partial<RelatedOptions> = {},
): Article[] {
  const { limit, halfLifeHours } = { ...DEFAULTS, ...options };
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const own = entityKeys(article);
  const seen = new Set<string>([article.id]);
  const scored: Array<{ article: Article; tier: number; score: number; time: number }> = [];

  for (const candidate of candidates) {
    if (seen.has(candidate.id) || isCopy(article, candidate)) continue;
    seen.add(candidate.id);
    const time = timeOf(candidate);
    if (article.storyId !== null && candidate.storyId === article.storyId) {
      // tier 0: same story, another source; tier 1: same story, same source
      const sameSource = candidate.sourceId !== null && candidate.sourceId === article.sourceId;
      scored.push({ article: candidate, tier: sameSource ? 1 : 0, score: 0, time });
      continue;
    }
    let shared = 0;
    for (const [key, weight] of entityKeys(candidate)) {
      const mine = own.get(key);
      if (mine !== undefined) shared += Math.min(mine, weight);
    }
    if (shared === 0) continue;
    const ageHours = Math.max(0, (nowMs - time) / 3_600_000);
    scored.push({ article: candidate, tier: 2, score: shared * 0.5 ** (ageHours / halfLifeHours), time });
  }

  scored.sort(
    (a, b) =>
      a.tier - b.tier || b.score - a.score || b.time - a.time || (a.article.id < b.article.id ? -1 : 1),
  );
  return scored.slice(0, limit).map((s) => s.article);
}
