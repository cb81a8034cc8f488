// The enrichment fixture for tests of every stage: the enrich chain's own empty result, read as
// English world news of a minute, plus what a test sets.
import type { Enrichment } from '../../src/domain/types.js';
import { createEmptyEnrichment } from '../../src/pipeline/enrich/index.js';

export function enrichment(over: Partial<Enrichment> = {}): Enrichment {
  return { ...createEmptyEnrichment(), language: 'en', category: 'world', readingMinutes: 1, ...over };
}
