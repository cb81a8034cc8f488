import { describe, expect, it } from 'vitest';
import { type CurrentStore, newSource } from './fixtures.js';

export function sourceContract(store: CurrentStore): void {
  describe('sources', () => {
    it('adds a source with defaults and reads it back by id and feed URL', async () => {
      const { source, created } = await store().sources.add(
        newSource(1, { country: 'EG', language: 'ar', topics: ['world', 'politics'] }),
      );
      expect(created).toBe(true);
      expect(source).toMatchObject({
        name: 'Source 1',
        feedUrl: 'https://news1.example/feed.xml',
        country: 'EG',
        language: 'ar',
        topics: ['world', 'politics'],
        kind: 'feed',
        enabled: true,
        errorCount: 0,
        etag: null,
        nextPollAt: null,
        pausedReason: null,
      });
      expect(source.id).toMatch(/\S/);
      expect(source.pollIntervalSec).toBeGreaterThan(0);
      expect(await store().sources.get(source.id)).toEqual(source);
      expect(await store().sources.getByFeedUrl(source.feedUrl)).toEqual(source);
      expect(await store().sources.get('missing')).toBeNull();
    });

    it('adding a known feed URL returns the existing source unchanged', async () => {
      const first = await store().sources.add(newSource(1));
      const again = await store().sources.add(newSource(1, { name: 'Other name' }));
      expect(again.created).toBe(false);
      expect(again.source).toEqual(first.source);
      expect(await store().sources.count()).toBe(1);
    });

    it('a feed URL freed by an update can be added again as a new source', async () => {
      const first = (await store().sources.add(newSource(1))).source;
      await store().sources.update(first.id, { feedUrl: 'https://moved.example/feed.xml' });
      const again = await store().sources.add(newSource(1));
      expect(again.created).toBe(true);
      expect(again.source.id).not.toBe(first.id);
      expect(await store().sources.count()).toBe(2);
    });

    it('updates only the patched fields, including fetch state', async () => {
      const { source } = await store().sources.add(newSource(1));
      const patch = {
        etag: '"abc"',
        lastModified: 'Wed, 21 Oct 2015 07:28:00 GMT',
        errorCount: 3,
        lastError: 'fetch_timeout: too slow',
        lastErrorAt: '2026-01-02T03:04:05.000Z',
        nextPollAt: '2026-01-02T04:00:00.000Z',
        enabled: false,
        topics: ['science'],
      };
      const updated = await store().sources.update(source.id, patch);
      expect(updated).toMatchObject({ name: 'Source 1', ...patch });
      expect(await store().sources.update('missing', { name: 'x' })).toBeNull();
    });

    it('lists all or only enabled sources, and removes', async () => {
      const a = (await store().sources.add(newSource(1))).source;
      const b = (await store().sources.add(newSource(2, { enabled: false }))).source;
      expect((await store().sources.list()).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
      expect((await store().sources.list({ enabled: true })).map((s) => s.id)).toEqual([a.id]);
      expect((await store().sources.list({ enabled: false })).map((s) => s.id)).toEqual([b.id]);
      expect(await store().sources.remove(a.id)).toBe(true);
      expect(await store().sources.remove(a.id)).toBe(false);
      expect(await store().sources.count()).toBe(1);
    });

    it('due(): enabled, unpaused, never polled or overdue, oldest first, limited', async () => {
      const now = '2026-03-01T12:00:00.000Z';
      const ids: string[] = [];
      for (let i = 1; i <= 6; i++) ids.push((await store().sources.add(newSource(i))).source.id);
      const [never, overdueOld, overdueNew, future, disabled, paused] = ids;
      await store().sources.update(overdueOld, { nextPollAt: '2026-03-01T10:00:00.000Z' });
      // an offset time that is 11:00Z: order must follow the instant, not the text
      await store().sources.update(overdueNew, { nextPollAt: '2026-03-01T13:00:00+02:00' });
      await store().sources.update(future, { nextPollAt: '2026-03-01T12:00:01.000Z' });
      await store().sources.update(disabled, { enabled: false });
      await store().sources.update(paused, { pausedReason: 'gone (410)' });
      expect((await store().sources.due(now, 10)).map((s) => s.id)).toEqual([never, overdueOld, overdueNew]);
      expect((await store().sources.due(now, 2)).map((s) => s.id)).toEqual([never, overdueOld]);
      expect((await store().sources.due('2026-03-01T12:00:01.000Z', 10)).map((s) => s.id)).toContain(future);
    });
  });
}
