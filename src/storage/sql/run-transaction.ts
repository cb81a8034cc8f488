import { type QueryExecutorProvider, type RawBuilder, sql } from 'kysely';
import type { OuterStoreGuard } from './outer-store-guard.js';

/**
 * Runs `fn` on the held connection `conn` between `begin` and COMMIT (ROLLBACK when it throws),
 * marked as inside the transaction so that `guard` turns a query through the outer store into
 * an error instead of a deadlock.
 */
export async function runTransaction<T>(
  conn: QueryExecutorProvider,
  begin: RawBuilder<unknown>,
  guard: OuterStoreGuard,
  fn: () => Promise<T>,
): Promise<T> {
  await begin.execute(conn);
  try {
    const result = await guard.inside.run(true, fn);
    await sql`COMMIT`.execute(conn);
    return result;
  } catch (error) {
    await sql`ROLLBACK`.execute(conn);
    throw error;
  }
}
