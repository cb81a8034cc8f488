// WebSub (W3C) subscriber side: ask a hub to push a topic to our callback, answer the hub's
// verification of intent, and check the signature of pushed content. The web route calls these.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LedeError } from '../../lib/errors.js';
import type { Fetcher } from './types.js';

/**
 * Our callback for a source, or null when WebSub cannot be used (no LEDE_PUBLIC_URL, so hubs
 * could not reach us). The web route serves GET/POST at `/websub/:sourceId`.
 */
export function callbackUrlFor(publicUrl: string | null | undefined, sourceId: string): string | null {
  if (!publicUrl) return null;
  return `${publicUrl.replace(/\/+$/, '')}/websub/${encodeURIComponent(sourceId)}`;
}

/** A fresh per-subscription HMAC secret (48 hex chars; the spec wants under 200 bytes). */
export function newSecret(): string {
  return randomBytes(24).toString('hex');
}

export interface SubscribeRequest {
  hub: string;
  topic: string;
  callbackUrl: string;
  /** HMAC secret the hub signs content with (W3C: under 200 bytes) */
  secret?: string | null;
  leaseSeconds?: number;
  mode?: 'subscribe' | 'unsubscribe';
}

/**
 * Sends the subscription request through the safe client (the hub is a stranger's host).
 * Resolves once the hub accepted it (2xx, usually 202); the hub then verifies intent on the callback.
 */
export async function subscribe(fetcher: Pick<Fetcher, 'fetch'>, request: SubscribeRequest): Promise<void> {
  if (request.secret && Buffer.byteLength(request.secret) >= 200) {
    throw new LedeError('websub_bad_secret', 'WebSub secret must be shorter than 200 bytes');
  }
  const form = new URLSearchParams({
    'hub.callback': request.callbackUrl,
    'hub.mode': request.mode ?? 'subscribe',
    'hub.topic': request.topic,
  });
  if (request.leaseSeconds) form.set('hub.lease_seconds', String(request.leaseSeconds));
  if (request.secret) form.set('hub.secret', request.secret);
  await fetcher.fetch(request.hub, {
    kind: 'other',
    method: 'POST',
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    // a hub endpoint is an API the publisher pointed us to, not a crawled page
    robots: false,
  });
}

export interface IntentExpectation {
  topic: string;
  /** modes we asked for; default both */
  modes?: Array<'subscribe' | 'unsubscribe'>;
}

export interface VerifiedIntent {
  /** echo this as the plain-text 200 body */
  challenge: string;
  mode: 'subscribe' | 'unsubscribe';
  leaseSeconds: number | null;
}

type Query = Record<string, string | string[] | undefined> | URLSearchParams;

function param(query: Query, name: string): string | null {
  const value = query instanceof URLSearchParams ? query.get(name) : query[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/**
 * Checks the hub's GET to our callback. Returns what to answer, or null to answer 404
 * (a topic we did not ask for, or a malformed request).
 */
export function verifyIntent(query: Query, expected: IntentExpectation | string): VerifiedIntent | null {
  const want = typeof expected === 'string' ? { topic: expected } : expected;
  const mode = param(query, 'hub.mode');
  const topic = param(query, 'hub.topic');
  const challenge = param(query, 'hub.challenge');
  if (mode !== 'subscribe' && mode !== 'unsubscribe') return null;
  if (!(want.modes ?? ['subscribe', 'unsubscribe']).includes(mode)) return null;
  if (!topic || topic !== want.topic) return null;
  if (!challenge || challenge.length > 1024) return null;
  const lease = Number(param(query, 'hub.lease_seconds'));
  return { challenge, mode, leaseSeconds: Number.isInteger(lease) && lease > 0 ? lease : null };
}

const ALGORITHMS: Record<string, string> = {
  sha1: 'sha1',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
};

/**
 * Checks `X-Hub-Signature: method=hex` over the raw pushed body. Content whose signature does
 * not match must be ignored (but still acknowledged with 2xx, per the spec).
 */
export function verifySignature(
  body: Buffer | string,
  header: string | null | undefined,
  secret: string,
): boolean {
  const match = /^\s*(sha1|sha256|sha384|sha512)=([0-9a-f]+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const algorithm = ALGORITHMS[match[1].toLowerCase()];
  const expected = createHmac(algorithm, secret).update(body).digest();
  const given = Buffer.from(match[2], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
