import type { Enrichment } from '../../domain/types.js';

export interface EnrichInput {
  title: string;
  text: string;
  url?: string | null;
  published?: string | null;
  /** language declared by the page, if any */
  language?: string | null;
}

/** One enricher per file; each fills its part of the Enrichment, deterministically. */
export type { Enrichment };
