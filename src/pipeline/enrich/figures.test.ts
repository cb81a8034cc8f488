import { describe, expect, it } from 'vitest';
import { findFigures } from './figures.js';

const pick = (t: string) =>
  findFigures(t).map(({ text, value, valueMax, unit, counts, hedge, claimant }) => ({
    text,
    value,
    valueMax: valueMax ?? null,
    unit,
    counts,
    hedge: hedge ?? null,
    claimant,
  }));

describe('findFigures', () => {
  it('reads the issue examples', () => {
    const t =
      'Russia has massed as many as 30,000 troops near the border, according to Ukrainian officials. ' +
      'Estimates range from 10,000 to 20,000. North Korea sent nine million artillery shells. ' +
      'Brent rose to $69.11 per barrel. The army carried out 82 strikes.';
    expect(pick(t)).toEqual([
      {
        text: 'as many as 30,000 troops',
        value: 30000,
        valueMax: null,
        unit: null,
        counts: 'troops',
        hedge: 'as many as',
        claimant: 'Ukrainian officials',
      },
      {
        text: 'from 10,000 to 20,000',
        value: 10000,
        valueMax: 20000,
        unit: null,
        counts: null,
        hedge: 'from',
        claimant: null,
      },
      {
        text: 'nine million artillery shells',
        value: 9e6,
        valueMax: null,
        unit: null,
        counts: 'artillery shells',
        hedge: null,
        claimant: null,
      },
      {
        text: '$69.11 per barrel',
        value: 69.11,
        valueMax: null,
        unit: 'USD per barrel',
        counts: null,
        hedge: null,
        claimant: null,
      },
      {
        text: '82 strikes',
        value: 82,
        valueMax: null,
        unit: null,
        counts: 'strikes',
        hedge: null,
        claimant: null,
      },
    ]);
  });

  it('reads percentages, scales, currencies and claimants from "X said"', () => {
    const f = pick(
      'Inflation fell to 3.5% in March, the central bank said. The firm lost £1.5bn. Up to 12 million people voted, up 4 per cent.',
    );
    expect(f.map((x) => [x.text, x.value, x.unit])).toEqual([
      ['3.5%', 3.5, '%'],
      ['£1.5bn', 1.5e9, 'GBP'],
      ['Up to 12 million people', 12e6, null],
      ['4 per cent', 4, '%'],
    ]);
    expect(f[0].claimant).toBe('the central bank');
  });

  it('reads "and" as a range only after "between", and rupees', () => {
    const f = pick('Batteries of 71 kWh and 95 kWh. Between 3 and 4 million people. It costs Rs 300.');
    expect(f.map((x) => [x.text, x.value, x.valueMax, x.unit])).toEqual([
      ['71 kWh', 71, null, 'kWh'],
      ['95 kWh', 95, null, 'kWh'],
      ['Between 3 and 4 million people', 3e6, 4e6, null],
      ['Rs 300', 300, null, 'INR'],
    ]);
  });

  it('skips years, dates, times, ordinals, model names and bare numbers', () => {
    expect(
      findFigures('In 2024, on March 5 at 5 p.m., the 3rd F-16 of COVID-19 fame flew. He is 45.'),
    ).toEqual([]);
  });

  it('returns valid offsets on bad input without hanging', () => {
    for (const t of [
      '',
      '1'.repeat(50000),
      '1,'.repeat(20000),
      `${'as many as '.repeat(5000)}5 troops`,
      'عدد ٣٠ جنديا و 30 جنود',
    ]) {
      const t0 = Date.now();
      const fs = findFigures(t);
      expect(Date.now() - t0).toBeLessThan(1500);
      for (const f of fs) expect(t.slice(f.start, f.end)).toBe(f.text);
    }
  });
});
