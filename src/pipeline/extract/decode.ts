// Raw bytes in (the `base64` form of `lede extract --jsonl`, a file, a fetched body): decode with
// the fetch stage's rules (BOM, HTTP charset, <meta charset>, then a UTF-8/windows-1252 guess).
import { decodeBody } from '../fetch/charset.js';
import { extractArticle } from './extract.js';
import type { ExtractedArticle } from './types.js';

export function decodeHtml(body: Buffer, contentType?: string | null): string {
  return decodeBody(body, contentType ?? null, 'html').text;
}

export function extractFromBytes(body: Buffer, url: string, contentType?: string | null): ExtractedArticle {
  return extractArticle(decodeHtml(body, contentType), url);
}
