import { describe, expect, it } from 'vitest';
import { contentWords, selectKeyPoints } from './key-points.js';

const ARTICLE = [
  'Ukraine and Russia will hold a new round of peace talks in Istanbul next week, officials said on Thursday.',
  'The talks will focus on a prisoner exchange and a ceasefire along the front line.',
  'Ukrainian defence minister Rustem Umerov will lead the delegation.',
  'The weather in Istanbul is expected to be mild.',
  'Officials said the peace talks in Istanbul would also cover a prisoner exchange and a ceasefire.',
  'Previous rounds of talks ended without agreement on a ceasefire.',
].join(' ');

describe('selectKeyPoints', () => {
  it('returns three grounded sentences in document order', () => {
    const points = selectKeyPoints('Ukraine and Russia to hold peace talks in Istanbul', ARTICLE);
    expect(points).toHaveLength(3);
    for (const p of points) expect(ARTICLE.slice(p.start, p.end)).toBe(p.text);
    expect(points.map((p) => p.start)).toEqual([...points.map((p) => p.start)].sort((a, b) => a - b));
    expect(points[0].text).toMatch(/^Ukraine and Russia/);
  });

  it('does not repeat a point (MMR)', () => {
    const points = selectKeyPoints('Peace talks in Istanbul', ARTICLE).map((p) => p.text);
    expect(points.some((t) => t.startsWith('Officials said the peace talks'))).toBe(false);
  });

  it('handles short, empty and unpunctuated texts', () => {
    expect(selectKeyPoints('', '')).toEqual([]);
    expect(selectKeyPoints('t', 'One short line only')).toHaveLength(1);
    const run = 'word '.repeat(30000);
    const t0 = Date.now();
    const points = selectKeyPoints('x', run);
    expect(Date.now() - t0).toBeLessThan(2000);
    for (const p of points) expect(p.end).toBeLessThanOrEqual(run.length);
  });

  it('reads words the same with and without letters outside ASCII', () => {
    // curly quotes and dashes keep the character scan; "ë" and "é" send it to the Unicode regex
    expect(contentWords('The “peace” talks’ end—at 10:30… in Istanbul')).toEqual([
      'peace',
      'talks',
      'end',
      '10',
      '30',
      'istan',
    ]);
    expect(contentWords('“Zoë’s” café—OPENED in 2024')).toEqual(['zoë', 's', 'café', 'opene', '2024']);
  });
  it('reads a part of a text as that part alone, stop words in any case', () => {
    const text = 'x. SHOULD The Internationally known WOULD-be ParliamentARY said it. y';
    const part = [3, text.length - 3] as const;
    expect(contentWords(text, ...part)).toEqual(contentWords(text.slice(...part)));
    expect(contentWords(text, ...part)).toEqual(['inter', 'known', 'parli']);
    expect(contentWords('Zoë café', 4, 8)).toEqual(['café']);
  });
});
