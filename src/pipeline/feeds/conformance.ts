// Entry point for the corpus checker (../shared/corpus/feeds/check.mjs): `parse` is parseFeed.
//   npx tsx ../shared/corpus/feeds/check.mjs src/pipeline/feeds/conformance.ts
//   (or after `npm run build`: node ../shared/corpus/feeds/check.mjs dist/pipeline/feeds/conformance.js)
export { parseFeed as parse } from './parse.js';
