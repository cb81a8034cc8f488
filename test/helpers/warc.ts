// Writes small WARC files for tests with warcio's own writer, so the import tests read
// archives made by an independent implementation rather than by hand-built strings.
import { writeFile } from 'node:fs/promises';
import { WARCRecord, WARCSerializer, type WARCType } from 'warcio';

export interface WarcEntry {
  type?: WARCType;
  url: string;
  /** HTTP response headers (response records); WARC Content-Type for resource records */
  httpHeaders?: Record<string, string>;
  statusline?: string;
  body?: string | Uint8Array;
  date?: string;
}

const encoder = new TextEncoder();

/** Serializes one record (a gzip member when `gzip`). */
export async function warcRecordBytes(entry: WarcEntry, gzip = false): Promise<Uint8Array> {
  const body = typeof entry.body === 'string' ? encoder.encode(entry.body) : (entry.body ?? new Uint8Array());
  const type = entry.type ?? 'response';
  const record = await WARCRecord.create(
    {
      url: entry.url,
      type,
      date: entry.date ?? '2024-05-01T12:00:00Z',
      warcVersion: 'WARC/1.1',
      statusline: entry.statusline,
      httpHeaders: type === 'response' ? entry.httpHeaders : undefined,
      warcHeaders:
        type === 'resource' ? { 'Content-Type': entry.httpHeaders?.['Content-Type'] ?? 'text/html' } : {},
    },
    [body],
  );
  return WARCSerializer.serialize(record, { gzip });
}

/** Writes a warcinfo record then `entries` to `path`; gzipped per record when `gzip`. */
export async function writeWarc(
  path: string,
  entries: WarcEntry[],
  options: { gzip?: boolean } = {},
): Promise<void> {
  const gzip = options.gzip ?? false;
  const info = await WARCRecord.createWARCInfo(
    { filename: path, warcVersion: 'WARC/1.1' },
    { software: 'lede tests' },
  );
  const parts = [await WARCSerializer.serialize(info, { gzip })];
  for (const entry of entries) parts.push(await warcRecordBytes(entry, gzip));
  await writeFile(path, Buffer.concat(parts));
}
