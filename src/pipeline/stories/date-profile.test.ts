import { describe, expect, it } from 'vitest';
import { addDate, consensus, dateFactor, emptyProfile } from './date-profile.js';
import { calendarDay } from './text.js';

const SAT = 1 << 5;
const SUN = 1 << 6;
const NOV_8 = calendarDay(10, 8);
const NOV_9 = calendarDay(10, 9);
const NOV_22 = calendarDay(10, 22);
const HALF = { conflict: 0.5, sameDay: 0 };

describe('date profiles', () => {
  // reports of a 2008 event, one of which is dated by a look-back only (2005)
  const story = emptyProfile();
  addDate(story, { year: 2008, days: SAT, dates: [NOV_8] });
  addDate(story, { year: 2008, days: SAT, dates: [NOV_8] });
  addDate(story, { year: 2005, days: 0, dates: [] });
  addDate(story, { year: null, days: 0, dates: [] });

  it('goes with what most dating members say, not with every date ever named', () => {
    expect(dateFactor({ year: 2008, days: SAT, dates: [] }, story, HALF)).toBe(1);
    // a year one dating member in three gives: half way to the full penalty
    expect(dateFactor({ year: 2005, days: 0, dates: [] }, story, HALF)).toBeCloseTo(
      0.5 + 0.5 * (1 / 3 / 0.5),
    );
    expect(dateFactor({ year: 2012, days: 0, dates: [] }, story, HALF)).toBe(0.5);
    // another year and another weekday: both penalties
    expect(dateFactor({ year: 2012, days: SUN, dates: [] }, story, HALF)).toBe(0.25);
  });

  it('counts the calendar day the story names, or the day next to it, for the story', () => {
    const weights = { conflict: 0.5, sameDay: 0.3 };
    expect(dateFactor({ year: null, days: 0, dates: [NOV_8] }, story, weights)).toBeCloseTo(1.3);
    expect(dateFactor({ year: null, days: 0, dates: [NOV_22, NOV_9] }, story, weights)).toBeCloseTo(1.3);
    // another day is no evidence against: articles name many days
    expect(dateFactor({ year: null, days: 0, dates: [NOV_22] }, story, weights)).toBe(1);
  });

  it('takes silence for no evidence', () => {
    expect(dateFactor({ year: null, days: 0, dates: [] }, story, HALF)).toBe(1);
    expect(dateFactor({ year: 2012, days: SUN, dates: [NOV_8] }, emptyProfile(), HALF)).toBe(1);
  });

  it('reads a story as its consensus dates', () => {
    const other = emptyProfile();
    addDate(other, { year: 2008, days: SUN, dates: [NOV_9] });
    for (const date of [
      { year: 2008, days: SAT, dates: [NOV_8] },
      { year: 2008, days: SAT, dates: [NOV_8] },
      { year: 2005, days: 0, dates: [] },
    ])
      addDate(other, date);
    expect(other.yearNamers).toBe(4);
    expect(other.years.get(2008)).toBe(3);
    expect(other.dateNamers).toBe(3);
    expect(consensus(other)).toEqual({ year: 2008, days: SAT, dates: [NOV_8] });
  });
});
