import { describe, expect, it } from 'vitest';
import { sentenceAt, splitSentences } from './sentences.js';

const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on sentence ends and keeps abbreviations, initials and decimals', () => {
    expect(
      texts('Mr. Smith met Dr. J. K. Rowling in the U.S. on Jan. 5. Oil rose 3.5% to $69.11. It fell.'),
    ).toEqual([
      'Mr. Smith met Dr. J. K. Rowling in the U.S. on Jan. 5.',
      'Oil rose 3.5% to $69.11.',
      'It fell.',
    ]);
  });

  it('keeps closing quotes with their sentence and does not split before a lower-case word', () => {
    expect(texts('He said: "We will win." Then he left. "Why?" she asked. ‘Fine,’ said Locke.')).toEqual([
      'He said: "We will win."',
      'Then he left.',
      '"Why?" she asked.',
      '‘Fine,’ said Locke.',
    ]);
  });

  it('treats line breaks as boundaries and numbers paragraphs', () => {
    const s = splitSentences('Headline without a stop\n\nFirst. Second.\nThird');
    expect(s.map((x) => x.paragraph)).toEqual([0, 1, 1, 2]);
  });

  it('splits CJK and Arabic terminators', () => {
    expect(texts('今日は晴れ。明日は雨！')).toEqual(['今日は晴れ。', '明日は雨！']);
    expect(texts('هل أنت بخير؟ نعم.')).toEqual(['هل أنت بخير؟', 'نعم.']);
  });

  it('bounds runs without sentence ends and returns valid spans on bad input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n\n ')).toEqual([]);
    const huge = 'word '.repeat(20000);
    const t0 = Date.now();
    const s = splitSentences(huge);
    expect(Date.now() - t0).toBeLessThan(500);
    expect(s.length).toBeGreaterThan(50);
    for (const x of s) {
      expect(x.end - x.start).toBeLessThanOrEqual(1200);
      expect(x.start).toBeGreaterThanOrEqual(0);
      expect(x.end).toBeLessThanOrEqual(huge.length);
    }
    const dots = '.'.repeat(50000);
    expect(splitSentences(dots).length).toBeGreaterThan(0);
  });

  it('finds the sentence at an offset', () => {
    const s = splitSentences('One. Two. Three.');
    expect(sentenceAt(s, 0)).toBe(0);
    expect(sentenceAt(s, 6)).toBe(1);
    expect(sentenceAt(s, 15)).toBe(2);
  });
});
