// Offline import: reads saved pages, feed files and WARC archives for `lede import`.
export { readImportPaths } from './read.js';
export { type FeedFormat, pageUrlFromHtml, sniffFeed } from './sniff.js';
export { DEFAULT_MAX_BYTES, type ImportOptions, type ImportRecord } from './types.js';
