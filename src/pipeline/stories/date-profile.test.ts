import { describe, expect, it } from 'vitest';
import { addDate, consensus, dateFactor, emptyProfile, mergeProfiles } from './date-profile.js';

const SAT = 1 << 5;
const SUN = 1 << 6;

describe('date profiles', () => {
  // reports of a 2008 event, one of which is dated by a look-back only (2005)
  const story = emptyProfile();
  addDate(story, { year: 2008, days: SAT });
  addDate(story, { year: 2008, days: SAT });
  addDate(story, { year: 2005, days: 0 });
  addDate(story, { year: null, days: 0 });

  it('goes with what most dating members say, not with every date ever named', () => {
    expect(dateFactor({ year: 2008, days: SAT }, story, 0.5)).toBe(1);
    // a year one dating member in three gives: half way to the full penalty
    expect(dateFactor({ year: 2005, days: 0 }, story, 0.5)).toBeCloseTo(0.5 + 0.5 * (1 / 3 / 0.5));
    expect(dateFactor({ year: 2012, days: 0 }, story, 0.5)).toBe(0.5);
    // another year and another weekday: both penalties
    expect(dateFactor({ year: 2012, days: SUN }, story, 0.5)).toBe(0.25);
  });

  it('takes silence for no evidence', () => {
    expect(dateFactor({ year: null, days: 0 }, story, 0.5)).toBe(1);
    expect(dateFactor({ year: 2012, days: SUN }, emptyProfile(), 0.5)).toBe(1);
  });

  it('merges counts and reads a story as its consensus dates', () => {
    const other = emptyProfile();
    addDate(other, { year: 2008, days: SUN });
    mergeProfiles(other, story);
    expect(other.yearNamers).toBe(4);
    expect(other.years.get(2008)).toBe(3);
    expect(consensus(other)).toEqual({ year: 2008, days: SAT });
  });
});
