// The public feeds Lede starts with on a fresh install (seeded by pipeline/seed-sources.ts).
// Country is the publisher's (ISO 3166-1 alpha-2), language the feed's (ISO 639-1); topics are
// category slugs from domain/types.ts. The Middle East and North Africa are covered on purpose
// (default-sources-mena.ts): regional outlets in English, Arabic and French, plus the Arabic and
// Persian services of international broadcasters.
import { type DefaultSource, feed, NEWS_BIZ } from './default-sources-entry.js';
import { menaSources } from './default-sources-mena.js';

export type { DefaultSource } from './default-sources-entry.js';
export { MENA_COUNTRIES } from './default-sources-entry.js';

const worldSources: DefaultSource[] = [
  // Europe
  feed(
    'BBC News World',
    'https://feeds.bbci.co.uk/news/world/rss.xml',
    'https://www.bbc.com/news/world',
    'GB',
    'en',
  ),
  feed(
    'BBC News Business',
    'https://feeds.bbci.co.uk/news/business/rss.xml',
    'https://www.bbc.com/news/business',
    'GB',
    'en',
    ['business'],
  ),
  feed(
    'BBC News Technology',
    'https://feeds.bbci.co.uk/news/technology/rss.xml',
    'https://www.bbc.com/news/technology',
    'GB',
    'en',
    ['technology'],
  ),
  feed(
    'BBC News Health',
    'https://feeds.bbci.co.uk/news/health/rss.xml',
    'https://www.bbc.com/news/health',
    'GB',
    'en',
    ['health'],
  ),
  feed(
    'BBC News Entertainment & Arts',
    'https://feeds.bbci.co.uk/news/entertainment_and_arts/rss.xml',
    'https://www.bbc.com/news/entertainment_and_arts',
    'GB',
    'en',
    ['entertainment'],
  ),
  feed('BBC Sport', 'https://feeds.bbci.co.uk/sport/rss.xml', 'https://www.bbc.com/sport', 'GB', 'en', [
    'sports',
  ]),
  feed(
    'The Guardian World',
    'https://www.theguardian.com/world/rss',
    'https://www.theguardian.com/world',
    'GB',
    'en',
  ),
  feed(
    'The Guardian Environment',
    'https://www.theguardian.com/environment/rss',
    'https://www.theguardian.com/environment',
    'GB',
    'en',
    ['environment'],
  ),
  feed(
    'The Guardian Life & Style',
    'https://www.theguardian.com/lifeandstyle/rss',
    'https://www.theguardian.com/lifeandstyle',
    'GB',
    'en',
    ['lifestyle'],
  ),
  feed('RTÉ News', 'https://www.rte.ie/news/rss/news-headlines.xml', 'https://www.rte.ie/news/', 'IE', 'en'),
  feed('DW English', 'https://rss.dw.com/rdf/rss-en-all', 'https://www.dw.com/en/', 'DE', 'en'),
  feed('Tagesschau', 'https://www.tagesschau.de/xml/rss2', 'https://www.tagesschau.de/', 'DE', 'de'),
  feed(
    'Der Spiegel',
    'https://www.spiegel.de/schlagzeilen/index.rss',
    'https://www.spiegel.de/',
    'DE',
    'de',
    NEWS_BIZ,
  ),
  feed('Die Zeit', 'https://newsfeed.zeit.de/index', 'https://www.zeit.de/', 'DE', 'de'),
  feed('France 24', 'https://www.france24.com/fr/rss', 'https://www.france24.com/fr/', 'FR', 'fr'),
  feed('France 24 English', 'https://www.france24.com/en/rss', 'https://www.france24.com/en/', 'FR', 'en'),
  feed('Le Monde', 'https://www.lemonde.fr/rss/une.xml', 'https://www.lemonde.fr/', 'FR', 'fr'),
  feed(
    'Le Figaro',
    'https://www.lefigaro.fr/rss/figaro_actualites.xml',
    'https://www.lefigaro.fr/',
    'FR',
    'fr',
  ),
  feed(
    'El País',
    'https://feeds.elpais.com/mrss-s/pages/ep/site/elpais.com/portada',
    'https://elpais.com/',
    'ES',
    'es',
  ),
  feed(
    'El Mundo',
    'https://e00-elmundo.uecdn.es/elmundo/rss/portada.xml',
    'https://www.elmundo.es/',
    'ES',
    'es',
  ),
  feed('ANSA', 'https://www.ansa.it/sito/ansait_rss.xml', 'https://www.ansa.it/', 'IT', 'it'),
  feed(
    'la Repubblica',
    'https://www.repubblica.it/rss/homepage/rss2.0.xml',
    'https://www.repubblica.it/',
    'IT',
    'it',
  ),
  feed('NOS Nieuws', 'https://feeds.nos.nl/nosnieuwsalgemeen', 'https://nos.nl/', 'NL', 'nl'),

  // Americas
  feed('NPR News', 'https://feeds.npr.org/1001/rss.xml', 'https://www.npr.org/', 'US', 'en'),
  feed(
    'The New York Times World',
    'https://rss.nytimes.com/services/xml/rss/nyt/World.xml',
    'https://www.nytimes.com/section/world',
    'US',
    'en',
  ),
  feed(
    'Ars Technica',
    'https://feeds.arstechnica.com/arstechnica/index',
    'https://arstechnica.com/',
    'US',
    'en',
    ['technology', 'science'],
  ),
  feed(
    'ScienceDaily',
    'https://www.sciencedaily.com/rss/all.xml',
    'https://www.sciencedaily.com/',
    'US',
    'en',
    ['science', 'health', 'environment'],
  ),
  feed('CBC News', 'https://www.cbc.ca/webfeed/rss/rss-topstories', 'https://www.cbc.ca/news', 'CA', 'en'),
  feed('g1', 'https://g1.globo.com/rss/g1/', 'https://g1.globo.com/', 'BR', 'pt'),
  feed(
    'Folha de S.Paulo',
    'https://feeds.folha.uol.com.br/emcimadahora/rss091.xml',
    'https://www.folha.uol.com.br/',
    'BR',
    'pt',
  ),

  // Africa, Asia and the Pacific
  feed('Mail & Guardian', 'https://mg.co.za/feed/', 'https://mg.co.za/', 'ZA', 'en'),
  feed('Premium Times', 'https://www.premiumtimesng.com/feed', 'https://www.premiumtimesng.com/', 'NG', 'en'),
  feed('NHK News', 'https://www3.nhk.or.jp/rss/news/cat0.xml', 'https://www3.nhk.or.jp/news/', 'JP', 'ja'),
  feed('Yonhap News Agency', 'https://en.yna.co.kr/RSS/news.xml', 'https://en.yna.co.kr/', 'KR', 'en'),
  feed(
    'The Times of India',
    'https://timesofindia.indiatimes.com/rssfeedstopstories.cms',
    'https://timesofindia.indiatimes.com/',
    'IN',
    'en',
  ),
  feed(
    'The Hindu',
    'https://www.thehindu.com/news/feeder/default.rss',
    'https://www.thehindu.com/',
    'IN',
    'en',
  ),
  feed(
    'ABC News (Australia)',
    'https://www.abc.net.au/news/feed/51120/rss.xml',
    'https://www.abc.net.au/news',
    'AU',
    'en',
  ),
];

export const defaultSources: DefaultSource[] = [...menaSources, ...worldSources];
