// Reads a response body under byte caps counted while it streams in, on the wire and decoded, so
// neither a never-ending body nor a gzip bomb can take more than the cap. Small compressed bodies
// (most feed polls) are decoded in one shot with zlib's maxOutputLength, far cheaper than a zlib
// stream per response; past 64 KB the body is inflated as it arrives and counted as it grows.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { FetchError } from './errors.js';

const MAX_LAYERS = 2;
/** Compressed bodies up to this size are decoded in one shot (output still capped). */
const SYNC_DECODE_MAX = 64 * 1024;

type Coding = 'gzip' | 'br' | 'deflate';

function tooLarge(url: string, cap: number, what: string): FetchError {
  return new FetchError('fetch_too_large', `${what} exceeds the ${cap}-byte limit (${url})`, { url });
}

/** Content-Encoding as the codings to undo, outermost first. */
export function parseCodings(contentEncoding: string | null, url: string): Coding[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
  if (codings.length > MAX_LAYERS) {
    throw new FetchError('fetch_bad_encoding', `too many content codings "${contentEncoding}" (${url})`, {
      url,
    });
  }
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return 'gzip';
    if (coding === 'br' || coding === 'deflate') return coding;
    throw new FetchError('fetch_bad_encoding', `unsupported content coding "${coding}" (${url})`, { url });
  });
}

/** True when the first two bytes are a zlib header (RFC 1950). */
function isZlibHeader(data: Buffer): boolean {
  return data.length >= 2 && (data[0] & 0x0f) === 8 && ((data[0] << 8) | data[1]) % 31 === 0;
}

const SYNC_DECODERS = {
  gzip: zlib.gunzipSync,
  br: zlib.brotliDecompressSync,
  zlib: zlib.inflateSync,
  raw: zlib.inflateRawSync,
} as const;

const STREAM_DECODERS = {
  gzip: zlib.createGunzip,
  br: zlib.createBrotliDecompress,
  zlib: zlib.createInflate,
  raw: zlib.createInflateRaw,
} as const;

function decoderKind(coding: Coding, head: Buffer): keyof typeof SYNC_DECODERS {
  // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
  return coding === 'deflate' ? (isZlibHeader(head) ? 'zlib' : 'raw') : coding;
}

function zlibOptions(kind: keyof typeof SYNC_DECODERS, maxBytes?: number) {
  // A truncated stream yields what it holds, as browsers do, instead of failing outright.
  const finishFlush = kind === 'br' ? zlib.constants.BROTLI_OPERATION_FLUSH : zlib.constants.Z_SYNC_FLUSH;
  return maxBytes === undefined ? { finishFlush } : { finishFlush, maxOutputLength: maxBytes };
}

function decodeSmall(input: Buffer, coding: Coding, maxBytes: number, url: string): Buffer {
  const kind = decoderKind(coding, input);
  try {
    return SYNC_DECODERS[kind](input, zlibOptions(kind, maxBytes));
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(url, maxBytes, 'decoded body');
    }
    throw error;
  }
}

/** Streams the rest of a large compressed body through zlib, counting bytes on both sides. */
async function decodeStreaming(
  head: Buffer[],
  headSize: number,
  rest: AsyncIterator<Buffer>,
  codings: Coding[],
  options: ReadBodyOptions,
): Promise<Buffer> {
  const { url, maxBytes } = options;
  let wire = headSize;
  async function* source() {
    yield* head;
    for (;;) {
      const next = await rest.next();
      if (next.done) return;
      wire += next.value.length;
      if (wire > maxBytes) throw tooLarge(url, maxBytes, 'body');
      yield next.value;
    }
  }
  const first = Buffer.concat(head.slice(0, 2)).subarray(0, 2);
  const decoders = codings.map((coding, i) => {
    const kind = i === 0 ? decoderKind(coding, first) : coding === 'deflate' ? 'zlib' : coding;
    return STREAM_DECODERS[kind](zlibOptions(kind));
  });
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, callback) {
      size += chunk.length;
      if (size > maxBytes) return callback(tooLarge(url, maxBytes, 'decoded body'));
      chunks.push(chunk);
      callback();
    },
  });
  // The array form takes a variable number of decoders; its typings only cover fixed arity.
  const run = pipeline as unknown as (streams: unknown[]) => Promise<void>;
  await run([Readable.from(source(), { objectMode: false }), ...decoders, sink]);
  return Buffer.concat(chunks, size);
}

export interface ReadBodyOptions {
  url: string;
  contentEncoding: string | null;
  maxBytes: number;
}

/** Reads and decompresses `body`, failing with fetch_too_large as soon as a cap is passed. */
export async function readBody(body: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const { url, maxBytes } = options;
  // Validate the codings before reading, so an unsupported one costs no download.
  const codings = parseCodings(options.contentEncoding, url);
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      size += next.value.length;
      if (size > maxBytes) throw tooLarge(url, maxBytes, 'body');
      head.push(next.value);
      // A large compressed body switches to streaming, so a bomb is stopped as it inflates.
      if (codings.length > 0 && size > SYNC_DECODE_MAX) {
        return await decodeStreaming(head, size, iterator, codings, options);
      }
    }
  } catch (error) {
    body.destroy();
    throw error;
  }
  let data = head.length === 1 ? head[0] : Buffer.concat(head, size);
  // An empty body labelled gzip is common (and not a broken stream): there is nothing to decode.
  if (data.length === 0) return data;
  for (const coding of codings) data = decodeSmall(data, coding, maxBytes, url);
  return data;
}
