// The JobQueue contract on pg-boss over a real PostgreSQL. Skipped unless TEST_DATABASE_URL is
// set (CI sets it, see .ci/run). Each harness uses its own pg-boss schema, dropped afterwards.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../lib/log.js';
import { type QueueHarness, runQueueContract, type TestCatalogue, testCatalogue } from './contract.js';
import { PgBossQueue } from './pgboss-queue.js';

const url = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Another worker process: it takes one `work` job from the queue in schema $QUEUE_SCHEMA, prints
 * "running <id>" and keeps it, never finishing (it is killed while it runs).
 */
const WORKER = `
  import { z } from 'zod';
  import { defineJob } from '${new URL('./catalogue.ts', import.meta.url).href}';
  import { PgBossQueue } from '${new URL('./pgboss-queue.ts', import.meta.url).href}';
  const work = defineJob({
    name: 'work', schema: z.object({ id: z.string() }), maxAttempts: 3,
    backoff: { baseMs: 40, capMs: 400 }, key: () => null,
  });
  import { silentLogger as logger } from '${new URL('../lib/log.ts', import.meta.url).href}';
  const noop = () => {};
  const queue = await PgBossQueue.open({
    connectionString: process.env.TEST_DATABASE_URL, schema: process.env.QUEUE_SCHEMA, logger,
    catalogue: { work }, pollIntervalMs: 20, max: 2,
  });
  queue.start({ work: (_p, ctx) => { console.log('running ' + ctx.jobId); return new Promise(noop); } }, { concurrency: 1 });
`;

/** Queues of one pg-boss schema; `reclaimIntervalMs` for how soon runners take back jobs of dead ones. */
function bossHarness(reclaimIntervalMs?: number): QueueHarness & { schema: string } {
  const schema = `lede_q_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const open: PgBossQueue<TestCatalogue>[] = [];
  return {
    schema,
    async newQueue(options = {}) {
      const queue = await PgBossQueue.open<TestCatalogue>({
        connectionString: url!,
        schema,
        logger: silentLogger,
        catalogue: testCatalogue,
        pollIntervalMs: options.pollIntervalMs ?? 20,
        reclaimIntervalMs,
        max: 3,
      });
      open.push(queue);
      return { queue, close: () => queue.close() };
    },
    async dispose() {
      for (const q of open) await q.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

// without TEST_DATABASE_URL there is no PostgreSQL to run pg-boss on: the suite is skipped
describe.skipIf(!url)('PgBossQueue', () => {
  runQueueContract('PgBossQueue on PostgreSQL', async () => bossHarness());

  it('a job that failed on its last attempt keeps the error; a non-retryable one stops at once', async () => {
    const h = bossHarness();
    try {
      const q = (await h.newQueue()).queue;
      const id = await q.enqueue('keyed', { id: 'x' });
      // the key is free again once the job has failed for good
      q.start({
        keyed: async () => {
          throw Object.assign(new Error('gone'), { retryable: false });
        },
      });
      for (let i = 0; i < 200 && (await q.get(id!))?.state !== 'failed'; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(await q.get(id!)).toMatchObject({
        state: 'failed',
        attempts: 1,
        maxAttempts: 3,
        lastError: 'gone',
      });
      await q.stop();
      expect(await q.enqueue('keyed', { id: 'x' })).not.toBeNull();
    } finally {
      await h.dispose();
    }
  });

  it('a worker process killed mid-job: its job runs again within seconds on another worker, never while it lives', async () => {
    const h = bossHarness(100);
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WORKER], {
      env: { ...process.env, QUEUE_SCHEMA: h.schema },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const q = (await h.newQueue()).queue;
      const id = await q.enqueue('work', { id: 'long' });
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      expect(line).toBe(`running ${id}`);
      const runs: string[] = [];
      q.start({
        work: async (_p, ctx) => {
          runs.push(ctx.jobId);
        },
      });
      // the other worker lives: its job is left alone however often the runners look
      await sleep(1500);
      expect(runs).toEqual([]);
      expect((await q.get(id!))?.state).toBe('running');
      child.kill('SIGKILL');
      const killedAt = Date.now();
      while (runs.length === 0 && Date.now() - killedAt < 10_000) await sleep(20);
      expect(runs).toEqual([id]);
      expect(Date.now() - killedAt).toBeLessThan(3000);
      for (let i = 0; i < 100 && (await q.get(id!))?.state !== 'done'; i++) await sleep(20);
      expect(await q.get(id!)).toMatchObject({
        state: 'done',
        attempts: 2,
        lastError: 'the worker running this job stopped before it finished',
      });
    } finally {
      child.kill('SIGKILL');
      await h.dispose();
    }
  });
});
