// Shape and helpers shared by the default source lists (default-sources*.ts).
import type { Category, NewSource } from '../domain/types.js';

export type DefaultSource = NewSource & {
  homepage: string;
  country: string;
  language: string;
  topics: Category[];
  kind: 'feed';
};

/** Countries counted as the Middle East and North Africa (for coverage checks and filters). */
export const MENA_COUNTRIES: ReadonlySet<string> = new Set(
  'AE BH DZ EG IL IQ IR JO KW LB LY MA OM PS QA SA SD SY TN TR YE'.split(' '),
);

export const NEWS: Category[] = ['world', 'politics'];
export const NEWS_BIZ: Category[] = ['world', 'politics', 'business'];

export function feed(
  name: string,
  feedUrl: string,
  homepage: string,
  country: string,
  language: string,
  topics: Category[] = NEWS,
): DefaultSource {
  // a copy, so that one entry's topics never alias another's
  return { name, feedUrl, homepage, country, language, topics: [...topics], kind: 'feed' };
}
