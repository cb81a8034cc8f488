import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, sqlitePathFromUrl } from './open.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openStore', () => {
  it('without DATABASE_URL opens SQLite at <dataDir>/lede.db, creating the folder', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const store = await openStore({ databaseUrl: null, dataDir });
    try {
      expect(store.kind).toBe('sqlite');
      expect(existsSync(join(dataDir, 'lede.db'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('accepts sqlite:PATH and sqlite://PATH', async () => {
    const file = join(dir, 'custom', 'x.db');
    for (const url of [`sqlite:${file}`, `sqlite://${file}`]) {
      const store = await openStore({ databaseUrl: url, dataDir: join(dir, 'unused') });
      await store.sources.add({ name: 'A', feedUrl: 'https://a.example/feed' });
      expect(await store.sources.count()).toBe(1);
      await store.close();
    }
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(dir, 'unused'))).toBe(false);
    expect(sqlitePathFromUrl('sqlite::memory:')).toBe(':memory:');
  });

  it('postgres:// loads the PostgreSQL backend; an unreachable server is storage_open_failed', async () => {
    for (const url of ['postgres://u:p@127.0.0.1:1/lede', 'postgresql://127.0.0.1:1/lede']) {
      await expect(openStore({ databaseUrl: url, dataDir: dir })).rejects.toMatchObject({
        code: 'storage_open_failed',
        message: expect.stringMatching(/PostgreSQL/),
      });
    }
    expect(existsSync(join(dir, 'lede.db'))).toBe(false);
  });

  it('an unknown scheme is an error naming DATABASE_URL', async () => {
    await expect(openStore({ databaseUrl: 'mysql://x/y', dataDir: dir })).rejects.toMatchObject({
      code: 'config_invalid',
      message: expect.stringMatching(/DATABASE_URL.*mysql/),
    });
  });
});
