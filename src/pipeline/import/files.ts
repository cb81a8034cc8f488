// Reads one saved page or feed file (optionally gzipped) into an import record, with byte caps
// before and after decompression so a hostile archive cannot exhaust memory.
import { open, readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { describeError } from '../../lib/errors.js';
import type { GroundTruth } from './ground-truth.js';
import { feedUrlFromFeed, headText, pageUrlFromHtml, sniffFeed } from './sniff.js';
import { type ImportRecord, SNIFF_BYTES } from './types.js';

const gunzipAsync = promisify(gunzip);

export type FileKind = 'html' | 'feed' | 'warc';

/** What a file's name says it holds, or null for files the importer leaves alone. */
export function fileKind(path: string): FileKind | null {
  const name = path.toLowerCase();
  if (/\.html?(?:\.gz)?$/.test(name)) return 'html';
  if (/\.warc(?:\.gz)?$/.test(name)) return 'warc';
  if (/\.(?:xml|rss|atom|json)(?:\.gz)?$/.test(name)) return 'feed';
  return null;
}

export type FileResult = ImportRecord | { kind: 'skip'; reason: string };

interface ReadContext {
  maxBytes: number;
  groundTruth: GroundTruth;
}

/** Up to `bytes` bytes from the start of a file. */
export async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

class TooLarge extends Error {}

/** The file's bytes, gunzipped when its name ends in .gz, each side capped at `maxBytes`. */
async function readBody(path: string, size: number, maxBytes: number): Promise<Buffer> {
  if (size > maxBytes) throw new TooLarge(`file is ${size} bytes, over the ${maxBytes}-byte limit`);
  const raw = await readFile(path);
  if (!path.toLowerCase().endsWith('.gz')) return raw;
  try {
    return await gunzipAsync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new TooLarge(`decompresses to more than ${maxBytes} bytes`);
    }
    throw new Error(`corrupt gzip: ${describeError(error)}`);
  }
}

/** Reads a page or feed file; never throws (problems become error records). */
export async function readDocumentFile(
  path: string,
  kind: 'html' | 'feed',
  ctx: ReadContext,
): Promise<FileResult> {
  try {
    const { size } = await stat(path);
    if (kind === 'feed' && size > ctx.maxBytes && !path.toLowerCase().endsWith('.gz')) {
      // a big .json or .xml that is not a feed is skipped, not reported
      if (!sniffFeed(headText(await readHead(path, SNIFF_BYTES), SNIFF_BYTES))) {
        return { kind: 'skip', reason: 'not a feed' };
      }
    }
    const body = await readBody(path, size, ctx.maxBytes);
    const head = headText(body, SNIFF_BYTES);
    const known = await ctx.groundTruth.urlFor(path);
    if (kind === 'html') {
      return { kind: 'page', url: known ?? pageUrlFromHtml(head), body, contentType: null, origin: path };
    }
    const format = sniffFeed(head);
    if (!format) return { kind: 'skip', reason: 'not a feed' };
    return { kind: 'feed', url: known ?? feedUrlFromFeed(head, format), body, origin: path };
  } catch (error) {
    return { kind: 'error', origin: path, error: describeError(error) };
  }
}
