import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { article } from '../contract/fixtures.js';
import { runStoreContract } from '../contract.js';
import { openSqliteStore } from './index.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite', () => openSqliteStore(join(dir, `contract-${++n}.db`)));

describe('sqlite specifics', () => {
  it('opens in WAL mode with foreign keys, and migrations are idempotent on reopen', async () => {
    const file = join(dir, 'reopen.db');
    const store = await openSqliteStore(file);
    await store.sources.add({ name: 'A', feedUrl: 'https://a.example/feed' });
    await store.close();
    const again = await openSqliteStore(file);
    expect(await again.sources.count()).toBe(1);
    await again.close();

    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = raw.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      expect(versions).toEqual(migrations.map((m) => m.version));
    } finally {
      raw.close();
    }
  });

  it('querying the outer store inside a transaction fails fast instead of deadlocking', async () => {
    const store = await openSqliteStore(join(dir, 'misuse.db'));
    try {
      await expect(
        store.transaction(async (tx) => {
          await tx.sources.add({ name: 'A', feedUrl: 'https://a.example/feed' });
          await store.sources.count();
        }),
      ).rejects.toMatchObject({ code: 'storage_tx_misuse' });
      expect(await store.sources.count()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('upgrading an older schema keeps stored articles searchable under the new index', async () => {
    const file = join(dir, 'upgrade.db');
    const raw = new Database(file);
    migrate(raw, migrations.slice(0, 3));
    const now = new Date().toISOString();
    raw
      .prepare(
        `INSERT INTO articles (id, url, canonical_url, title, text, html, fetched_at, updated_at, sort_at)
         VALUES ('a1', 'https://x.example/a', 'https://x.example/a', 'إسرائيل تعلن', 'نص', '', ?, ?, ?)`,
      )
      .run(now, now, now);
    raw.close();
    const store = await openSqliteStore(file);
    try {
      expect((await store.search.search({ q: 'اسرائيل' })).total).toBe(1);
      await store.articles.upsert({ ...(await store.articles.get('a1'))!, title: 'عنوان جديد' });
      expect((await store.search.search({ q: 'اسرائيل' })).total).toBe(0);
      expect((await store.search.search({ q: 'جديد' })).total).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('refuses a database written by a newer schema', async () => {
    const file = join(dir, 'newer.db');
    await (await openSqliteStore(file)).close();
    const raw = new Database(file);
    raw
      .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')")
      .run();
    raw.close();
    await expect(openSqliteStore(file)).rejects.toMatchObject({ code: 'storage_schema_newer' });
  });

  it('enforces foreign keys: an article cannot name a missing source', async () => {
    const store = await openSqliteStore(join(dir, 'fk.db'));
    try {
      await expect(store.articles.upsert(article('orphan', { sourceId: 'no-such-source' }))).rejects.toThrow(
        /FOREIGN KEY/,
      );
    } finally {
      await store.close();
    }
  });
});
