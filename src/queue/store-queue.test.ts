import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../lib/log.js';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { Store } from '../storage/store.js';
import { backoffDelayMs, catalogue } from './catalogue.js';
import { type QueueHarness, runQueueContract, type TestCatalogue, testCatalogue } from './contract.js';
import { waitForIdle } from './idle.js';
import { StoreQueue } from './store-queue.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-queue-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sqliteHarness(): QueueHarness {
  const file = join(dir, `queue-${++n}.db`);
  const open: Store[] = [];
  return {
    async newQueue(options = {}) {
      const store = await openSqliteStore(file);
      open.push(store);
      const queue = new StoreQueue<TestCatalogue>({
        store,
        logger: silentLogger,
        catalogue: testCatalogue,
        leaseMs: options.leaseMs ?? 1000,
        pollIntervalMs: options.pollIntervalMs ?? 20,
      });
      return { queue, close: () => store.close() };
    },
    async dispose() {
      for (const s of open) await s.close();
      rmSync(file, { force: true });
    },
  };
}

runQueueContract('StoreQueue on SQLite', async () => sqliteHarness());

describe('StoreQueue specifics', () => {
  it('a job whose runner crashed (abandoned lease) is completed by a new runner', async () => {
    const file = join(dir, 'crash.db');
    const crashed = await openSqliteStore(file);
    const q1 = new StoreQueue<TestCatalogue>({
      store: crashed,
      logger: silentLogger,
      catalogue: testCatalogue,
    });
    const id = await q1.enqueue('work', { id: 'orphan' });
    // the dead process claimed it with a 150 ms lease and never came back
    const t0 = Date.now();
    await crashed.jobs.claim('dead-worker', new Date().toISOString(), 150, ['work']);
    await crashed.close();

    const store = await openSqliteStore(file);
    const q2 = new StoreQueue<TestCatalogue>({
      store,
      logger: silentLogger,
      catalogue: testCatalogue,
      pollIntervalMs: 20,
    });
    const seen: Array<{ id: string; attempt: number }> = [];
    q2.start({ work: async (p, ctx) => void seen.push({ id: p.id, attempt: ctx.attempt }) });
    try {
      await waitForIdle(q2, { pollMs: 20, timeoutMs: 5000 });
      expect(seen).toEqual([{ id: 'orphan', attempt: 2 }]);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(150);
      expect(await q2.get(id!)).toMatchObject({ state: 'done', attempts: 2 });
    } finally {
      await q2.stop();
      await store.close();
    }
  });

  it('aborts a handler whose lease was taken over, and leaves the job to the new holder', async () => {
    const store = await openSqliteStore(join(dir, 'stolen.db'));
    // heartbeat slower than the lease: the lease lapses and another worker takes the job
    const q = new StoreQueue<TestCatalogue>({
      store,
      logger: silentLogger,
      catalogue: testCatalogue,
      leaseMs: 100,
      heartbeatMs: 300,
      pollIntervalMs: 20,
    });
    let reason: unknown = null;
    const id = await q.enqueue('work', { id: 'stolen' });
    q.start({
      work: (_p, ctx) =>
        new Promise<void>((resolve) => {
          ctx.signal.addEventListener('abort', () => {
            reason = ctx.signal.reason;
            resolve();
          });
        }),
    });
    try {
      await new Promise((r) => setTimeout(r, 150));
      const thief = await store.jobs.claim('thief', new Date().toISOString(), 60_000, ['work']);
      expect(thief?.id).toBe(id);
      await waitForReason(() => reason);
      expect(reason).toMatchObject({ code: 'job_lease_lost' });
      expect(await store.jobs.get(id!)).toMatchObject({ state: 'running', lockedBy: 'thief' });
    } finally {
      await q.stop({ timeoutMs: 100 });
      await store.close();
    }
  });

  it('a runner that takes back its own lapsed lease does not start the job a second time', async () => {
    const store = await openSqliteStore(join(dir, 'lapsed.db'));
    const q = new StoreQueue<TestCatalogue>({
      store,
      logger: silentLogger,
      catalogue: testCatalogue,
      leaseMs: 50,
      heartbeatMs: 1000,
      pollIntervalMs: 10,
    });
    let runs = 0;
    const id = await q.enqueue('work', { id: 'lapsed' });
    q.start({
      work: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 300));
      },
    });
    try {
      await waitForIdle(q, { pollMs: 20, timeoutMs: 5000 });
      expect(runs).toBe(1);
      expect((await q.get(id!))?.state).toBe('done');
    } finally {
      await q.stop();
      await store.close();
    }
  });

  it('a restarted runner with the same worker id takes back what its crashed run held', async () => {
    const store = await openSqliteStore(join(dir, 'same-id.db'));
    const q = new StoreQueue<TestCatalogue>({
      store,
      logger: silentLogger,
      catalogue: testCatalogue,
      workerId: 'fixed',
      pollIntervalMs: 20,
    });
    const id = await q.enqueue('work', { id: 'left' });
    await store.jobs.claim('fixed', new Date().toISOString(), 60_000, ['work']);
    const seen: string[] = [];
    q.start({ work: async (p) => void seen.push(p.id) });
    try {
      await waitForIdle(q, { pollMs: 20, timeoutMs: 5000 });
      expect(seen).toEqual(['left']);
      expect(await q.get(id!)).toMatchObject({ state: 'done', attempts: 1 });
    } finally {
      await q.stop();
      await store.close();
    }
  });

  it('uses the catalogue key and validation for Lede job types', async () => {
    const store = await openSqliteStore(join(dir, 'lede-types.db'));
    try {
      const q = new StoreQueue({ store, logger: silentLogger });
      expect(await q.enqueue('refresh-source', { sourceId: 's1' })).not.toBeNull();
      expect(await q.enqueue('refresh-source', { sourceId: 's1' })).toBeNull();
      const item = { url: 'https://news.example/a', sourceId: null, item: { title: 'T', authors: ['A'] } };
      expect(await q.enqueue('process-item', item)).not.toBeNull();
      expect(await q.enqueue('process-item', { ...item, sourceId: 's1' })).toBeNull();
      await expect(q.enqueue('process-item', { url: 'not a url', sourceId: null })).rejects.toMatchObject({
        code: 'job_invalid_payload',
      });
      const job = (await store.jobs.claim('w', new Date().toISOString(), 1000, ['process-item']))!;
      expect(job).toMatchObject({ maxAttempts: catalogue['process-item'].maxAttempts, payload: item });
    } finally {
      await store.close();
    }
  });
});

