// One behaviour suite for every JobQueue implementation (StoreQueue now, pg-boss later).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from './catalogue.js';
import type { JobQueue } from './queue.js';

const BASE_MS = 40;
const fast = { maxAttempts: 3, backoff: { baseMs: BASE_MS, capMs: 400 } };
const idPayload = z.object({ id: z.string() });

/** Job types for the suite, with tiny backoff; `work` has no idempotency key, `keyed` does. */
export const testCatalogue = {
  work: defineJob({ name: 'work', schema: idPayload, ...fast, key: () => null }),
  keyed: defineJob({ name: 'keyed', schema: idPayload, ...fast, key: (p) => p.id }),
};
export type TestCatalogue = typeof testCatalogue;
export type TestQueue = JobQueue<TestCatalogue>;

export interface QueueRunnerOptions {
  /** lease length; heartbeats must keep a longer-running job leased */
  leaseMs: number;
  pollIntervalMs: number;
}

export interface QueueHarness {
  /** A queue over the shared database through a connection of its own, as another process has. */
  newQueue(options?: Partial<QueueRunnerOptions>): Promise<{ queue: TestQueue; close(): Promise<void> }>;
  /** Closes whatever is still open and deletes the database. */
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(10);
  }
}

export function runQueueContract(label: string, open: () => Promise<QueueHarness>): void {
  describe(`JobQueue contract: ${label}`, () => {
    let h: QueueHarness;
    let q: TestQueue;
    const started: TestQueue[] = [];
    const start = (queue: TestQueue, handlers: Parameters<TestQueue['start']>[0], concurrency = 4) => {
      queue.start(handlers, { concurrency });
      started.push(queue);
    };
    const state = async (id: string | null) => (await q.get(id!))?.state;

    beforeEach(async () => {
      h = await open();
      q = (await h.newQueue()).queue;
    });
    afterEach(async () => {
      for (const s of started.splice(0)) await s.stop({ timeoutMs: 100 });
      await h.dispose();
    });

    it('runs a job with its payload and marks it done', async () => {
      const seen: Array<{ id: string; attempt: number }> = [];
      const id = await q.enqueue('work', { id: 'a' });
      start(q, { work: async (p, ctx) => void seen.push({ id: p.id, attempt: ctx.attempt }) });
      await until(async () => (await state(id)) === 'done');
      expect(seen).toEqual([{ id: 'a', attempt: 1 }]);
      expect(await q.counts()).toMatchObject({ queued: 0, running: 0, done: 1, failed: 0 });
    });

    it('rejects a payload that does not match the schema, and unknown types', async () => {
      await expect(q.enqueue('work', { id: 42 } as unknown as { id: string })).rejects.toMatchObject({
        code: 'job_invalid_payload',
      });
      await expect(q.enqueue('nope' as 'work', { id: 'x' })).rejects.toMatchObject({
        code: 'job_unknown_type',
      });
      expect((await q.counts()).queued).toBe(0);
    });

    it('deduplicates by key while a job is pending', async () => {
      const first = await q.enqueue('keyed', { id: 'k' });
      expect(first).not.toBeNull();
      expect(await q.enqueue('keyed', { id: 'k' })).toBeNull();
      expect(await q.enqueue('keyed', { id: 'other' })).not.toBeNull();
      expect(await q.enqueue('work', { id: 'k' })).not.toBeNull();
      expect(await q.enqueue('work', { id: 'k' })).not.toBeNull();
    });

    it('retries a failing job with growing backoff until it succeeds', async () => {
      const times: number[] = [];
      const id = await q.enqueue('work', { id: 'flaky' });
      start(q, {
        work: async () => {
          times.push(Date.now());
          if (times.length < 3) throw new Error(`failure ${times.length}`);
        },
      });
      await until(async () => (await state(id)) === 'done');
      expect(times).toHaveLength(3);
      // equal jitter: retry n waits at least half of base * 2^(n-1)
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(BASE_MS / 2 - 5);
      expect(times[2] - times[1]).toBeGreaterThanOrEqual(BASE_MS - 5);
      expect(await q.get(id!)).toMatchObject({ attempts: 3, lastError: 'failure 2' });
    });

    it('fails for good after maxAttempts, keeps the error, and the runner goes on', async () => {
      let calls = 0;
      const id = await q.enqueue('work', { id: 'bad' });
      const done: string[] = [];
      start(q, {
        work: async (p) => {
          if (p.id === 'bad') {
            calls++;
            throw new Error('always broken');
          }
          done.push(p.id);
        },
      });
      await until(async () => (await state(id)) === 'failed');
      expect(calls).toBe(3);
      expect(await q.get(id!)).toMatchObject({ state: 'failed', attempts: 3, lastError: 'always broken' });
      await q.enqueue('work', { id: 'after' });
      await until(() => done.includes('after'));
    });

    it('an error marked retryable: false fails the job at once', async () => {
      let calls = 0;
      const id = await q.enqueue('work', { id: 'gone' });
      start(q, {
        work: async () => {
          calls++;
          throw Object.assign(new Error('410 gone'), { retryable: false });
        },
      });
      await until(async () => (await state(id)) === 'failed');
      await sleep(BASE_MS * 3);
      expect(calls).toBe(1);
    });

    it('never runs more jobs at once than the concurrency', async () => {
      let now = 0;
      let peak = 0;
      for (let i = 0; i < 10; i++) await q.enqueue('work', { id: `c${i}` });
      start(
        q,
        {
          work: async () => {
            peak = Math.max(peak, ++now);
            await sleep(30);
            now--;
          },
        },
        3,
      );
      await until(async () => (await q.counts()).done === 10);
      expect(peak).toBe(3);
    });

    it('does not run a job before its runAt', async () => {
      const ran: number[] = [];
      const at = Date.now() + 300;
      const id = await q.enqueue('work', { id: 'later' }, { runAt: new Date(at) });
      start(q, { work: async () => void ran.push(Date.now()) });
      await until(async () => (await state(id)) === 'done');
      expect(ran[0]).toBeGreaterThanOrEqual(at - 5);
    });

    it('two runners on the same database never run one job twice', async () => {
      const other = (await h.newQueue()).queue;
      const running = new Set<string>();
      const runs = new Map<string, number>();
      let overlap = 0;
      const handler = async (p: { id: string }) => {
        if (running.has(p.id)) overlap++;
        running.add(p.id);
        runs.set(p.id, (runs.get(p.id) ?? 0) + 1);
        await sleep(5);
        running.delete(p.id);
      };
      for (let i = 0; i < 40; i++) await q.enqueue('work', { id: `j${i}` });
      start(q, { work: handler });
      start(other, { work: handler });
      await until(async () => (await q.counts()).done === 40);
      expect(overlap).toBe(0);
      expect(runs.size).toBe(40);
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
    });

    it('heartbeats keep a job longer than its lease from being taken by another runner', async () => {
      const a = (await h.newQueue({ leaseMs: 200, pollIntervalMs: 10 })).queue;
      const b = (await h.newQueue({ leaseMs: 200, pollIntervalMs: 10 })).queue;
      let runs = 0;
      const slow = async () => {
        runs++;
        await sleep(700);
      };
      const id = await a.enqueue('work', { id: 'long' });
      start(a, { work: slow });
      await until(async () => (await state(id)) === 'running');
      start(b, { work: slow });
      await until(async () => (await state(id)) === 'done');
      expect(runs).toBe(1);
    });

    it('stop() lets running jobs finish within the timeout', async () => {
      const id = await q.enqueue('work', { id: 'short' });
      start(q, {
        work: async () => {
          await sleep(100);
        },
      });
      await until(async () => (await state(id)) === 'running');
      await q.stop({ timeoutMs: 5000 });
      expect(await q.get(id!)).toMatchObject({ state: 'done', attempts: 1 });
    });

    it('a job interrupted by stop() is released and completed by a new runner after restart', async () => {
      const first = await h.newQueue();
      let aborted = false;
      const id = await first.queue.enqueue('work', { id: 'interrupted' });
      start(first.queue, {
        work: (_p, ctx) =>
          new Promise<void>((_resolve, reject) => {
            ctx.signal.addEventListener('abort', () => {
              aborted = true;
              reject(ctx.signal.reason);
            });
          }),
      });
      await until(async () => (await state(id)) === 'running');
      await first.queue.stop({ timeoutMs: 50 });
      expect(aborted).toBe(true);
      expect(await q.get(id!)).toMatchObject({ state: 'queued', attempts: 0 });
      await first.close();

      const second = (await h.newQueue()).queue;
      const seen: string[] = [];
      start(second, { work: async (p) => void seen.push(p.id) });
      await until(async () => (await state(id)) === 'done');
      expect(seen).toEqual(['interrupted']);
    });

    it('enqueued jobs survive closing and reopening the database', async () => {
      const first = await h.newQueue();
      for (const id of ['p1', 'p2', 'p3']) await first.queue.enqueue('work', { id });
      await first.close();
      const second = (await h.newQueue()).queue;
      const seen: string[] = [];
      start(second, { work: async (p) => void seen.push(p.id) });
      await until(() => seen.length === 3);
      expect(seen.sort()).toEqual(['p1', 'p2', 'p3']);
    });

    it('wakes at once on enqueue in the same process instead of waiting for the next poll', async () => {
      const slowPoll = (await h.newQueue({ pollIntervalMs: 60_000 })).queue;
      const seen: number[] = [];
      start(slowPoll, { work: async () => void seen.push(Date.now()) });
      await sleep(50);
      const t0 = Date.now();
      await slowPoll.enqueue('work', { id: 'now' });
      await until(() => seen.length === 1, 2000);
      expect(seen[0] - t0).toBeLessThan(1000);
    });
  });
}
