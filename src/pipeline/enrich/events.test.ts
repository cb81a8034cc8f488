import { describe, expect, it } from 'vitest';
import { findEvents } from './events.js';

const TEXT =
  'The talks began on Thursday. Sales fell last year. The company was founded in 2019. ' +
  'On March 5, 2024 he resigned. Right now it is calm. He said 10/12 people came.';

describe('findEvents', () => {
  it('resolves relative dates against the publication date, as precise as the text', () => {
    expect(findEvents(TEXT, '2025-03-14T10:00:00Z').map((e) => [e.date, e.text])).toEqual([
      ['2025-03-13', 'The talks began on Thursday.'],
      ['2024', 'Sales fell last year.'],
      ['2019', 'The company was founded in 2019.'],
      ['2024-03-05', 'On March 5, 2024 he resigned.'],
    ]);
  });

  it('keeps only dates that name their year when there is no publication date', () => {
    expect(findEvents(TEXT, null).map((e) => e.date)).toEqual(['2019', '2024-03-05']);
    expect(findEvents(TEXT, 'not a date').map((e) => e.date)).toEqual(['2019', '2024-03-05']);
  });

  it('wakes on capitalised month names however they are followed, not on words that start like one', () => {
    const text =
      "In November, the plan changed. October's vote was close. USA TODAY said the market may decide.";
    expect(findEvents(text, '2025-03-14T10:00:00Z').map((e) => [e.date, e.text])).toEqual([
      ['2024-11', 'In November, the plan changed.'],
      ['2024-10', "October's vote was close."],
    ]);
  });

  it('gives offsets of the statement sentence and survives bad input', () => {
    for (const e of findEvents(TEXT, '2025-03-14')) expect(TEXT.slice(e.start, e.end)).toBe(e.text);
    expect(findEvents('', '2025-01-01')).toEqual([]);
    const long = 'Monday '.repeat(20000);
    const t0 = Date.now();
    findEvents(long, '2025-01-01');
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
