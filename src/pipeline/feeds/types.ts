import type { FeedItem } from '../../domain/types.js';

/** A feed or sitemap read and adapted to the domain: what refreshSource needs. */
export interface FeedDocument {
  format: 'rss' | 'atom' | 'rdf' | 'json' | 'sitemap' | 'sitemapindex';
  title: string | null;
  link: string | null;
  language: string | null;
  /** WebSub hub named by the feed, if any */
  hub: string | null;
  /** for sitemap indexes: the child sitemaps */
  sitemaps: string[];
  items: FeedItem[];
  wellFormed: boolean;
  errors: string[];
}
