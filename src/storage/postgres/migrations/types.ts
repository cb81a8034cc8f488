import type { PoolClient } from 'pg';

/** One schema version. `up` runs inside the migration transaction, with its schema_migrations row. */
export interface Migration {
  version: number;
  name: string;
  up(client: PoolClient): Promise<void>;
}
