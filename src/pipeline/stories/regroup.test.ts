import { describe, expect, it } from 'vitest';
import { addDate, dateFactor, emptyProfile, pairDateFactor } from './date-profile.js';
import { newStory, pairCosines, similarity, weighChannels } from './live-story.js';
import { keptStories, regroup, samePartition } from './regroup.js';
import { calendarDay } from './text.js';
import { DocumentFrequency, docFeatures } from './vectors.js';

/** A symmetric matrix from its upper triangle, row by row. */
function matrix(n: number, upper: number[]): Float64Array[] {
  const out = Array.from({ length: n }, () => new Float64Array(n));
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      out[i][j] = upper[k];
      out[j][i] = upper[k++];
    }
  return out;
}

describe('regroup', () => {
  it('links groups by their average score, and stops at the threshold', () => {
    // 0-1 and 2-3 are close pairs; across them the scores are low
    const scores = matrix(4, [0.6, 0.1, 0.1, 0.1, 0.1, 0.5]);
    const plain = { neighbours: 0, sharedWeight: 0 };
    expect(regroup(scores, { ...plain, threshold: 0.3 })).toEqual([0, 0, 2, 2]);
    expect(regroup(scores, { ...plain, threshold: 0.05 })).toEqual([0, 0, 0, 0]);
    expect(regroup(scores, { ...plain, threshold: 0.7 })).toEqual([0, 1, 2, 3]);
  });

  it('keeps apart two alike groups that share words but not neighbours', () => {
    // two events of one kind: 0-2 and 3-5 score 0.3 within, 0.25 across
    const n = 6;
    const upper: number[] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) upper.push(i < 3 === j < 3 ? 0.3 : 0.25);
    const scores = matrix(n, upper);
    // on pair scores alone, only a cut between 0.25 and 0.3 keeps the two events apart
    const plain = { neighbours: 2, sharedWeight: 0 };
    expect(regroup(scores, { ...plain, threshold: 0.24 })).toEqual([0, 0, 0, 0, 0, 0]);
    expect(regroup(scores, { ...plain, threshold: 0.55 })).toEqual([0, 1, 2, 3, 4, 5]);
    // shared neighbours raise the pairs within each event, not the pairs across: the gap widens
    const shared = { neighbours: 2, sharedWeight: 0.3 };
    for (const threshold of [0.26, 0.4, 0.55]) {
      expect(regroup(scores, { ...shared, threshold })).toEqual([0, 0, 0, 3, 3, 3]);
    }
    // the input is left as it was
    expect(scores[0][1]).toBe(0.3);
  });

  it('lets each group keep the story holding most of it, the older on ties', () => {
    // items 0-3 came from story 0, items 4-5 from story 1
    const from = [0, 0, 0, 0, 1, 1];
    // story 0 split: its larger part keeps it, the rest (with story 1) keeps story 1
    expect([...keptStories([0, 0, 0, 3, 3, 3], from)].sort()).toEqual([
      [0, 0],
      [3, 1],
    ]);
    // all in one group: the older story keeps it, story 1 is kept by none (merged)
    expect([...keptStories([0, 0, 0, 0, 0, 0], from)]).toEqual([[0, 0]]);
    // a tie goes to the older story; a group of another's leftovers starts a new story
    expect([...keptStories([0, 0, 2, 2, 0, 0], from)].sort()).toEqual([[0, 0]]);
  });

  it('compares groupings whatever their labels', () => {
    expect(samePartition([0, 0, 2], [5, 5, 1])).toBe(true);
    expect(samePartition([0, 0, 2], [5, 1, 1])).toBe(false);
    expect(samePartition([0, 1, 2], [0, 0, 2])).toBe(false);
    expect(samePartition([0, 0, 2], [0, 1, 2])).toBe(false);
  });
});

describe('pair scores', () => {
  it('sums the same channel cosines as an article against a one-article story', () => {
    const df = new DocumentFrequency();
    const texts = [
      [
        'Quake hits Izmir',
        'A magnitude 6.1 earthquake struck Izmir on Monday, AFAD said; 14 buildings collapsed.',
      ],
      ['Izmir earthquake', 'AFAD rescuers searched 14 collapsed buildings in Izmir after the 6.1 quake.'],
      ['Goztepe win derby', 'Goztepe beat Altay 3-1 in the Izmir derby on Sunday.'],
    ];
    const weighted = texts.map(([title, text]) =>
      weighChannels(docFeatures(title, text, null), df, 100, true),
    );
    const weights = { body: 0.3, title: 0.1, names: 0.3, numbers: 0.3 };
    const pairs = pairCosines(weighted, weights);
    for (let i = 0; i < 3; i++) {
      expect(pairs[i][i]).toBe(0);
      for (let j = 0; j < 3; j++) {
        if (i === j) continue;
        const alone = newStory('s', 0, {
          id: 'x',
          order: 0,
          time: null,
          date: { year: null, days: 0, dates: [] },
          channels: weighted[j],
        });
        expect(pairs[i][j]).toBeCloseTo(similarity(weighted[i], alone, weights), 12);
      }
    }
    expect(pairs[0][1]).toBeGreaterThan(pairs[0][2]);
  });

  it('dates two articles as dateFactor dates one against a one-article profile', () => {
    const weights = { conflict: 0.7, sameDay: 0.3 };
    const dates = [
      { year: 2008, days: 1 << 5, dates: [calendarDay(10, 8)] },
      { year: 2008, days: 1 << 5, dates: [calendarDay(10, 9)] },
      { year: 2012, days: 1 << 6, dates: [calendarDay(6, 7)] },
      { year: null, days: 0, dates: [] },
      { year: 2012, days: 1 << 5, dates: [] },
    ];
    for (const a of dates)
      for (const b of dates) {
        const profile = emptyProfile();
        addDate(profile, b);
        expect(pairDateFactor(a, b, weights)).toBeCloseTo(dateFactor(a, profile, weights), 12);
      }
  });
});
