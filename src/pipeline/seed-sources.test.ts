import { describe, expect, it } from 'vitest';
import { defaultSources } from '../config/default-sources.js';
import type { NewSource, Source } from '../domain/types.js';
import type { Store } from '../storage/store.js';
import { type SeedTarget, seedDefaultSources } from './seed-sources.js';

// A store holding only sources, enough for seeding; `add` is idempotent on the feed URL as the
// Store contract says, and the transaction drops its writes when the callback throws.
function memoryStore(initial: NewSource[] = [], failOnAdd = 0): SeedTarget & { rows: NewSource[] } {
  let rows = [...initial];
  let adds = 0;
  const sources = {
    count: async () => rows.length,
    add: async (input: NewSource) => {
      if (++adds === failOnAdd) throw new Error('disk full');
      const known = rows.find((r) => r.feedUrl === input.feedUrl);
      if (!known) rows.push(input);
      return { source: { ...input } as unknown as Source, created: !known };
    },
  };
  const store = {
    get rows() {
      return rows;
    },
    sources: sources as unknown as Store['sources'],
    async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
      const before = [...rows];
      try {
        return await fn(store as unknown as Store);
      } catch (error) {
        rows = before;
        throw error;
      }
    },
  };
  return store;
}

describe('seedDefaultSources', () => {
  it('adds every default source to an empty store', async () => {
    const store = memoryStore();
    expect(await seedDefaultSources(store)).toEqual({ added: defaultSources.length });
    expect(store.rows.map((r) => r.feedUrl)).toEqual(defaultSources.map((s) => s.feedUrl));
    expect(store.rows[0]).toMatchObject({ kind: 'feed', country: 'QA' });
  });

  it('does nothing on the second start', async () => {
    const store = memoryStore();
    await seedDefaultSources(store);
    expect(await seedDefaultSources(store)).toEqual({ added: 0 });
    expect(store.rows.length).toBe(defaultSources.length);
  });

  it('leaves a store that already has sources alone', async () => {
    const store = memoryStore([{ name: 'Mine', feedUrl: 'https://example.org/feed.xml' }]);
    expect(await seedDefaultSources(store)).toEqual({ added: 0 });
    expect(store.rows.map((r) => r.name)).toEqual(['Mine']);
  });

  it('seeds all or nothing', async () => {
    const store = memoryStore([], 3);
    await expect(seedDefaultSources(store)).rejects.toThrow('disk full');
    expect(store.rows).toEqual([]);
  });
});
