import { describe, expect, it } from 'vitest';
import type { Enrichment } from '../../domain/types.js';
import { article, type CurrentStore, hoursAgo, newSource } from './fixtures.js';

const enrichment: Enrichment = {
  language: 'en',
  category: 'science',
  entities: [{ text: 'Cairo', type: 'place', start: 0, end: 5, country: 'EG' }],
  hashtags: ['Cairo'],
  keyPoints: [{ text: 'A point.', start: 6, end: 14 }],
  figures: [],
  quotes: [{ speaker: 'Ada', mention: 'she', text: 'hello', start: 1, end: 6 }],
  events: [],
  readingMinutes: 2,
};

export function articleContract(store: CurrentStore): void {
  describe('articles', () => {
    it('round-trips every field, JSON ones included', async () => {
      const { source } = await store().sources.add(newSource(1));
      const a = article('full', {
        sourceId: source.id,
        byline: 'Ada Lovelace',
        description: 'Standfirst',
        publishedAt: '2026-01-01T10:00:00+02:00',
        modifiedAt: '2026-01-01T11:00:00.000Z',
        siteName: 'News',
        section: 'Science',
        paywalled: true,
        leadImage: { url: 'https://img.example/a.jpg', caption: 'A caption', credit: 'Photo: X' },
        images: [
          {
            url: 'https://img.example/a.jpg',
            caption: 'A caption',
            credit: 'Photo: X',
            width: 800,
            height: 600,
          },
          { url: 'https://img.example/b.jpg', caption: null, credit: null },
        ],
        category: 'science',
        enrichment,
        storyId: 'story-1',
        contentHash: 'hash-1',
        duplicateOf: null,
      });
      expect(await store().articles.upsert(a)).toEqual({ created: true });
      expect(await store().articles.get(a.id)).toEqual(a);
      expect(await store().articles.get('nope')).toBeNull();
    });

    it('upserting the same id twice keeps one row with the new fields', async () => {
      const a = article('same');
      await store().articles.upsert(a);
      const changed = { ...a, title: 'Updated title', text: 'New body', images: [], updatedAt: hoursAgo(-1) };
      expect(await store().articles.upsert(changed)).toEqual({ created: false });
      expect(await store().articles.count()).toBe(1);
      expect(await store().articles.get(a.id)).toEqual(changed);
    });

    it('knownUrls matches given or canonical URLs and returns the inputs that are known', async () => {
      await store().articles.upsert(
        article('k1', {
          url: 'https://news.example/k1?utm_source=x',
          canonicalUrl: 'https://news.example/k1',
        }),
      );
      const known = await store().articles.knownUrls([
        'https://news.example/k1?utm_source=x',
        'https://news.example/k1',
        'https://news.example/unknown',
      ]);
      expect([...known].sort()).toEqual(['https://news.example/k1', 'https://news.example/k1?utm_source=x']);
      expect((await store().articles.knownUrls([])).size).toBe(0);
      const many = Array.from({ length: 1200 }, (_, i) => `https://other.example/${i}`);
      many.push('https://news.example/k1');
      expect([...(await store().articles.knownUrls(many))]).toEqual(['https://news.example/k1']);
    });

    it('lists newest first by publication time, falling back to fetch time, with paging', async () => {
      await store().articles.upsert(article('old', { publishedAt: hoursAgo(10) }));
      await store().articles.upsert(article('undated', { publishedAt: null, fetchedAt: hoursAgo(5) }));
      await store().articles.upsert(article('new', { publishedAt: hoursAgo(1) }));
      // the wall-clock time of now written at +03:00 is 3 hours ago: it sorts by the instant
      const offset = new Date().toISOString().replace('Z', '+03:00');
      await store().articles.upsert(article('offset', { publishedAt: offset }));
      const titles = (await store().articles.list()).map((a) => a.title);
      expect(titles).toEqual(['Title new', 'Title offset', 'Title undated', 'Title old']);
      expect((await store().articles.list({ limit: 2, offset: 1 })).map((a) => a.title)).toEqual([
        'Title offset',
        'Title undated',
      ]);
    });

    it('filters by source, category, story, language, tag, ids and time window; count agrees', async () => {
      const s1 = (await store().sources.add(newSource(1))).source.id;
      const s2 = (await store().sources.add(newSource(2))).source.id;
      await store().articles.upsert(
        article('a', {
          sourceId: s1,
          category: 'sports',
          storyId: 'st1',
          language: 'en',
          publishedAt: hoursAgo(1),
        }),
      );
      await store().articles.upsert(
        article('b', {
          sourceId: s2,
          category: 'sports',
          storyId: 'st2',
          language: 'ar',
          publishedAt: hoursAgo(30),
        }),
      );
      await store().articles.upsert(
        article('c', {
          sourceId: s1,
          category: 'health',
          storyId: 'st1',
          language: 'fr',
          publishedAt: hoursAgo(50),
        }),
      );
      await store().tags.setForArticle(article('c').id, [{ slug: 'who', name: 'WHO', type: 'organization' }]);
      const titles = async (f: Parameters<ReturnType<CurrentStore>['articles']['list']>[0]) =>
        (await store().articles.list(f)).map((a) => a.title.slice(-1));
      expect(await titles({ sourceId: s1 })).toEqual(['a', 'c']);
      expect(await titles({ category: 'sports' })).toEqual(['a', 'b']);
      expect(await titles({ storyId: 'st1' })).toEqual(['a', 'c']);
      expect(await titles({ language: 'ar' })).toEqual(['b']);
      expect(await titles({ tag: 'who' })).toEqual(['c']);
      expect(await titles({ ids: [article('a').id, article('c').id] })).toEqual(['a', 'c']);
      expect(await titles({ ids: [] })).toEqual([]);
      expect(await titles({ since: hoursAgo(40) })).toEqual(['a', 'b']);
      expect(await titles({ before: hoursAgo(20) })).toEqual(['b', 'c']);
      expect(await titles({ since: hoursAgo(40), before: hoursAgo(20) })).toEqual(['b']);
      expect(await titles({ sourceId: s1, category: 'sports' })).toEqual(['a']);
      expect(await store().articles.count({ sourceId: s1 })).toBe(2);
      expect(await store().articles.count({ category: 'sports', since: hoursAgo(40) })).toBe(2);
      expect(await store().articles.count({ tag: 'who' })).toBe(1);
      expect(await store().articles.count()).toBe(3);
    });

    it('a long id list (more than one statement binds) is listed, paged and counted as one', async () => {
      for (const [slug, h] of [
        ['x', 3],
        ['y', 1],
        ['z', 2],
      ] as const) {
        await store().articles.upsert(article(slug, { publishedAt: hoursAgo(h) }));
      }
      const missing = Array.from({ length: 1200 }, (_, i) => `missing-${i}`);
      const ids = [article('x').id, ...missing, article('y').id, article('z').id];
      const titles = async (limit: number, offset: number) =>
        (await store().articles.list({ ids, limit, offset })).map((a) => a.title);
      expect(await titles(10, 0)).toEqual(['Title y', 'Title z', 'Title x']);
      expect(await titles(1, 1)).toEqual(['Title z']);
      expect(await store().articles.count({ ids })).toBe(3);
    });

    it('removing a source keeps its articles, detached', async () => {
      const s1 = (await store().sources.add(newSource(1))).source.id;
      await store().articles.upsert(article('kept', { sourceId: s1 }));
      await store().sources.remove(s1);
      expect((await store().articles.get(article('kept').id))?.sourceId).toBeNull();
    });

    it('findByContentHash returns the original, not a copy', async () => {
      await store().articles.upsert(article('copy', { contentHash: 'h', duplicateOf: article('orig').id }));
      await store().articles.upsert(article('orig', { contentHash: 'h', publishedAt: hoursAgo(2) }));
      expect((await store().articles.findByContentHash('h'))?.id).toBe(article('orig').id);
      expect(await store().articles.findByContentHash('other')).toBeNull();
    });
  });
}
