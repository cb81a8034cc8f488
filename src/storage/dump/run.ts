// Moves a whole site between databases: exportDatabase streams every table to JSON Lines,
// importDatabase loads such a file into an empty database, then reads every table back and
// compares counts and checksums with the file's trailer.

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { LedeError } from '../../lib/errors.js';
import { SQLITE_FILE_NAME, sqlitePathFromUrl } from '../open.js';
import { type Dumper, FORMAT, type Row, TableChecksum, type Trailer, VERSION } from './format.js';

export interface Summary {
  tables: Array<{ table: string; count: number; checksum: string; ok?: boolean }>;
}

export async function openDumper(options: { databaseUrl?: string | null; dataDir: string }): Promise<Dumper> {
  const url = options.databaseUrl?.trim() || null;
  if (url && /^postgres(ql)?:\/\//i.test(url)) {
    const { openPostgresDumper } = await import('../postgres/dump.js');
    return openPostgresDumper(url);
  }
  const { openSqliteDumper } = await import('../sqlite/dump.js');
  return openSqliteDumper(url ? sqlitePathFromUrl(url) : join(resolve(options.dataDir), SQLITE_FILE_NAME));
}

async function checksums(dumper: Dumper, tables: string[]): Promise<Map<string, TableChecksum>> {
  const out = new Map<string, TableChecksum>();
  for (const t of tables) {
    const sum = new TableChecksum();
    for await (const row of dumper.rows(t)) sum.add(row);
    out.set(t, sum);
  }
  return out;
}

export async function exportDatabase(dumper: Dumper, file: string): Promise<Summary> {
  const out = createWriteStream(file);
  const write = async (line: unknown) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  const tables = await dumper.tables();
  await write({ format: FORMAT, version: VERSION, tables, exportedAt: new Date().toISOString() });
  const trailer: Trailer = { end: true, counts: {}, checksums: {} };
  for (const t of tables) {
    const sum = new TableChecksum();
    for await (const row of dumper.rows(t)) {
      sum.add(row);
      await write({ t, r: row });
    }
    trailer.counts[t] = sum.count;
    trailer.checksums[t] = sum.hex();
  }
  await write(trailer);
  out.end();
  await once(out, 'finish');
  return {
    tables: tables.map((t) => ({ table: t, count: trailer.counts[t], checksum: trailer.checksums[t] })),
  };
}

export async function importDatabase(dumper: Dumper, file: string, batchSize = 500): Promise<Summary> {
  if (!(await dumper.isEmpty())) {
    throw new LedeError(
      'import_target_not_empty',
      'the target database already holds data: import into an empty one',
    );
  }
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let header: { format?: string; version?: number } | null = null;
  let trailer: Trailer | null = null;
  let table: string | null = null;
  let batch: Row[] = [];
  const targetTables = new Set(await dumper.tables());
  const flush = async () => {
    if (table && batch.length > 0) await dumper.insert(table, batch);
    batch = [];
  };
  for await (const line of lines) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line);
    if (!header) {
      header = entry;
      if (header?.format !== FORMAT || header.version !== VERSION)
        throw new LedeError('import_bad_file', `${file} is not a Lede export (version ${VERSION})`);
      continue;
    }
    if (entry.end) {
      trailer = entry as Trailer;
      break;
    }
    if (entry.t !== table) {
      await flush();
      table = entry.t;
      if (!targetTables.has(String(table)))
        throw new LedeError('import_bad_file', `table ${table} does not exist in the target database`);
    }
    batch.push(entry.r);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  if (!trailer)
    throw new LedeError('import_bad_file', `${file} ends before its trailer: the export was cut short`);
  const tables = Object.keys(trailer.counts);
  const got = await checksums(dumper, tables);
  return {
    tables: tables.map((t) => {
      const sum = got.get(t);
      const ok = sum?.count === trailer.counts[t] && sum?.hex() === trailer.checksums[t];
      return { table: t, count: sum?.count ?? 0, checksum: sum?.hex() ?? '', ok };
    }),
  };
}

export function formatSummary(summary: Summary): string {
  const width = Math.max(...summary.tables.map((t) => t.table.length), 5);
  return summary.tables
    .map(({ table, count, checksum, ok }) => {
      const mark = ok === undefined ? '' : ok ? '  ok' : '  MISMATCH';
      return `${table.padEnd(width)}  ${String(count).padStart(9)}  ${checksum.slice(0, 16)}${mark}`;
    })
    .join('\n');
}
