import { describe, expect, it } from 'vitest';
import type { Tag } from '../../domain/types.js';
import { article, type CurrentStore, hoursAgo, story } from './fixtures.js';

export function storyTagContract(store: CurrentStore): void {
  describe('stories', () => {
    it('upserts and reads back a story; a second upsert updates it', async () => {
      const s = story('s1', { category: 'world', leadArticleId: 'a1', articleCount: 3, sourceCount: 2 });
      await store().stories.upsert(s);
      expect(await store().stories.get('s1')).toEqual(s);
      const changed = { ...s, title: 'New headline', articleCount: 4, updatedAt: hoursAgo(-1) };
      await store().stories.upsert(changed);
      expect(await store().stories.get('s1')).toEqual(changed);
      expect(await store().stories.get('nope')).toBeNull();
    });

    it('top() ranks by breadth and freshness, filters by time and category, skips merged', async () => {
      await store().stories.upsert(story('broad-fresh', { sourceCount: 8, lastPublishedAt: hoursAgo(1) }));
      await store().stories.upsert(story('narrow-fresh', { sourceCount: 1, lastPublishedAt: hoursAgo(1) }));
      await store().stories.upsert(
        story('broad-old', { sourceCount: 9, lastPublishedAt: hoursAgo(24 * 10) }),
      );
      await store().stories.upsert(
        story('mid-fresh', { sourceCount: 4, category: 'sports', lastPublishedAt: hoursAgo(2) }),
      );
      await store().stories.upsert(story('merged', { sourceCount: 50, mergedInto: 'broad-fresh' }));
      const ids = (await store().stories.top()).map((s) => s.id);
      expect(ids).toEqual(['broad-fresh', 'mid-fresh', 'narrow-fresh', 'broad-old']);
      expect((await store().stories.top({ since: hoursAgo(48) })).map((s) => s.id)).toEqual([
        'broad-fresh',
        'mid-fresh',
        'narrow-fresh',
      ]);
      expect((await store().stories.top({ category: 'sports' })).map((s) => s.id)).toEqual(['mid-fresh']);
      expect((await store().stories.top({ limit: 1, offset: 1 })).map((s) => s.id)).toEqual(['mid-fresh']);
    });

    it('recordMerge marks the merged story, moves its articles and flattens chains', async () => {
      await store().stories.upsert(story('a'));
      await store().stories.upsert(story('b'));
      await store().stories.upsert(story('c'));
      await store().articles.upsert(article('in-a', { storyId: 'a' }));
      await store().articles.upsert(article('in-b', { storyId: 'b' }));
      const at = new Date().toISOString();
      await store().stories.recordMerge('a', 'b', at);
      expect((await store().stories.get('a'))?.mergedInto).toBe('b');
      expect((await store().articles.get(article('in-a').id))?.storyId).toBe('b');
      await store().stories.recordMerge('b', 'c', at);
      expect((await store().stories.get('a'))?.mergedInto).toBe('c');
      expect((await store().stories.get('b'))?.mergedInto).toBe('c');
      expect((await store().stories.get('c'))?.mergedInto).toBeNull();
      expect(await store().articles.count({ storyId: 'c' })).toBe(2);
      expect((await store().stories.top()).map((s) => s.id)).toEqual(['c']);
    });

    it('moveArticles moves the listed articles only, also into a story with no record yet', async () => {
      await store().stories.upsert(story('a'));
      await store().stories.upsert(story('b'));
      for (const slug of ['a1', 'a2', 'a3']) await store().articles.upsert(article(slug, { storyId: 'a' }));
      await store().articles.upsert(article('b1', { storyId: 'b' }));
      const storyOf = async (slug: string) => (await store().articles.get(article(slug).id))?.storyId;
      const at = hoursAgo(-1);

      await store().stories.moveArticles([article('a1').id, article('a2').id], 'b', at);
      expect([await storyOf('a1'), await storyOf('a2'), await storyOf('a3'), await storyOf('b1')]).toEqual([
        'b',
        'b',
        'a',
        'b',
      ]);
      expect((await store().articles.get(article('a1').id))?.updatedAt).toBe(at);

      await store().stories.moveArticles([article('a2').id], 'split-off', at);
      expect(await storyOf('a2')).toBe('split-off');
      expect(await store().articles.count({ storyId: 'split-off' })).toBe(1);
      expect(await store().stories.get('split-off')).toBeNull();

      const storyA = await store().stories.get('a');
      await store().stories.moveArticles([], 'a', at);
      expect([await storyOf('a1'), await storyOf('a2'), await storyOf('a3'), await storyOf('b1')]).toEqual([
        'b',
        'split-off',
        'a',
        'b',
      ]);
      // story records are the caller's to re-summarize
      expect(await store().stories.get('a')).toEqual(storyA);
    });

    it('moveArticles takes a long id list (more than one statement binds)', async () => {
      for (const slug of ['x', 'y']) await store().articles.upsert(article(slug, { storyId: 'from' }));
      // past SQLite's default cap of 32,766 bound values per statement
      const missing = Array.from({ length: 40_000 }, (_, i) => `missing-${i}`);
      await store().stories.moveArticles([article('x').id, ...missing, article('y').id], 'into', hoursAgo(0));
      expect(await store().articles.count({ storyId: 'into' })).toBe(2);
      expect(await store().articles.count({ storyId: 'from' })).toBe(0);
    });
  });

  describe('tags', () => {
    const cairo: Tag = { slug: 'cairo', name: 'Cairo', type: 'place', country: 'EG' };
    const who: Tag = { slug: 'who', name: 'WHO', type: 'organization', country: null };
    const ai: Tag = { slug: 'ai', name: 'AI', type: 'topic', country: null };

    it('sets, replaces and lists an article’s tags in order; get() by slug', async () => {
      const a = article('t1');
      await store().articles.upsert(a);
      await store().tags.setForArticle(a.id, [who, cairo, who]);
      expect(await store().tags.forArticle(a.id)).toEqual([who, cairo]);
      await store().tags.setForArticle(a.id, [ai]);
      expect(await store().tags.forArticle(a.id)).toEqual([ai]);
      expect(await store().tags.get('cairo')).toEqual(cairo);
      expect(await store().tags.get('nope')).toBeNull();
      await store().tags.setForArticle(a.id, []);
      expect(await store().tags.forArticle(a.id)).toEqual([]);
    });

    it('trending counts articles per tag, most first, within a time window', async () => {
      const items = [
        article('x1', { publishedAt: hoursAgo(1) }),
        article('x2', { publishedAt: hoursAgo(2) }),
        article('x3', { publishedAt: hoursAgo(100) }),
      ];
      for (const a of items) await store().articles.upsert(a);
      await store().tags.setForArticle(items[0].id, [cairo, who]);
      await store().tags.setForArticle(items[1].id, [cairo]);
      await store().tags.setForArticle(items[2].id, [who, ai]);
      expect(await store().tags.trending()).toEqual([
        { ...cairo, count: 2 },
        { ...who, count: 2 },
        { ...ai, count: 1 },
      ]);
      expect(await store().tags.trending({ since: hoursAgo(24) })).toEqual([
        { ...cairo, count: 2 },
        { ...who, count: 1 },
      ]);
      expect(await store().tags.trending({ limit: 1 })).toEqual([{ ...cairo, count: 2 }]);
    });
  });
}
