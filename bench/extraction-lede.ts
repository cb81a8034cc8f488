// Adapter of Lede's extractor to the shared harness contract (../shared/bench/extraction/README.md).
import { extractArticle } from '../src/pipeline/extract/extract.js';

export const name = 'lede';
export const version = '0.1.0';

export function extract(html: string, url: string): { text: string } {
  return { text: extractArticle(html, url).text };
}
