// One URL per article, whatever the variant we met it by (feed link, AMP page, mobile site,
// share link with tracking parameters). The canonical form is an identity key first and a
// working link second: every rule below drops a variant that news sites serve as the same page.
//
// Decisions:
// - `www.`, `m.`, `mobile.` and `amp.` host prefixes are dropped: publishers serve the same
//   article on both hosts (and redirect one to the other), so they must share an Article.id.
// - The scheme is kept in the canonical URL (it stays a usable link) but is not part of the id.
// - A fragment is dropped, except a `#!` hash-bang route, which names the content.
// - Parameters are sorted, so `?a=1&b=2` and `?b=2&a=1` are one article.
import { hexHash } from '../../lib/hash.js';

/** Query parameters that track the reader, never select content (compared lower-cased). */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
  'twclid',
  'ttclid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'cmpid',
  'cmp',
  'ncid',
  'ocid',
  'icid',
  'smid',
  'smtyp',
  'sr_share',
  'share',
  'shared',
  'spm',
  's_cid',
  'wt.mc_id',
  'wt.mc_ev',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'oly_enc_id',
  'oly_anon_id',
  'vero_id',
  'vero_conv',
  'rss',
  'taid',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  '__twitter_impression',
  'amp',
  'outputtype',
]);

const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'at_', 'hmb_', 'ns_', 'itm_'];

/** Host prefixes for the same site's variants. */
const VARIANT_HOST = /^(?:www\d?|m|mobile|amp)\./;

function isTracking(name: string, value: string): boolean {
  const key = name.toLowerCase();
  if (key === 'outputtype') return value.toLowerCase() === 'amp';
  if (TRACKING_PARAMS.has(key)) return true;
  return TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** Google's AMP viewer and the AMP cache wrap the publisher URL inside their own. */
function unwrapAmpCache(url: URL): URL {
  const host = url.hostname;
  const path = url.pathname;
  let inner: string | null = null;
  if (/(^|\.)google\.[a-z.]+$/.test(host) && path.startsWith('/amp/')) inner = path.slice(5);
  else if (host.endsWith('.cdn.ampproject.org')) inner = path.replace(/^\/[a-z]+\/(?:s\/)?/, '');
  if (inner === null) return url;
  const secure = inner.startsWith('s/');
  if (secure) inner = inner.slice(2);
  try {
    return new URL(
      `${secure || host.endsWith('.cdn.ampproject.org') ? 'https' : 'http'}://${inner}${url.search}`,
    );
  } catch {
    return url;
  }
}

function canonicalPath(path: string): string {
  let p = path.replace(/\/{2,}/g, '/');
  // AMP path forms: /amp, /amp/ at the end, a leading /amp/ segment, and foo.amp.html / foo.amp
  p = p.replace(/\/amp\/?$/i, '/').replace(/^\/amp\//i, '/');
  p = p.replace(/\.amp(\.html?)?$/i, (_, ext: string | undefined) => ext ?? '');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p || '/';
}

/**
 * The canonical form of an article URL (see the decisions above). A string that is not an
 * absolute http(s) URL is returned trimmed, unchanged otherwise.
 */
export function canonicalizeUrl(input: string): string {
  const raw = input.trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return raw;
  url = unwrapAmpCache(url);

  const host = url.hostname.toLowerCase().replace(/\.$/, '').replace(VARIANT_HOST, '');
  const defaultPort = url.port === '' || (url.protocol === 'http:' ? '80' : '443') === url.port;
  const port = defaultPort ? '' : `:${url.port}`;

  const params = [...url.searchParams].filter(([name, value]) => !isTracking(name, value));
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';

  const hashBang = url.hash.startsWith('#!') ? url.hash : '';
  return `${url.protocol}//${host}${port}${canonicalPath(url.pathname)}${query}${hashBang}`;
}

/** Article.id: a stable hex hash of the canonical URL, the same over http and https. */
export function articleIdFor(url: string): string {
  return hexHash(canonicalizeUrl(url).replace(/^https?:/i, ''));
}
