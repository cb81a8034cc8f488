// Picks the Store implementation from DATABASE_URL and imports only that backend, so a
// SQLite install never loads the PostgreSQL driver (and the other way round).
import { join, resolve } from 'node:path';
import { LedeError } from '../lib/errors.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** DATABASE_URL: unset = SQLite in the data folder; `sqlite:PATH`; `postgres://…` */
  databaseUrl?: string | null;
  dataDir: string;
}

export const SQLITE_FILE_NAME = 'lede.db';

/** Path of the SQLite file a `sqlite:` URL names (`sqlite:data/x.db`, `sqlite:///abs/x.db`). */
export function sqlitePathFromUrl(url: string): string {
  let path = url.slice('sqlite:'.length);
  if (path.startsWith('//')) path = path.slice(2);
  if (path === ':memory:') return path;
  if (path === '') throw new LedeError('config_invalid', 'DATABASE_URL sqlite: needs a file path');
  return resolve(decodeURIComponent(path));
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const url = options.databaseUrl?.trim() || null;
  if (url === null || /^sqlite:/i.test(url)) {
    const file = url === null ? join(resolve(options.dataDir), SQLITE_FILE_NAME) : sqlitePathFromUrl(url);
    const { openSqliteStore } = await import('./sqlite/index.js');
    return openSqliteStore(file);
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new LedeError(
    'config_invalid',
    `DATABASE_URL ${scheme ? `scheme "${scheme}:"` : 'value'} is not supported: ` +
      'leave DATABASE_URL unset for SQLite in the data folder, or use sqlite:PATH or postgres://…',
  );
}

/** The PostgreSQL backend module lives at ./postgres/index.js and exports openPostgresStore(url). */
const POSTGRES_MODULE = './postgres/index.js';

interface PostgresModule {
  openPostgresStore(url: string): Promise<Store>;
}

async function openPostgres(url: string): Promise<Store> {
  let mod: PostgresModule;
  try {
    // a variable specifier: the module is optional, and only this branch may load it
    mod = (await import(/* @vite-ignore */ POSTGRES_MODULE)) as PostgresModule;
  } catch (error) {
    if (isModuleMissing(error, 'postgres/index')) {
      throw new LedeError(
        'config_unsupported',
        'DATABASE_URL asks for PostgreSQL, but PostgreSQL support is not installed in this build; ' +
          'unset DATABASE_URL to use SQLite',
        { cause: error },
      );
    }
    throw error;
  }
  return mod.openPostgresStore(url);
}

function isModuleMissing(error: unknown, path: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  const missing =
    code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url/i.test(error.message);
  return missing && error.message.includes(path);
}
