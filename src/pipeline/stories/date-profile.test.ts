import { describe, expect, it } from 'vitest';
import { addDate, consensus, dateFactor, emptyProfile, mergeProfiles } from './date-profile.js';

const SAT = 1 << 5;
const SUN = 1 << 6;

describe('date profiles', () => {
  // three reports of a 2008 event, one of which looks back at 2005
  const story = emptyProfile();
  addDate(story, { years: [2008], days: SAT });
  addDate(story, { years: [2008, 2005], days: SAT });
  addDate(story, { years: [2008], days: 0 });
  addDate(story, { years: [], days: 0 });

  it('goes with what most dating members say, not with every date ever named', () => {
    expect(dateFactor({ years: [2008], days: SAT }, story, 0.5)).toBe(1);
    // a look-back year named by one member in three: half way to the full penalty
    expect(dateFactor({ years: [2005], days: 0 }, story, 0.5)).toBeCloseTo(0.5 + 0.5 * (1 / 3 / 0.5));
    expect(dateFactor({ years: [2012], days: 0 }, story, 0.5)).toBe(0.5);
    // another year and another weekday: both penalties
    expect(dateFactor({ years: [2012], days: SUN }, story, 0.5)).toBe(0.25);
  });

  it('takes silence for no evidence', () => {
    expect(dateFactor({ years: [], days: 0 }, story, 0.5)).toBe(1);
    expect(dateFactor({ years: [2012], days: SUN }, emptyProfile(), 0.5)).toBe(1);
  });

  it('merges counts and reads a story as its consensus dates', () => {
    const other = emptyProfile();
    addDate(other, { years: [2008], days: SUN });
    mergeProfiles(other, story);
    expect(other.yearNamers).toBe(4);
    expect(other.years.get(2008)).toBe(4);
    expect(consensus(other)).toEqual({ years: [2008], days: SAT });
  });
});