async function waitForReason(get: () => unknown): Promise<void> {
  const end = Date.now() + 5000;
  while (get() === null && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

describe('waitForIdle', () => {
  it('waits for running and soon-due jobs, not for retries scheduled far ahead', async () => {
    const store = await openSqliteStore(join(dir, 'idle.db'));
    const q = new StoreQueue<TestCatalogue>({
      store,
      logger: silentLogger,
      catalogue: testCatalogue,
      pollIntervalMs: 20,
    });
    const far = await q.enqueue('work', { id: 'far' }, { runAt: new Date(Date.now() + 3_600_000) });
    const soon = await q.enqueue('work', { id: 'soon' }, { runAt: new Date(Date.now() + 200) });
    q.start({ work: () => new Promise((r) => setTimeout(r, 100)) });
    try {
      await expect(waitForIdle(q, { pollMs: 10, timeoutMs: 100 })).rejects.toMatchObject({
        code: 'queue_idle_timeout',
      });
      await waitForIdle(q, { pollMs: 10, timeoutMs: 5000 });
      expect((await q.get(soon!))?.state).toBe('done');
      expect((await q.get(far!))?.state).toBe('queued');
    } finally {
      await q.stop();
      await store.close();
    }
  });
});

describe('backoffDelayMs', () => {
  it('grows exponentially, is capped, and jitters within [half, full]', () => {
    const b = { baseMs: 100, capMs: 1000 };
    expect(backoffDelayMs(b, 1, () => 0)).toBe(50);
    expect(backoffDelayMs(b, 1, () => 1)).toBe(100);
    expect(backoffDelayMs(b, 3, () => 1)).toBe(400);
    expect(backoffDelayMs(b, 10, () => 1)).toBe(1000);
    expect(backoffDelayMs(b, 10, () => 0)).toBe(500);
  });
});
