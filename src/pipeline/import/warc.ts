// Streams pages and feeds out of a WARC web archive (.warc or .warc.gz, e.g. CC-NEWS) with
// warcio. Records are read one at a time, bodies are capped, and a corrupt or truncated archive
// ends with an error record instead of a hang or a half page.
import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { brotliDecompressSync, createGunzip } from 'node:zlib';
import { AsyncIterReader, LimitReader, WARCParser, type WARCRecord } from 'warcio';
import { describeError, LedeError } from '../../lib/errors.js';
import { readHead } from './files.js';
import { feedUrlFromFeed, headText, looksLikeHtml, mediaKind, sniffFeed } from './sniff.js';
import { type ImportRecord, SNIFF_BYTES } from './types.js';

export interface WarcContext {
  maxBytes: number;
  skip: (origin: string, reason: string) => void;
}

const WARC_MAGIC = 'WARC/';

/**
 * The archive's bytes, gunzipped with Node's zlib when it starts with the gzip magic. zlib
 * (unlike warcio's built-in inflater, which falls back to raw bytes) fails loudly on corrupt
 * or truncated gzip.
 */
async function* warcBytes(path: string): AsyncGenerator<Uint8Array> {
  const magic = await readHead(path, 2);
  const file = createReadStream(path, { highWaterMark: 64 * 1024 });
  const stream: Readable =
    magic[0] === 0x1f && magic[1] === 0x8b ? pipeline(file, createGunzip(), () => {}) : file;
  let start: Buffer | null = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (start) {
        // refuse non-WARC input before warcio's line reader buffers a whole binary file
        start = Buffer.concat([start, chunk]);
        if (start.length < WARC_MAGIC.length) continue;
        if (start.subarray(0, WARC_MAGIC.length).toString('latin1') !== WARC_MAGIC) {
          throw new LedeError('import_not_warc', 'not a WARC file (no WARC/ version line at the start)');
        }
        yield start;
        start = null;
        continue;
      }
      yield chunk;
    }
    if (start?.length) throw new LedeError('import_not_warc', 'not a WARC file (too short)');
  } finally {
    file.destroy();
    stream.destroy();
  }
}

const DECODED_BY_WARCIO = new Set(['', 'identity', 'gzip', 'x-gzip', 'deflate']);

type RecordResult = ImportRecord | { kind: 'skip'; reason: string } | null;

/** The decoded body, or null past `maxBytes`; `head` keeps the first bytes either way for sniffing. */
async function readCapped(
  record: WARCRecord,
  maxBytes: number,
): Promise<{ body: Buffer | null; head: Buffer }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  // iterating the record yields the payload with chunking and gzip/deflate undone by warcio
  for await (const chunk of record) {
    if (size + chunk.byteLength > maxBytes) {
      chunks.push(chunk.subarray(0, Math.max(0, SNIFF_BYTES - size)));
      return { body: null, head: Buffer.concat(chunks).subarray(0, SNIFF_BYTES) };
    }
    size += chunk.byteLength;
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks, size);
  return { body, head: body.subarray(0, SNIFF_BYTES) };
}

/** Turns one record into a page, a feed, a skip, or null for records that never hold content. */
async function readRecord(record: WARCRecord, origin: string, maxBytes: number): Promise<RecordResult> {
  const type = record.warcType;
  if (type !== 'response' && type !== 'resource') return null;
  let contentType: string | null;
  let encoding = '';
  if (type === 'response') {
    const http = record.httpHeaders;
    const status = Number(http?.statusCode);
    if (!http || !(status >= 200 && status < 300)) {
      return { kind: 'skip', reason: `HTTP status ${http?.statusCode || 'missing'}` };
    }
    contentType = http.headers.get('content-type') ?? null;
    encoding = (http.headers.get('content-encoding') ?? '').trim().toLowerCase();
  } else {
    contentType = record.warcHeader('Content-Type') ?? null;
  }
  const media = mediaKind(contentType);
  if (media === 'other') return { kind: 'skip', reason: `content type ${contentType}` };
  if (!DECODED_BY_WARCIO.has(encoding) && encoding !== 'br') {
    return { kind: 'error', origin, error: `unsupported Content-Encoding: ${encoding}` };
  }
  const read = await readCapped(record, maxBytes);
  let body = read.body;
  if (body && encoding === 'br') {
    try {
      body = brotliDecompressSync(body, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') {
        return { kind: 'error', origin, error: `corrupt brotli body: ${describeError(error)}` };
      }
      body = null;
    }
  }
  if (!body) {
    // an oversized API response or data file of a vague type is not worth an error
    const text = headText(read.head, SNIFF_BYTES);
    if (media === 'maybe' && encoding !== 'br' && !looksLikeHtml(text) && !sniffFeed(text)) {
      return { kind: 'skip', reason: `larger than ${maxBytes} bytes and neither HTML nor a feed` };
    }
    return { kind: 'error', origin, error: `body larger than ${maxBytes} bytes` };
  }
  const url = record.warcTargetURI ?? null;
  const head = headText(body, SNIFF_BYTES);
  if (media === 'html' || (media === 'maybe' && looksLikeHtml(head))) {
    return { kind: 'page', url, body, contentType, origin };
  }
  const format = sniffFeed(head);
  if (media === 'feed' || format) {
    return { kind: 'feed', url: url ?? (format ? feedUrlFromFeed(head, format) : null), body, origin };
  }
  return { kind: 'skip', reason: `content type ${contentType ?? 'missing'} and neither HTML nor a feed` };
}

/** Reads the rest of a record's block; its remaining length tells whether the file ended early. */
async function drain(raw: LimitReader): Promise<void> {
  for await (const _chunk of raw) {
    // discard: only the position in the stream matters
  }
}

/** Yields the pages and feeds of one WARC file; a damaged file ends with one error record. */
export async function* readWarc(path: string, ctx: WarcContext): AsyncGenerator<ImportRecord> {
  const source = warcBytes(path);
  const parser = new WARCParser(new AsyncIterReader(source, null));
  let origin = path;
  try {
    for (let record = await parser.parse(); record; record = await parser.parse()) {
      origin = `${path}#${parser.offset}`;
      if (!record.warcHeaders.statusline.startsWith(WARC_MAGIC)) {
        throw new LedeError('import_corrupt_warc', 'corrupt WARC: record does not start with a WARC/ line');
      }
      // taken before any decoding starts: warcio refuses raw access afterwards
      const raw = record.reader;
      if (!(raw instanceof LimitReader) || !record.warcHeader('Content-Length')) {
        throw new LedeError('import_corrupt_warc', 'corrupt WARC: record without Content-Length');
      }
      const result = await readRecord(record, origin, ctx.maxBytes);
      await drain(raw);
      // warcio would loop forever skipping a block the file does not have, so stop here
      if (raw.limit > 0) {
        throw new LedeError('import_truncated_warc', `truncated WARC: record ends ${raw.limit} bytes early`);
      }
      if (result?.kind === 'skip') ctx.skip(origin, result.reason);
      else if (result) yield result;
    }
  } catch (error) {
    yield { kind: 'error', origin, error: describeError(error) };
  } finally {
    await source.return(undefined);
  }
}
