// Small HTTP helpers of the client: URL admission, header flattening, discarding bodies.
import type { Readable } from 'node:stream';
import { FetchError } from './errors.js';

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
