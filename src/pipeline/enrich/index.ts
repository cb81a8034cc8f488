// The enrich chain: every enricher in a fixed order over one input. Later enrichers read what
// earlier ones wrote (hashtags and quotes use entities), so the order is part of the contract.
import type { Enrichment } from '../../domain/types.js';
import { categoryEnricher } from './category.js';
import { entityEnricher } from './entities.js';
import { eventEnricher } from './events.js';
import { figureEnricher } from './figures.js';
import { hashtagEnricher } from './hashtags.js';
import { keyPointsEnricher } from './key-points.js';
import { languageEnricher } from './language.js';
import { quoteEnricher } from './quotes.js';
import { readingTimeEnricher } from './reading-time.js';
import type { Enricher, EnrichInput } from './types.js';

export type { Enricher, EnrichInput } from './types.js';

export const ENRICHERS: readonly Enricher[] = [
  languageEnricher,
  readingTimeEnricher,
  entityEnricher,
  hashtagEnricher,
  categoryEnricher,
  keyPointsEnricher,
  figureEnricher,
  quoteEnricher,
  eventEnricher,
];

export function createEmptyEnrichment(): Enrichment {
  return {
    language: null,
    category: null,
    entities: [],
    hashtags: [],
    keyPoints: [],
    figures: [],
    quotes: [],
    events: [],
    readingMinutes: 0,
  };
}

/** Runs the whole chain. Deterministic; offsets in the result are UTF-16 indices into input.text. */
export function enrichArticle(input: EnrichInput, enrichers: readonly Enricher[] = ENRICHERS): Enrichment {
  const safe: EnrichInput = { ...input, title: input.title ?? '', text: input.text ?? '' };
  const result = createEmptyEnrichment();
  for (const enricher of enrichers) enricher.enrich(safe, result);
  return result;
}
