// SQLite search beyond the shared contract: what its bounded candidate sets must still find.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { article, hoursAgo } from '../contract/fixtures.js';
import type { Store } from '../store.js';
import { openSqliteStore } from './index.js';

describe('SQLite search candidates', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
  });

  it('finds an old article with the word in its title behind hundreds of newer mentions in passing', async () => {
    await store.articles.upsert(
      article('old', {
        title: 'Desalination plant opens',
        text: 'The desalination plant opened on the coast.',
        publishedAt: hoursAgo(24 * 400),
      }),
    );
    // more newer matches than the newest-first candidate set holds, the word deep in the body
    for (let i = 0; i < 450; i++) {
      await store.articles.upsert(
        article(`new${i}`, {
          title: `Weather report ${i}`,
          text: `Rain and wind today across the region, with more to come. Officials also mentioned desalination.`,
          publishedAt: hoursAgo(i),
        }),
      );
    }
    const { hits, total } = await store.search.search({ q: 'desalination', limit: 10 });
    expect(total).toBe(451);
    expect(hits[0].article.id).toBe(article('old').id);
    // and with a filter every candidate passes
    const filtered = await store.search.search({ q: 'desalination', language: 'en', limit: 10 });
    expect(filtered.hits[0].article.id).toBe(article('old').id);
  });
});
