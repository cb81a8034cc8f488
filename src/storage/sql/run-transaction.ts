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

/**
 * Runs `fn` inside a transaction as savepoint `name`: released when it succeeds, rolled back to
 * (and released) when it throws, so the outer transaction goes on. Same SQL on both backends.
 */
export async function runSavepoint<T>(
  conn: QueryExecutorProvider,
  name: string,
  fn: () => Promise<T>,
): Promise<T> {
  const savepoint = sql.raw(name);
  await sql`SAVEPOINT ${savepoint}`.execute(conn);
  try {
    const result = await fn();
    await sql`RELEASE SAVEPOINT ${savepoint}`.execute(conn);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT ${savepoint}`.execute(conn);
    await sql`RELEASE SAVEPOINT ${savepoint}`.execute(conn);
    throw error;
  }
}
