// The Store contract on a real PostgreSQL. Skipped unless TEST_DATABASE_URL names a database
// we may create schemas in (CI sets it, see .ci/run): each test gets a fresh schema, dropped after.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runStoreContract } from '../contract.js';
import { openStore } from '../open.js';
import { toTsQuery } from './fts.js';
import { remapMarks } from './headline.js';
import { migrations } from './migrations/index.js';

const url = process.env.TEST_DATABASE_URL;
const schemas: string[] = [];

function freshSchema(): string {
  const name = `lede_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  schemas.push(name);
  return name;
}

function withSchema(base: string, schema: string): string {
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  return u.toString();
}

afterAll(async () => {
  if (!url || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await client.end();
});

// without TEST_DATABASE_URL there is no PostgreSQL to run against: the suite is skipped
describe.skipIf(!url)('PostgreSQL store', () => {
  runStoreContract('PostgreSQL', async () =>
    openStore({ databaseUrl: withSchema(url!, freshSchema()), dataDir: '/nonexistent' }),
  );

  it('opening twice applies the migrations once (schema version recorded)', async () => {
    const target = withSchema(url!, freshSchema());
    const [a, b] = await Promise.all([
      openStore({ databaseUrl: target, dataDir: '/x' }),
      openStore({ databaseUrl: target, dataDir: '/x' }),
    ]);
    await a.close();
    await b.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const schema = new URL(target).searchParams.get('schema');
    const { rows } = await client.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    await client.end();
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
  });
});

describe('PostgreSQL search helpers (no database needed)', () => {
  it('builds a tsquery that quotes every operand', () => {
    expect(toTsQuery('prime "minister of" x* AND')).toBe("'prime' & 'minister of' & 'x'");
    expect(toTsQuery("o'neil\\ minis*")).toBe("'o''neil\\\\' & 'minis':*");
    expect(toTsQuery('AND OR "" *')).toBeNull();
  });

  it('maps marks on folded text back onto the original words', () => {
    const original = 'كَتَبَ الوزير عن إسرائيل والأردن.';
    const folded = 'كتب وزير عن اسرائيل اردن.';
    expect(remapMarks(original, folded, 'عن اسرائيل \u0002اردن\u0003.')).toBe(
      'عن إسرائيل \u0002والأردن\u0003.',
    );
    expect(remapMarks('same', 'same', 'x\u0002y\u0003')).toBe('x\u0002y\u0003');
  });
});
