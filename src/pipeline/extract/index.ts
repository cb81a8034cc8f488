// The extract stage: HTML (or raw bytes) -> article fields, in-process or in a worker pool.
export { decodeHtml, extractFromBytes } from './decode.js';
export { extractArticle, MAX_HTML_CHARS } from './extract.js';
export { createExtractorPool, type ExtractorPool, type ExtractorPoolOptions } from './pool.js';
export { sanitizeArticleHtml } from './sanitize.js';
export { SITE_RULES, type SiteRule } from './site-rules.js';
export type { ExtractedArticle } from './types.js';
