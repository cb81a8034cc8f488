// What the offline import readers yield. The caller (the `lede import` command) turns pages and
// feeds into pipeline work and reports errors; readers never stop at a bad file.
import type { Logger } from '../../lib/log.js';

export type ImportRecord =
  | {
      kind: 'page';
      /** the page's address when known (WARC target, ground truth, canonical link); else null */
      url: string | null;
      body: Buffer;
      /** HTTP Content-Type from a WARC response; null for plain files */
      contentType: string | null;
      /** file path, or `warc-path#offset` (offset into the decompressed WARC stream) */
      origin: string;
    }
  | { kind: 'feed'; url: string | null; body: Buffer; origin: string }
  | { kind: 'error'; origin: string; error: string };

export interface ImportOptions {
  /** Largest body kept per page or feed, after decompression; larger ones become errors. */
  maxBytes?: number;
  logger?: Logger;
  /** Called for every file or WARC record left out on purpose (not an error). */
  onSkip?: (origin: string, reason: string) => void;
}

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/** How far into a document the URL and format sniffers look. */
export const SNIFF_BYTES = 64 * 1024;
