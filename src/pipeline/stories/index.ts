// Public surface of the stories stage.
export { articleIdFor, canonicalizeUrl } from './canonical-url.js';
export { StoryClusterer, storyIdFor } from './clusterer.js';
export { type ClustererOptions, DEFAULT_OPTIONS } from './clusterer-options.js';
export { contentHash, normalizeText } from './fingerprint.js';
export { type NearDuplicate, NearDuplicateIndex, type NearDuplicateOptions } from './near-duplicates.js';
export { type BoardFigure, type BoardRow, numbersBoard } from './numbers-board.js';
export { type RelatedOptions, rankRelated } from './related.js';
export { buildStoryData, representativeHeadline, type SourceInfo, type StoryData } from './story-data.js';
export type { ClusterAssignment, ClusterInput } from './types.js';
export { dailyWrapUp, type WrapUp, type WrapUpEdition, type WrapUpStory } from './wrap-up.js';
