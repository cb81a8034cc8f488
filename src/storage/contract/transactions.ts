import { describe, expect, it } from 'vitest';
import { article, type CurrentStore, newSource } from './fixtures.js';

export function transactionContract(store: CurrentStore): void {
  describe('transaction', () => {
    it('commits every write when the callback resolves, and returns its value', async () => {
      const value = await store().transaction(async (tx) => {
        await tx.sources.add(newSource(1));
        await tx.articles.upsert(article('tx1'));
        return 42;
      });
      expect(value).toBe(42);
      expect(await store().sources.count()).toBe(1);
      expect(await store().articles.count()).toBe(1);
    });

    it('rolls back every write when the callback throws, and rethrows', async () => {
      await store().articles.upsert(article('before', { title: 'Original' }));
      const failure = store().transaction(async (tx) => {
        await tx.sources.add(newSource(1));
        await tx.articles.upsert(article('inside'));
        await tx.articles.upsert(article('before', { title: 'Changed' }));
        await tx.tags.setForArticle(article('inside').id, [{ slug: 'x', name: 'X', type: 'topic' }]);
        throw new Error('abort');
      });
      await expect(failure).rejects.toThrow('abort');
      expect(await store().sources.count()).toBe(0);
      expect(await store().articles.count()).toBe(1);
      expect((await store().articles.get(article('before').id))?.title).toBe('Original');
      expect(await store().tags.get('x')).toBeNull();
      expect((await store().search.search({ q: 'inside' })).total).toBe(0);
    });

    it('a nested transaction that throws undoes only its own writes', async () => {
      await store().transaction(async (tx) => {
        await tx.articles.upsert(article('outer'));
        await expect(
          tx.transaction(async (inner) => {
            await inner.articles.upsert(article('inner'));
            throw new Error('inner abort');
          }),
        ).rejects.toThrow('inner abort');
      });
      expect(await store().articles.get(article('outer').id)).not.toBeNull();
      expect(await store().articles.get(article('inner').id)).toBeNull();
    });

    it('other callers wait for an open transaction and then see its writes', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const tx = store().transaction(async (t) => {
        await t.articles.upsert(article('slow'));
        await gate;
      });
      const reader = store().articles.count();
      release();
      await tx;
      expect(await reader).toBe(1);
    });
  });
}
