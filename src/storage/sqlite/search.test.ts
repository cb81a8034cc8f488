// SQLite search beyond the shared contract: what its bounded candidate sets must still find.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { article, hoursAgo } from '../contract/fixtures.js';
import type { Store } from '../store.js';
import { registerFold } from './fold.js';
import { openSqliteStore } from './index.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';

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

describe('SQLite prefix search', () => {
  it('finds words by their first 2, 3 or more letters in articles stored before and after the prefix index', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-prefix-'));
    const file = join(dir, 'upgrade.db');
    try {
      // a store from before the prefix index (migration 6), holding one article
      const raw = new Database(file);
      registerFold(raw);
      migrate(
        raw,
        migrations.filter((m) => m.version < 6),
      );
      const now = new Date().toISOString();
      raw
        .prepare(
          `INSERT INTO articles (id, url, canonical_url, title, text, html, fetched_at, updated_at, sort_at)
           VALUES ('old', 'https://x.example/a', 'https://x.example/a', 'Desalination plant opens', 'Water.', '', ?, ?, ?)`,
        )
        .run(now, now, now);
      raw.close();
      const store = await openSqliteStore(file);
      try {
        await store.articles.upsert(
          article('new', { title: 'Budget talks', text: 'The desert town waits for desalinated water.' }),
        );
        const ids = async (q: string) =>
          (await store.search.search({ q })).hits.map((h) => h.article.id).sort();
        const both = [article('new').id, 'old'].sort();
        expect(await ids('de*')).toEqual(both);
        expect(await ids('des*')).toEqual(both);
        expect(await ids('desal*')).toEqual(both);
        expect(await ids('pl*')).toEqual(['old']);
        expect(await ids('bu*')).toEqual([article('new').id]);
        expect(await ids('dx*')).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
