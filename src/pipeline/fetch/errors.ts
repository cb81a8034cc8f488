// Turns whatever undici, net, tls or zlib threw into one LedeError with a stable `fetch_*` code.
import { LedeError } from '../../lib/errors.js';

/** A fetch failure; `status` and `retryAfterSec` are set when the server answered. */
export class FetchError extends LedeError {
  readonly url: string;
  readonly status: number | null;
  readonly retryAfterSec: number | null;
  constructor(
    code: string,
    message: string,
    details: { url: string; status?: number | null; retryAfterSec?: number | null; cause?: unknown },
  ) {
    super(code, message, { cause: details.cause });
    this.name = 'FetchError';
    this.url = details.url;
    this.status = details.status ?? null;
    this.retryAfterSec = details.retryAfterSec ?? null;
  }
}

const TLS_CODES = new Set([
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
]);

function* chain(error: unknown): Generator<unknown> {
  let current = error;
  for (let i = 0; i < 8 && current != null; i++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

function codeOf(error: unknown): string {
  return String((error as { code?: unknown })?.code ?? '');
}

/** Maps a low-level error to a FetchError; LedeErrors already in the chain win. */
export function toFetchError(error: unknown, url: string): LedeError {
  for (const e of chain(error)) {
    if (e instanceof FetchError) return e;
    if (e instanceof LedeError) return new FetchError(e.code, e.message, { url, cause: error });
  }
  const make = (code: string, message: string) =>
    new FetchError(code, `${message} (${url})`, { url, cause: error });
  for (const e of chain(error)) {
    const code = codeOf(e);
    const message = e instanceof Error ? e.message : String(e);
    switch (code) {
      case 'UND_ERR_CONNECT_TIMEOUT':
        return make('fetch_timeout', 'connect timeout');
      case 'UND_ERR_HEADERS_TIMEOUT':
        return make('fetch_timeout', 'no response headers in time');
      case 'UND_ERR_BODY_TIMEOUT':
        return make('fetch_timeout', 'body stalled (idle timeout)');
      case 'UND_ERR_HEADERS_OVERFLOW':
        return make('fetch_bad_response', 'response headers too large');
      case 'ECONNRESET':
      case 'EPIPE':
        return make('fetch_connection_reset', 'connection reset by the server');
      case 'ECONNREFUSED':
        return make('fetch_connection_refused', 'connection refused');
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
      case 'EAI_NODATA':
      case 'EAI_NONAME':
        return make('fetch_dns', `host name not resolved (${code})`);
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
        return make('fetch_network', `network unreachable (${code})`);
      case 'Z_DATA_ERROR':
      case 'Z_BUF_ERROR':
      case 'ERR_BROTLI_DECOMPRESSION_FAILED':
        return make('fetch_bad_encoding', `corrupt compressed body: ${message}`);
    }
    if (TLS_CODES.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) {
      return make('fetch_tls', `TLS failure: ${message}`);
    }
    if (code.startsWith('HPE_')) return make('fetch_bad_response', `malformed HTTP response: ${message}`);
    if (code === 'UND_ERR_SOCKET') {
      // "other side closed" before a complete response, usually a reset or a server that hung up
      const tlsCause = /SSL|TLS|certificate/i.test(message);
      return make(tlsCause ? 'fetch_tls' : 'fetch_connection_reset', `connection closed: ${message}`);
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/SSL|TLS|certificate/i.test(message)) return make('fetch_tls', `TLS failure: ${message}`);
  return make('fetch_network', `network error: ${message}`);
}

/** Parses Retry-After (delta seconds or HTTP date) into seconds from `now`, or null. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
