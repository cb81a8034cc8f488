// Feeds from a byte stream (an HTTP body, a file): bytes are read only up to the cap, so a
// 1 GB or endless body costs `maxBytes` of memory and ends in a flagged, truncated result.
import { DEFAULT_MAX_BYTES, type ParseOptions } from './document.js';
import { parseFeed } from './parse.js';
import type { Result } from './result.js';

export async function readCapped(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<{ bytes: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of source) {
    const room = maxBytes - size;
    if (chunk.length > room) {
      chunks.push(Buffer.from(chunk.subarray(0, room)));
      size += room;
      truncated = true;
      break; // leaving the loop returns the iterator, which stops the producer
    }
    chunks.push(Buffer.from(chunk));
    size += chunk.length;
  }
  return { bytes: Buffer.concat(chunks, size), truncated };
}

export async function parseFeedStream(
  source: AsyncIterable<Uint8Array>,
  url?: string | null,
  options: ParseOptions = {},
): Promise<Result> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { bytes, truncated } = await readCapped(source, maxBytes);
  const result = parseFeed(bytes, url, options);
  if (truncated) {
    result.errors.unshift(`stream cut at ${maxBytes} bytes`);
    result.wellFormed = false;
  }
  return result;
}
