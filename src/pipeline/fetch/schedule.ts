// Scheduler policy as pure functions: when to poll a source next, after a success (adaptive to
// its publishing rate) or a failure (exponential backoff, then pause). The store/queue applies it.
import { createHash } from 'node:crypto';

export const MIN_INTERVAL_SEC = 5 * 60;
export const MAX_INTERVAL_SEC = 24 * 3600;
export const DEFAULT_INTERVAL_SEC = 3600;
export const PAUSE_AFTER_FAILURES = 10;
/** Error codes that no amount of waiting fixes: pause at once, the operator must act. */
const PERMANENT_CODES = new Set([
  'fetch_refused_address',
  'fetch_refused_scheme',
  'fetch_refused_port',
  'fetch_bad_url',
]);

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

function toMs(t: Date | string | number): number {
  return t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
}

/** A stable number in [0, 1) per source, so its jitter is the same at every poll. */
export function stableFraction(sourceId: string): number {
  return createHash('sha256').update(sourceId).digest().readUInt32BE(0) / 2 ** 32;
}

/** Spreads sources: ±10% of the interval, fixed per source. */
function spread(intervalSec: number, sourceId: string): number {
  return Math.round(intervalSec * (1 + (stableFraction(sourceId) - 0.5) * 0.2));
}

/**
 * Exponential backoff with "equal jitter": half the capped delay is fixed, half random, so
 * retries never stampede and never come back instantly.
 */
export function backoffDelayMs(
  attempt: number,
  opts: { baseMs?: number; maxMs?: number; random?: () => number } = {},
): number {
  const base = opts.baseMs ?? 1000;
  const cap = Math.min(opts.maxMs ?? 60_000, base * 2 ** Math.max(0, attempt));
  return Math.round(cap / 2 + (opts.random ?? Math.random)() * (cap / 2));
}

/**
 * Typical seconds between items: the median gap of the newest 20 items of the last 30 days,
 * stretched when the feed has gone quiet for longer than that. Null with fewer than 2 dates.
 */
export function publishingGapSec(
  itemDates: Array<Date | string | null | undefined>,
  now: number,
): number | null {
  const since = now - 30 * 86_400_000;
  const times = [
    ...new Set(
      itemDates
        .map((d) => (d == null ? Number.NaN : toMs(d)))
        .filter((t) => Number.isFinite(t) && t >= since && t <= now + 600_000),
    ),
  ]
    .sort((a, b) => b - a)
    .slice(0, 20);
  if (times.length < 2) return null;
  const gaps = times
    .slice(1)
    .map((t, i) => (times[i] - t) / 1000)
    .sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)];
  const quietSec = Math.max(0, (now - times[0]) / 1000);
  return Math.max(median, quietSec / 2);
}

export interface SuccessInput {
  itemDates: Array<Date | string | null | undefined>;
  previousIntervalSec?: number | null;
  now: Date | string | number;
  sourceId: string;
  /** from a Retry-After on an otherwise usable answer */
  retryAfterSec?: number | null;
}

export interface SuccessPlan {
  intervalSec: number;
  nextPollAt: string;
}

/** Next poll after a successful fetch (200 or 304). */
export function nextPollAfterSuccess(input: SuccessInput): SuccessPlan {
  const now = toMs(input.now);
  const previous =
    input.previousIntervalSec && input.previousIntervalSec > 0 ? input.previousIntervalSec : null;
  const gap = publishingGapSec(input.itemDates, now);
  // Poll about twice per expected item; without dates, drift slowly towards rarer polls.
  const target = gap !== null ? gap / 2 : previous ? previous * 1.5 : DEFAULT_INTERVAL_SEC;
  // Smooth so a single burst or lull does not swing the interval to an extreme.
  const blended = previous && gap !== null ? (previous + target) / 2 : target;
  const intervalSec = Math.round(clamp(blended, MIN_INTERVAL_SEC, MAX_INTERVAL_SEC));
  const delaySec = Math.max(spread(intervalSec, input.sourceId), input.retryAfterSec ?? 0);
  return { intervalSec, nextPollAt: new Date(now + delaySec * 1000).toISOString() };
}

export interface FailureInput {
  /** consecutive failures including this one */
  errorCount: number;
  now: Date | string | number;
  sourceId: string;
  /** the LedeError code and one-line description of this failure */
  errorCode?: string | null;
  lastError?: string | null;
  /** HTTP status when the server answered */
  status?: number | null;
  retryAfterSec?: number | null;
}

export interface FailurePlan {
  /** null when paused */
  nextPollAt: string | null;
  delaySec: number | null;
  /** set when the source should stop being polled until someone resumes it */
  pausedReason: string | null;
}

/** Next poll after a failed fetch: 5 min doubling up to 24 h, paused after a long streak. */
export function nextPollAfterFailure(input: FailureInput): FailurePlan {
  const now = toMs(input.now);
  const count = Math.max(1, input.errorCount);
  const last = input.lastError ? `: ${input.lastError}` : '';
  let pausedReason: string | null = null;
  if (input.errorCode && PERMANENT_CODES.has(input.errorCode)) {
    pausedReason = `paused: this source cannot be fetched as configured${last}`;
  } else if (input.status === 410) {
    pausedReason = `paused: the server says the feed is gone (HTTP 410)${last}`;
  } else if (count >= PAUSE_AFTER_FAILURES) {
    pausedReason = `paused after ${count} consecutive failures${last}`;
  }
  if (pausedReason) return { nextPollAt: null, delaySec: null, pausedReason };
  const base = Math.min(MAX_INTERVAL_SEC, MIN_INTERVAL_SEC * 2 ** (count - 1));
  const delaySec = Math.min(
    MAX_INTERVAL_SEC * 2,
    Math.max(spread(base, input.sourceId), input.retryAfterSec ?? 0),
  );
  return { nextPollAt: new Date(now + delaySec * 1000).toISOString(), delaySec, pausedReason: null };
}
