// The static assets, read once at start, each with a fingerprint of its bytes. Pages link to
// /assets/NAME?v=FINGERPRINT: that URL never changes meaning, so browsers may keep it a year
// (immutable), and a release that changes a file changes its URL, past any cache and the
// service worker's cache-first copy.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const dir = new URL('./assets/', import.meta.url);

export interface StaticAsset {
  type: string;
  bytes: Buffer;
  /** the first hex digits of the SHA-1 of the bytes */
  version: string;
}

function asset(name: string, type: string): StaticAsset {
  const bytes = readFileSync(new URL(name, dir));
  return { type, bytes, version: createHash('sha1').update(bytes).digest('hex').slice(0, 12) };
}

const FILES = {
  'style.css': asset('style.css', 'text/css; charset=utf-8'),
  'app.js': asset('app.js', 'text/javascript; charset=utf-8'),
  'icon.svg': asset('icon.svg', 'image/svg+xml'),
  'icon-192.png': asset('icon-192.png', 'image/png'),
  'icon-512.png': asset('icon-512.png', 'image/png'),
} satisfies Record<string, StaticAsset>;

export type AssetName = keyof typeof FILES;
/** by file name, for the route that serves them (any name may be asked for) */
export const ASSETS: Record<string, StaticAsset | undefined> = FILES;

export const SERVICE_WORKER = readFileSync(new URL('sw.js', dir)).toString('utf8');

/** The fingerprinted URL of an asset, for links in pages. */
export function assetHref(name: AssetName): string {
  return `/assets/${name}?v=${FILES[name].version}`;
}
