// Queries shared by pages and their feeds: what a listing holds, read from the store.
import type { Context } from 'hono';
import { type Article, CATEGORIES, type Category } from '../../domain/types.js';
import { slugify } from '../../pipeline/enrich/hashtags.js';
import type { SearchQuery, Store } from '../../storage/store.js';
import type { SearchForm } from '../pages/search.js';

export const PAGE_SIZE = 24;

export function isCategory(slug: string): slug is Category {
  return (CATEGORIES as readonly string[]).includes(slug);
}

const DATE_WINDOWS: Record<string, number> = { day: 1, week: 7, month: 31 };

/** The search form as typed (bounded), and the store query it means. */
export function searchFormOf(c: Context): SearchForm {
  const pick = (name: string, max = 100) => (c.req.query(name) ?? '').trim().slice(0, max);
  const category = pick('category');
  const date = pick('date');
  const language = pick('language', 8).toLowerCase();
  return {
    q: pick('q', 200),
    source: pick('source'),
    category: isCategory(category) ? category : '',
    language: /^[a-z]{2,3}$/.test(language) ? language : '',
    date: date in DATE_WINDOWS ? date : '',
  };
}

export function searchQueryOf(form: SearchForm, now = Date.now()): SearchQuery {
  return {
    q: form.q,
    sourceId: form.source || undefined,
    category: form.category ? (form.category as Category) : undefined,
    language: form.language || undefined,
    since: form.date ? new Date(now - DATE_WINDOWS[form.date] * 86_400_000).toISOString() : undefined,
  };
}

/** Query string of a search form (empty fields left out), for pager and feed links. */
export function searchParams(form: SearchForm, page?: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) if (v) params.set(k, v);
  if (page && page > 1) params.set('page', String(page));
  return params.toString();
}

/** Tags that appear with `slug` in these articles, most frequent first, with display names. */
export function coOccurring(
  slug: string,
  articles: Article[],
  limit = 12,
): Array<{ slug: string; name: string; n: number }> {
  const counts = new Map<string, { slug: string; name: string; n: number }>();
  for (const a of articles) {
    const e = a.enrichment;
    if (!e) continue;
    const names = new Map<string, string>();
    for (const entity of e.entities) {
      const s = slugify(entity.canonical ?? entity.text);
      if (s && !names.has(s)) names.set(s, entity.canonical ?? entity.text);
    }
    for (const other of new Set(e.hashtags)) {
      if (other === slug) continue;
      const entry = counts.get(other) ?? {
        slug: other,
        name: names.get(other) ?? other.replace(/-/g, ' '),
        n: 0,
      };
      entry.n++;
      counts.set(other, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || a.slug.localeCompare(b.slug)).slice(0, limit);
}

export async function storyArticles(store: Store, storyId: string): Promise<Article[]> {
  return store.articles.list({ storyId, limit: 200 });
}
