// One behaviour suite for every Store implementation (SQLite now, PostgreSQL later).
// `open` must return a store over an empty, migrated database each time it is called.
import { afterEach, beforeEach, describe } from 'vitest';
import { accountContract } from './contract/accounts.js';
import { articleContract } from './contract/articles.js';
import { commentContract } from './contract/comments.js';
import { jobContract } from './contract/jobs.js';
import { searchContract } from './contract/search.js';
import { sourceContract } from './contract/sources.js';
import { storyTagContract } from './contract/stories-tags.js';
import { transactionContract } from './contract/transactions.js';
import type { Store } from './store.js';

export function runStoreContract(label: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${label}`, () => {
    let store: Store | null = null;
    const current = (): Store => {
      if (!store) throw new Error('store not open');
      return store;
    };
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store?.close();
      store = null;
    });
    sourceContract(current);
    articleContract(current);
    storyTagContract(current);
    searchContract(current);
    jobContract(current);
    transactionContract(current);
    accountContract(current);
    commentContract(current);
  });
}
