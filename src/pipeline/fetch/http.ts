// Small HTTP helpers of the client: URL admission, header flattening, discarding bodies.
import type { Readable } from 'node:stream';
import { FetchError } from './errors.js';

// The Fetch standard's "bad ports": services that must not be spoken HTTP to (cross-protocol abuse).
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Parses and admits a URL: http(s) only, no bad ports, credentials and fragment dropped. */
export function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (cause) {
    throw new FetchError('fetch_bad_url', `not a valid URL: ${JSON.stringify(text).slice(0, 200)}`, {
      url: text,
      cause,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(
      'fetch_refused_scheme',
      `only http and https are fetched, not ${url.protocol} (${url.href})`,
      {
        url: url.href,
      },
    );
  }
  if (url.port && BAD_PORTS.has(Number(url.port))) {
    throw new FetchError('fetch_refused_port', `port ${url.port} is not for HTTP (${url.href})`, {
      url: url.href,
    });
  }
  if (url.username || url.password) {
    // Credentials in URLs from strangers are a phishing aid; never send them.
    url.username = '';
    url.password = '';
  }
  url.hash = '';
  return url;
}

export function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Drops a body we do not want, without reading more than a little of it. */
export async function discard(body: Readable): Promise<void> {
  try {
    await (body as Readable & { dump(o: { limit: number }): Promise<void> }).dump({ limit: 64 * 1024 });
  } catch {
    body.destroy();
  }
}
