import type { Image } from '../../domain/types.js';

/** What the page says about its article (metadata.ts), carried into the result unchanged. */
export interface ArticleMetadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  language: string | null;
  description: string | null;
  section: string | null;
  paywalled: boolean;
  siteName: string | null;
  canonicalUrl: string | null;
}

/** Result of extracting one page (the `lede extract --jsonl` contract, plus metadata). */
export interface ExtractedArticle extends ArticleMetadata {
  /** body only (no headline), a line break between blocks */
  text: string;
  /** sanitized body HTML */
  html: string;
  leadImage: Image | null;
  images: Image[];
  /** set when no article body was found (text is then empty) */
  emptyReason: string | null;
}
