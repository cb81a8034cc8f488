import { describe, expect, it } from 'vitest';
import {
  estimateDf,
  freshness,
  phraseOf,
  plainText,
  queryTerms,
  rankCandidates,
  termCounter,
  wordCount,
} from './search-rank.js';

const c = (rid: number, title: string, lead: string, sortAt = '2026-11-01T00:00:00Z') => ({
  rid,
  id: `a${rid}`,
  title,
  description: null,
  lead,
  sortAt,
});

describe('search ranking', () => {
  it('reads the terms of an FTS query, phrases split and prefixes kept', () => {
    expect(queryTerms('"troops" "north korea" "minis"*')).toEqual([
      { term: 'troop', prefix: false, fts: '"troops"' },
      { term: 'north', prefix: false, fts: '"north"' },
      { term: 'korea', prefix: false, fts: '"korea"' },
      { term: 'minis', prefix: true, fts: '"minis"*' },
    ]);
  });

  it('counts the words of a field and the forms of a term in it, as the index would match them', () => {
    const text = plainText(
      'Troops: the troop, TROOPING troopers; Café cafés — Trooped. Policies of a policy',
    );
    expect(wordCount(text)).toBe(12);
    expect(termCounter('troop', false)(text)).toBe(4);
    expect(termCounter('cafe', false)(text)).toBe(2);
    expect(termCounter('policy', false)(text)).toBe(2);
    expect(termCounter('troop', true)(text)).toBe(5);
    expect(termCounter('oop', false)(text)).toBe(0);
    expect(wordCount(plainText('وزير الخارجية يزور'))).toBe(3);
    expect(termCounter('اردن', false)(plainText('عن إسرائيل والأردن في'))).toBe(1);
  });

  it('scales relevance by freshness: all when fresh, 80% at a week, towards 60% when old', () => {
    const now = Date.parse('2026-11-28T00:00:00Z');
    expect(freshness('2026-11-28T00:00:00Z', now)).toBe(1);
    expect(freshness('2026-11-21T00:00:00Z', now)).toBeCloseTo(0.8);
    expect(freshness('2020-01-01T00:00:00Z', now)).toBeCloseTo(0.6, 2);
    expect(phraseOf('"prime minister" "talks"')).toBe('prime minister');
    expect(phraseOf('"talks"')).toBeNull();
  });

  it('estimates document frequency from how densely the newest matches sit', () => {
    expect(estimateDf([10, 7, 3], 200, 1000)).toBe(3);
    // 200 matches among the newest 400 rowids of 1,000,000: about half of all documents
    const rowids = Array.from({ length: 200 }, (_, i) => 1_000_000 - i * 2);
    expect(estimateDf(rowids, 200, 1_000_000)).toBeCloseTo(500_000, -4);
  });

  it('ranks title matches first, rarer terms higher, fresher articles higher at equal text', () => {
    const ranked = rankCandidates(
      [
        c(1, 'Weather today', 'The desalination plant opened.'),
        c(2, 'Desalination plant opens', 'A plant opened.'),
      ],
      [{ term: 'desalination', prefix: false, df: 2 }],
      1000,
      Date.parse('2026-11-02T00:00:00Z'),
      null,
    ).sort((a, b) => b.score - a.score);
    expect(ranked.map((r) => r.candidate.rid)).toEqual([2, 1]);
    const byAge = rankCandidates(
      [
        c(1, 'Tanker seized', 'A tanker.', '2026-01-01T00:00:00Z'),
        c(2, 'Tanker seized', 'A tanker.', '2026-11-27T00:00:00Z'),
      ],
      [{ term: 'tanker', prefix: false, df: 2 }],
      1000,
      Date.parse('2026-11-28T00:00:00Z'),
      null,
    );
    expect(byAge[1].score).toBeGreaterThan(byAge[0].score);
  });
});
