// The JobQueue contract on pg-boss over a real PostgreSQL. Skipped unless TEST_DATABASE_URL is
// set (CI sets it, see .ci/run). Each harness uses its own pg-boss schema, dropped afterwards.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../lib/log.js';
import { type QueueHarness, runQueueContract, type TestCatalogue, testCatalogue } from './contract.js';
import { PgBossQueue } from './pgboss-queue.js';

const url = process.env.TEST_DATABASE_URL;

function bossHarness(): QueueHarness {
  const schema = `lede_q_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const open: PgBossQueue<TestCatalogue>[] = [];
  return {
    async newQueue(options = {}) {
      const queue = await PgBossQueue.open<TestCatalogue>({
        connectionString: url!,
        schema,
        logger: silentLogger,
        catalogue: testCatalogue,
        pollIntervalMs: options.pollIntervalMs ?? 20,
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
});
