// Session-level advisory locks on a connection of their own: held as long as the process (and
// its connection) lives, released by PostgreSQL when either dies. Used for "exactly one
// scheduler" and for the clustering step of workers (see src/main.ts).
import pg from 'pg';
import { parsePostgresUrl } from './index.js';

export interface SessionLock {
  /** Waits until the lock is ours (polling every `pollMs`), or `signal` aborts. */
  acquire(options?: { pollMs?: number; signal?: AbortSignal }): Promise<void>;
  release(): Promise<void>;
  /** Resolves when the lock's connection is lost: the lock is then no longer held. */
  readonly lost: Promise<Error>;
  close(): Promise<void>;
}

export async function openSessionLock(url: string, name: string): Promise<SessionLock> {
  const client = new pg.Client({ connectionString: parsePostgresUrl(url).connectionString });
  let onLost!: (error: Error) => void;
  const lost = new Promise<Error>((resolve) => {
    onLost = resolve;
  });
  client.on('error', (error) => onLost(error));
  client.on('end', () => onLost(new Error('lock connection closed')));
  await client.connect();
  const key = [`lede:${name}`];
  return {
    lost,
    async acquire({ pollMs = 5000, signal } = {}) {
      for (;;) {
        const { rows } = await client.query<{ ok: boolean }>(
          'SELECT pg_try_advisory_lock(hashtext($1)) AS ok',
          key,
        );
        if (rows[0]?.ok) return;
        if (signal?.aborted) throw signal.reason;
        await new Promise<void>((resolve) => {
          const onAbort = () => {
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          }, pollMs);
          signal?.addEventListener('abort', onAbort, { once: true });
        });
        if (signal?.aborted) throw signal.reason;
      }
    },
    async release() {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', key);
    },
    async close() {
      client.removeAllListeners('end');
      await client.end();
    },
  };
}
