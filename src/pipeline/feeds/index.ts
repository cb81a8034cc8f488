// Public face of the feeds stage: what the pipeline, CLI and web routes import.
export { adaptResult, readFeedDocument, rootElementName } from './adapt.js';
export { parseDate } from './dates.js';
export { alternateFeeds, COMMON_FEED_PATHS, discoverFeeds, robotsSitemaps } from './discover.js';
export type { ParseOptions } from './document.js';
export { type OpmlDocument, type OpmlOutline, type OpmlSource, parseOpml, writeOpml } from './opml.js';
export { parseFeed } from './parse.js';
export type { Category, Enclosure, FeedImage, Person, Result, ResultFeed, ResultItem } from './result.js';
export { parseFeedStream, readCapped } from './stream.js';
export type { FeedDocument } from './types.js';
