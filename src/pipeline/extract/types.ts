import type { Image } from '../../domain/types.js';

/** Result of extracting one page (the `lede extract --jsonl` contract, plus metadata). */
export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  language: string | null;
  description: string | null;
  section: string | null;
  paywalled: boolean;
  /** body only (no headline), a line break between blocks */
  text: string;
  /** sanitized body HTML */
  html: string;
  leadImage: Image | null;
  images: Image[];
  siteName: string | null;
  canonicalUrl: string | null;
  /** set when no article body was found (text is then empty) */
  emptyReason: string | null;
}
