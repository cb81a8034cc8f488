// The neutral Result model of ../shared/corpus/feeds/README.md: what parseFeed returns, before
// adaptation to the domain. Absent values are null; lists are always present.

export interface Person {
  name: string | null;
  email: string | null;
  url: string | null;
}
export interface Category {
  term: string | null;
  scheme: string | null;
  label: string | null;
}
export interface Enclosure {
  url: string;
  type: string | null;
  length: number | null;
}
export interface FeedImage {
  url: string | null;
  title: string | null;
  link: string | null;
  width: number | null;
  height: number | null;
}

export interface ResultFeed {
  title: string | null;
  link: string | null;
  description: string | null;
  language: string | null;
  id: string | null;
  copyright: string | null;
  generator: string | null;
  icon: string | null;
  updated: string | null;
  published: string | null;
  image: FeedImage | null;
  authors: Person[];
  categories: Category[];
  /** WebSub hub (atom:link rel="hub"); not in the corpus model, used by the domain adapter */
  hub: string | null;
}

export interface ResultItem {
  id: string | null;
  title: string | null;
  link: string | null;
  summary: string | null;
  contentHtml: string | null;
  published: string | null;
  updated: string | null;
  authors: Person[];
  categories: Category[];
  enclosures: Enclosure[];
  comments: string | null;
  image: { url: string } | null;
  language: string | null;
  /** not in the corpus model: a non-HTML alternate (or other) link, for the domain adapter when
   * `link` is not an http URL (an Atom entry whose only alternate is a PDF) */
  otherLink: string | null;
}

export interface Result {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  version: string | null;
  wellFormed: boolean;
  errors: string[];
  feed: ResultFeed;
  items: ResultItem[];
}
