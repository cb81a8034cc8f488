import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  MAX_INTERVAL_SEC,
  MIN_INTERVAL_SEC,
  nextPollAfterFailure,
  nextPollAfterSuccess,
  PAUSE_AFTER_FAILURES,
  publishingGapSec,
} from './schedule.js';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const ago = (sec: number) => new Date(NOW - sec * 1000).toISOString();
const every = (sec: number, n = 10) => Array.from({ length: n }, (_, i) => ago(i * sec + 60));

describe('nextPollAfterSuccess', () => {
  it('polls a busy feed often, clamped at 5 minutes', () => {
    const plan = nextPollAfterSuccess({ itemDates: every(120), now: NOW, sourceId: 'a' });
    expect(plan.intervalSec).toBe(MIN_INTERVAL_SEC);
  });

  it('polls about twice per item for a feed publishing hourly', () => {
    const plan = nextPollAfterSuccess({ itemDates: every(3600), now: NOW, sourceId: 'a' });
    expect(plan.intervalSec).toBe(1800);
    const delay = (Date.parse(plan.nextPollAt) - NOW) / 1000;
    expect(delay).toBeGreaterThanOrEqual(1800 * 0.9);
    expect(delay).toBeLessThanOrEqual(1800 * 1.1);
  });

  it('slows down for a weekly feed and a feed gone quiet, clamped at 24 hours', () => {
    expect(
      nextPollAfterSuccess({ itemDates: every(7 * 86400, 4), now: NOW, sourceId: 'a' }).intervalSec,
    ).toBe(MAX_INTERVAL_SEC);
    // hourly until 3 days ago, then nothing
    const quiet = every(3600).map((d) => new Date(Date.parse(d) - 3 * 86400_000).toISOString());
    expect(nextPollAfterSuccess({ itemDates: quiet, now: NOW, sourceId: 'a' }).intervalSec).toBeGreaterThan(
      12 * 3600,
    );
  });

  it('smooths against the previous interval and drifts slowly without dates', () => {
    const smoothed = nextPollAfterSuccess({
      itemDates: every(3600),
      previousIntervalSec: 7200,
      now: NOW,
      sourceId: 'a',
    });
    expect(smoothed.intervalSec).toBe((7200 + 1800) / 2);
    expect(
      nextPollAfterSuccess({ itemDates: [], previousIntervalSec: 3600, now: NOW, sourceId: 'a' }).intervalSec,
    ).toBe(5400);
    expect(nextPollAfterSuccess({ itemDates: [null, 'garbage'], now: NOW, sourceId: 'a' }).intervalSec).toBe(
      3600,
    );
  });

  it('ignores dates in the future and duplicates', () => {
    expect(publishingGapSec([ago(-86400 * 30), ago(600), ago(600)], NOW)).toBeNull();
  });

  it('spreads sources with the same rate, stably per source', () => {
    const at = (id: string) =>
      nextPollAfterSuccess({ itemDates: every(3600), now: NOW, sourceId: id }).nextPollAt;
    const times = new Set(Array.from({ length: 50 }, (_, i) => at(`source-${i}`)));
    expect(times.size).toBeGreaterThan(40);
    expect(at('source-7')).toBe(at('source-7'));
  });
});

describe('nextPollAfterFailure', () => {
  it('backs off exponentially from 5 minutes', () => {
    const delays = [1, 2, 3, 4].map(
      (n) => nextPollAfterFailure({ errorCount: n, now: NOW, sourceId: 'x' }).delaySec!,
    );
    for (let i = 1; i < delays.length; i++) expect(delays[i] / delays[i - 1]).toBeCloseTo(2, 1);
    expect(delays[0]).toBeGreaterThanOrEqual(270);
    expect(delays[0]).toBeLessThanOrEqual(330);
  });

  it('caps the delay at about a day and honours Retry-After', () => {
    const late = nextPollAfterFailure({ errorCount: PAUSE_AFTER_FAILURES - 1, now: NOW, sourceId: 'x' });
    expect(late.delaySec).toBeLessThanOrEqual(MAX_INTERVAL_SEC * 1.1);
    const ra = nextPollAfterFailure({ errorCount: 1, now: NOW, sourceId: 'x', retryAfterSec: 7200 });
    expect(ra.delaySec).toBe(7200);
  });

  it('pauses after a long streak, with the reason', () => {
    const plan = nextPollAfterFailure({
      errorCount: PAUSE_AFTER_FAILURES,
      now: NOW,
      sourceId: 'x',
      lastError: 'fetch_timeout: took longer than 30000 ms',
    });
    expect(plan.nextPollAt).toBeNull();
    expect(plan.pausedReason).toBe(
      `paused after ${PAUSE_AFTER_FAILURES} consecutive failures: fetch_timeout: took longer than 30000 ms`,
    );
  });

  it('pauses at once on a refusal or 410 Gone', () => {
    expect(
      nextPollAfterFailure({ errorCount: 1, now: NOW, sourceId: 'x', errorCode: 'fetch_refused_address' })
        .pausedReason,
    ).toMatch(/paused/);
    expect(
      nextPollAfterFailure({ errorCount: 1, now: NOW, sourceId: 'x', status: 410 }).pausedReason,
    ).toMatch(/410/);
    expect(
      nextPollAfterFailure({ errorCount: 1, now: NOW, sourceId: 'x', status: 500 }).pausedReason,
    ).toBeNull();
  });
});

describe('backoffDelayMs', () => {
  it('doubles up to the cap with jitter in the upper half', () => {
    expect(backoffDelayMs(0, { baseMs: 1000, random: () => 0 })).toBe(500);
    expect(backoffDelayMs(3, { baseMs: 1000, random: () => 1 })).toBe(8000);
    expect(backoffDelayMs(20, { baseMs: 1000, maxMs: 60_000, random: () => 0.5 })).toBe(45_000);
  });
});
