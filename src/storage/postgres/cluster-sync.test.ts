// Workers sharing one PostgreSQL learn story changes through ClusterSync.placedSince(): a row
// whose story a move or a merge changed comes back after the mark, once, with its new story.
// Skipped unless TEST_DATABASE_URL names a database we may create schemas in (CI sets it).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, story } from '../contract/fixtures.js';
import { openStore } from '../open.js';
import type { Store } from '../store.js';
import { type ClusterSync, openClusterSync } from './cluster-sync.js';

const url = process.env.TEST_DATABASE_URL;
const schema = `lede_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;

describe.skipIf(!url)('PostgreSQL cluster sync', () => {
  let store: Store;
  let sync: ClusterSync;

  beforeAll(async () => {
    const target = new URL(url!);
    target.searchParams.set('schema', schema);
    store = await openStore({ databaseUrl: target.toString(), dataDir: '/nonexistent' });
    sync = await openClusterSync(target.toString());
  });

  afterAll(async () => {
    await sync?.close();
    await store?.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  const id = (slug: string) => article(slug).id;
  const since = async (mark: string) => {
    const { articles, seq } = await sync.placedSince(mark);
    return { seq, stories: articles.map((a) => [a.id, a.storyId]) };
  };

  it('returns the articles a move, then a merge gave another story, with their new story', async () => {
    const at = new Date().toISOString();
    for (const s of ['a', 'b', 'c']) await store.stories.upsert(story(s));
    const start = await sync.mark();
    for (const slug of ['a1', 'a2', 'a3']) await store.articles.upsert(article(slug, { storyId: 'a' }));
    await store.articles.upsert(article('b1', { storyId: 'b' }));
    const placed = await since(start);
    expect(placed.stories).toEqual([
      [id('a1'), 'a'],
      [id('a2'), 'a'],
      [id('a3'), 'a'],
      [id('b1'), 'b'],
    ]);

    await store.transaction((tx) => tx.stories.moveArticles([id('a1'), id('a2')], 'b', at));
    const moved = await since(placed.seq);
    // one statement changed both: their order between them is the server's
    expect(moved.stories).toHaveLength(2);
    expect(moved.stories).toEqual(
      expect.arrayContaining([
        [id('a1'), 'b'],
        [id('a2'), 'b'],
      ]),
    );
    expect(BigInt(moved.seq)).toBeGreaterThan(BigInt(placed.seq));
    expect(await since(moved.seq)).toEqual({ seq: moved.seq, stories: [] });

    await store.transaction((tx) => tx.stories.recordMerge('b', 'c', at));
    const merged = await since(moved.seq);
    expect(merged.stories).toHaveLength(3);
    expect(merged.stories).toEqual(
      expect.arrayContaining([
        [id('a1'), 'c'],
        [id('a2'), 'c'],
        [id('b1'), 'c'],
      ]),
    );

    await store.stories.moveArticles([id('a3')], 'c', at);
    // from the first mark: every article once, with its latest story, in the order of the changes
    const all = await since(placed.seq);
    expect(all.stories.slice(0, 3).map(([, s]) => s)).toEqual(['c', 'c', 'c']);
    expect(all.stories.at(-1)).toEqual([id('a3'), 'c']);
    expect(all.stories).toHaveLength(4);
    expect(await sync.mark()).toBe(all.seq);
  });

  it('reads the changes since a mark through an index, not the whole table', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`SET search_path TO "${schema}"`);
      // on a few rows the planner would rightly scan; forbid it to see whether an index serves
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        'EXPLAIN SELECT id FROM articles WHERE seq > 0 AND story_id IS NOT NULL ORDER BY seq LIMIT 5000',
      );
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Scan using articles_seq/);
    } finally {
      await client.end();
    }
  });
});
