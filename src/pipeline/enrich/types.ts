import type { Enrichment } from '../../domain/types.js';

export interface EnrichInput {
  title: string;
  text: string;
  url?: string | null;
  published?: string | null;
  /** language declared by the page, if any */
  language?: string | null;
}

/**
 * One enricher per file. Enrichers run in a fixed order over the same input; each reads what
 * earlier ones wrote in `result` (quotes use entities, hashtags use entities) and fills its part.
 * Deterministic; offsets are UTF-16 indices into `input.text`, end exclusive.
 */
export interface Enricher {
  readonly name: keyof Enrichment | string;
  enrich(input: EnrichInput, result: Enrichment): void;
}

export type { Enrichment };
