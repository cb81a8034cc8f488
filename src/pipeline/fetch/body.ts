// Reads a response body with byte caps enforced while streaming, on the wire and after
// decompression, so neither a never-ending body nor a gzip bomb can take more than the cap.
import { type Readable, type Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { FetchError } from './errors.js';

const MAX_LAYERS = 2;

function tooLarge(url: string, cap: number, what: string): FetchError {
  return new FetchError('fetch_too_large', `${what} exceeds the ${cap}-byte limit (${url})`, { url });
}

/** Parses Content-Encoding into decoders to apply in order (last applied encoding first). */
export function decodersFor(contentEncoding: string | null, url: string, zlibDeflate: boolean): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
  if (codings.length > MAX_LAYERS) {
    throw new FetchError('fetch_bad_encoding', `too many content codings "${contentEncoding}" (${url})`, {
      url,
    });
  }
  return codings.reverse().map((coding, i) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return zlib.createGunzip();
      case 'br':
        return zlib.createBrotliDecompress();
      case 'deflate':
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
        return i === 0 && !zlibDeflate ? zlib.createInflateRaw() : zlib.createUnzip();
      default:
        throw new FetchError('fetch_bad_encoding', `unsupported content coding "${coding}" (${url})`, {
          url,
        });
    }
  });
}

/** True when the first two bytes are a zlib header (RFC 1950). */
function isZlibHeader(first: Buffer): boolean {
  return first.length >= 2 && (first[0] & 0x0f) === 8 && ((first[0] << 8) | first[1]) % 31 === 0;
}

/** Waits for the first chunk and puts it back, to sniff raw vs zlib deflate. */
async function peek(body: Readable): Promise<Buffer | null> {
  for await (const chunk of body.iterator({ destroyOnReturn: false })) {
    body.unshift(chunk);
    return chunk as Buffer;
  }
  return null;
}

export interface ReadBodyOptions {
  url: string;
  contentEncoding: string | null;
  maxBytes: number;
  signal?: AbortSignal;
}

/** Reads and decompresses `body`, failing with fetch_too_large as soon as a cap is passed. */
export async function readBody(body: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const { url, maxBytes } = options;
  const encoded = /\S/.test(options.contentEncoding ?? '');
  const first = encoded ? await peek(body) : null;
  // An empty body labelled gzip is common (and not a broken stream): there is nothing to decode.
  if (encoded && first === null) return Buffer.alloc(0);
  const decoders = decodersFor(
    options.contentEncoding,
    url,
    first && first.length >= 2 ? isZlibHeader(first) : true,
  );
  let wire = 0;
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, callback) {
      size += chunk.length;
      if (size > maxBytes)
        return callback(tooLarge(url, maxBytes, decoders.length ? 'decoded body' : 'body'));
      chunks.push(chunk);
      callback();
    },
  });
  async function* countWire(source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      wire += chunk.length;
      if (wire > maxBytes) throw tooLarge(url, maxBytes, 'body');
      yield chunk;
    }
  }
  try {
    // The array form takes a variable number of decoders; its typings only cover fixed arity.
    const run = pipeline as unknown as (streams: unknown[], opts: { signal?: AbortSignal }) => Promise<void>;
    await run([body, countWire, ...decoders, sink], { signal: options.signal });
  } catch (error) {
    body.destroy();
    for (const d of decoders) d.destroy();
    throw error;
  }
  return Buffer.concat(chunks, size);
}
