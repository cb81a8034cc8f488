// Text search configurations, one per language PostgreSQL can stem, named lede_<language>:
// a copy of the built-in one with unaccent in front of the stemmer, so "cafe" finds "Café".
// lede_simple (no stemming) is the fallback. unaccent is a contrib extension shipped with
// PostgreSQL; it is created here when missing (CREATE privilege on the database is enough,
// it is a trusted extension since PostgreSQL 13).
import { LedeError } from '../../../lib/errors.js';
import { STEMMED_LANGUAGES } from '../fts.js';
import type { Migration } from './types.js';

export const migration: Migration = {
  version: 2,
  name: 'search_configs',
  async up(client) {
    const schema = await unaccentSchema(client);
    const dict = `${quoteIdent(schema)}.unaccent`;
    const types = 'hword, hword_part, word';
    await client.query(`CREATE TEXT SEARCH CONFIGURATION lede_simple (COPY = pg_catalog.simple);
      ALTER TEXT SEARCH CONFIGURATION lede_simple ALTER MAPPING FOR ${types}, asciiword, asciihword, hword_asciipart WITH ${dict}, simple`);
    const { rows } = await client.query<{ cfgname: string }>(
      `SELECT cfgname FROM pg_ts_config WHERE cfgnamespace = 'pg_catalog'::regnamespace AND cfgname = ANY($1)`,
      [[...new Set(Object.values(STEMMED_LANGUAGES))]],
    );
    for (const { cfgname } of rows) {
      const name = quoteIdent(`lede_${cfgname}`);
      await client.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = pg_catalog.${quoteIdent(cfgname)});
        ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR ${types} WITH ${dict}, ${quoteIdent(`${cfgname}_stem`)}`);
    }
  },
};

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function unaccentSchema(client: Parameters<Migration['up']>[0]): Promise<string> {
  const find = async () =>
    (
      await client.query<{ nspname: string }>(
        `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`,
      )
    ).rows[0]?.nspname;
  const found = await find();
  if (found) return found;
  // one database-wide extension: serialise its creation between schemas and processes
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('lede:unaccent'))`);
  const again = await find();
  if (again) return again;
  try {
    await client.query('SAVEPOINT lede_unaccent');
    await client.query('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public');
    await client.query('RELEASE SAVEPOINT lede_unaccent');
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT lede_unaccent');
    throw new LedeError(
      'storage_migration_failed',
      'PostgreSQL extension "unaccent" is missing and could not be created; ' +
        'run CREATE EXTENSION unaccent SCHEMA public; as a superuser, then start Lede again',
      { cause: error },
    );
  }
  return (await find()) ?? 'public';
}
