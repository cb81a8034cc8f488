// Bytes or text -> the root element (items streamed to a callback) plus every problem met on
// the way. Shared by the feed and sitemap readers; the limits live here.
import { gunzipSync } from 'node:zlib';
import { LedeError } from '../../lib/errors.js';
import { decodeBytes } from './decode.js';
import { DEFAULT_LIMITS, XmlTokenizer } from './xml-tokenizer.js';
import { TreeBuilder, type XNode } from './xml-tree.js';

export interface ParseOptions {
  /** bytes read from the input; the rest is dropped and the result flagged (default 128 MiB) */
  maxBytes?: number;
  /** items kept; later ones are dropped and the result flagged (default 100,000) */
  maxItems?: number;
  maxDepth?: number;
  /** characters DTD entities may expand to in one document (default 1,000,000) */
  maxEntityExpansion?: number;
}

export const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;

export interface DecodedInput {
  text: string;
  encoding: string;
  errors: string[];
}

export function decodeInput(input: Buffer | string, options: ParseOptions = {}): DecodedInput {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const errors: string[] = [];
  if (typeof input === 'string') {
    let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.length > maxBytes) {
      text = text.slice(0, maxBytes);
      errors.push(`document truncated at ${maxBytes} characters`);
    }
    return { text, encoding: 'utf-16', errors };
  }
  let bytes = input;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // a gzipped file served as such (sitemap.xml.gz): inflate, never past the byte cap
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ERR_BUFFER_TOO_LARGE')
        throw new LedeError('feed_gzip', `bad gzip data: ${(error as Error).message}`);
      throw new LedeError('feed_too_large', `gzipped document inflates beyond ${maxBytes} bytes`);
    }
  }
  if (bytes.length > maxBytes) {
    bytes = bytes.subarray(0, maxBytes);
    errors.push(`document truncated at ${maxBytes} bytes`);
  }
  const decoded = decodeBytes(bytes);
  return { text: decoded.text, encoding: decoded.encoding, errors: [...errors, ...decoded.errors] };
}

export interface XmlDocument {
  root: XNode;
  errors: string[];
}

/** Tokenizes `text`, calling `onItem(root, item)` for each item as soon as it closes. */
export function readXml(
  text: string,
  url: string | null,
  onItem: (root: XNode, item: XNode) => void,
  options: ParseOptions = {},
): XmlDocument {
  if (!text.trim()) throw new LedeError('feed_empty', 'empty document');
  const builder = new TreeBuilder(url, (item) => onItem(builder.root as XNode, item));
  const tokenizer = new XmlTokenizer(builder, {
    maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    maxEntityExpansion: options.maxEntityExpansion ?? DEFAULT_LIMITS.maxEntityExpansion,
  });
  tokenizer.run(text);
  const root = builder.root;
  if (!root) throw new LedeError('feed_no_root', 'no XML root element');
  return { root, errors: [...tokenizer.errors, ...builder.errors] };
}
