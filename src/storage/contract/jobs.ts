import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './fixtures.js';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

export function jobContract(store: CurrentStore): void {
  describe('jobs', () => {
    it('enqueues, claims (counting an attempt) and completes', async () => {
      const id = await store().jobs.enqueue({
        type: 'refresh-source',
        payload: { sourceId: 's1' },
        runAt: at(0),
      });
      expect(id).toEqual(expect.any(String));
      const job = await store().jobs.claim('w1', at(1), 1000);
      expect(job).toMatchObject({
        id,
        type: 'refresh-source',
        payload: { sourceId: 's1' },
        state: 'running',
      });
      expect(job).toMatchObject({ attempts: 1, lockedBy: 'w1', lockedUntil: at(1001) });
      await store().jobs.complete(id!, 'w1');
      expect(await store().jobs.get(id!)).toMatchObject({ state: 'done', lockedBy: null });
      expect(await store().jobs.counts()).toEqual({ queued: 0, running: 0, done: 1, failed: 0 });
    });

    it('a key is enqueued once while queued or running, again once finished', async () => {
      const first = await store().jobs.enqueue({ type: 't', payload: 1, key: 'k', runAt: at(0) });
      expect(first).not.toBeNull();
      expect(await store().jobs.enqueue({ type: 't', payload: 2, key: 'k', runAt: at(0) })).toBeNull();
      await store().jobs.claim('w', at(0), 1000);
      expect(await store().jobs.enqueue({ type: 't', payload: 3, key: 'k', runAt: at(0) })).toBeNull();
      await store().jobs.complete(first!, 'w');
      expect(await store().jobs.enqueue({ type: 't', payload: 4, key: 'k', runAt: at(0) })).not.toBeNull();
      // no key: never deduplicated
      expect(await store().jobs.enqueue({ type: 't', payload: 5, runAt: at(0) })).not.toBeNull();
      expect(await store().jobs.enqueue({ type: 't', payload: 5, runAt: at(0) })).not.toBeNull();
      expect((await store().jobs.counts()).queued).toBe(3);
    });

    it('claims due jobs only, oldest run time first, filtered by type', async () => {
      const late = await store().jobs.enqueue({ type: 'a', payload: null, runAt: at(500) });
      const early = await store().jobs.enqueue({ type: 'a', payload: null, runAt: at(100) });
      const other = await store().jobs.enqueue({ type: 'b', payload: null, runAt: at(0) });
      expect(await store().jobs.claim('w', at(50), 1000, ['a'])).toBeNull();
      expect(await store().jobs.claim('w', at(50), 1000, [])).toBeNull();
      expect((await store().jobs.claim('w', at(600), 1000, ['a']))?.id).toBe(early);
      expect((await store().jobs.claim('w', at(600), 1000, ['a']))?.id).toBe(late);
      expect(await store().jobs.claim('w', at(600), 1000, ['a'])).toBeNull();
      expect((await store().jobs.claim('w', at(600), 1000))?.id).toBe(other);
    });

    it('concurrent claims never return the same job', async () => {
      for (let i = 0; i < 20; i++) await store().jobs.enqueue({ type: 'c', payload: i, runAt: at(0) });
      const claims = await Promise.all(
        Array.from({ length: 30 }, (_, i) => store().jobs.claim(`w${i % 5}`, at(1), 10_000)),
      );
      const ids = claims.filter((j) => j !== null).map((j) => j.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    });

    it('an expired lease is claimed again; a renewed one is not', async () => {
      const id = await store().jobs.enqueue({ type: 'l', payload: null, runAt: at(0) });
      await store().jobs.claim('dead', at(0), 100);
      expect(await store().jobs.claim('w2', at(50), 100)).toBeNull();
      // the holder itself never takes its lapsed job back: it may still be running it
      expect(await store().jobs.claim('dead', at(500), 100)).toBeNull();
      expect(await store().jobs.renew(id!, 'dead', at(90), 100)).toBe(true);
      expect(await store().jobs.claim('w2', at(150), 100)).toBeNull();
      const again = await store().jobs.claim('w2', at(191), 100);
      expect(again).toMatchObject({ id, lockedBy: 'w2', attempts: 2 });
      // the old holder lost it: its heartbeat, completion and failure are ignored
      expect(await store().jobs.renew(id!, 'dead', at(200), 100)).toBe(false);
      await store().jobs.complete(id!, 'dead');
      await store().jobs.fail(id!, 'dead', 'late', null);
      expect(await store().jobs.get(id!)).toMatchObject({
        state: 'running',
        lockedBy: 'w2',
        lastError: null,
      });
    });

    it('an expired lease on the last allowed attempt fails the job instead of rerunning it', async () => {
      const id = await store().jobs.enqueue({ type: 'x', payload: null, runAt: at(0), maxAttempts: 1 });
      await store().jobs.claim('dead', at(0), 100);
      expect(await store().jobs.claim('w2', at(500), 100)).toBeNull();
      expect(await store().jobs.get(id!)).toMatchObject({
        state: 'failed',
        lastError: expect.stringMatching(/lease/),
      });
    });

    it('fail() retries at the given time, or fails for good with the error', async () => {
      const id = await store().jobs.enqueue({ type: 'f', payload: null, runAt: at(0), maxAttempts: 2 });
      await store().jobs.claim('w', at(0), 1000);
      await store().jobs.fail(id!, 'w', 'boom 1', at(5000));
      expect(await store().jobs.get(id!)).toMatchObject({
        state: 'queued',
        runAt: at(5000),
        lastError: 'boom 1',
      });
      expect(await store().jobs.claim('w', at(4999), 1000)).toBeNull();
      expect(await store().jobs.claim('w', at(5000), 1000)).toMatchObject({ id, attempts: 2 });
      await store().jobs.fail(id!, 'w', 'boom 2', null);
      expect(await store().jobs.get(id!)).toMatchObject({
        state: 'failed',
        attempts: 2,
        lastError: 'boom 2',
      });
      expect(await store().jobs.claim('w', at(99_999), 1000)).toBeNull();
      expect(await store().jobs.counts()).toEqual({ queued: 0, running: 0, done: 0, failed: 1 });
    });

    it('release() requeues only that worker’s running jobs without counting the attempt', async () => {
      const a = await store().jobs.enqueue({ type: 'r', payload: 'a', runAt: at(0) });
      const b = await store().jobs.enqueue({ type: 'r', payload: 'b', runAt: at(1) });
      await store().jobs.claim('w1', at(10), 1000);
      await store().jobs.claim('w2', at(10), 1000);
      expect(await store().jobs.release('w1')).toBe(1);
      expect(await store().jobs.get(a!)).toMatchObject({ state: 'queued', attempts: 0, lockedBy: null });
      expect(await store().jobs.get(b!)).toMatchObject({ state: 'running', lockedBy: 'w2' });
      expect(await store().jobs.release('w1')).toBe(0);
    });

    it('pending() counts running jobs and queued ones due by a time', async () => {
      await store().jobs.enqueue({ type: 'q', payload: 1, runAt: at(0) });
      await store().jobs.enqueue({ type: 'q', payload: 2, runAt: at(100) });
      await store().jobs.enqueue({ type: 'q', payload: 3, runAt: at(10_000) });
      expect(await store().jobs.pending(at(0))).toBe(1);
      expect(await store().jobs.pending(at(100))).toBe(2);
      await store().jobs.claim('w', at(100), 1000);
      expect(await store().jobs.pending(at(100))).toBe(2);
      expect(await store().jobs.pending(at(10_000))).toBe(3);
    });

    it('purge() deletes finished jobs older than a time', async () => {
      const done = await store().jobs.enqueue({ type: 'p', payload: null, runAt: at(0) });
      await store().jobs.enqueue({ type: 'p', payload: null, runAt: at(1) });
      await store().jobs.claim('w', at(0), 1000);
      await store().jobs.complete(done!, 'w');
      expect(await store().jobs.purge(new Date(Date.now() + 60_000).toISOString())).toBe(1);
      expect(await store().jobs.get(done!)).toBeNull();
      expect(await store().jobs.counts()).toEqual({ queued: 1, running: 0, done: 0, failed: 0 });
    });
  });
}
