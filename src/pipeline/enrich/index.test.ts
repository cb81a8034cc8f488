import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../domain/types.js';
import { enrichArticle } from './index.js';

const BAD = [
  '',
  'no sentence ends here just words '.repeat(2000),
  `${'x'.repeat(100000)}`,
  'Mixed 中文 text, русский текст and العربية 42 % "quoted words here" he said.',
  'قال المتحدث "نحن مستعدون للحوار" يوم الخميس. وأضاف أن 30 ألف جندي وصلوا.',
  '\u0000\uD800 broken surrogate \uDC00 and "unclosed quote',
];

function spans(e: ReturnType<typeof enrichArticle>) {
  return [...e.entities, ...e.keyPoints, ...e.figures, ...e.quotes, ...e.events];
}

describe('enrichArticle', () => {
  it('fills every part of the contract for a news article', () => {
    const text =
      'Russia has massed as many as 30,000 troops near the border, according to Ukrainian officials. ' +
      'Rustem Umerov said on Thursday the talks would resume. "We are ready to meet them in Istanbul next week," he said.';
    const e = enrichArticle({
      title: 'Russia masses troops near Ukraine',
      text,
      published: '2025-03-14T10:00:00Z',
    });
    expect(e.language).toBe('en');
    expect(CATEGORIES).toContain(e.category);
    expect(e.keyPoints.length).toBeGreaterThan(0);
    expect(e.figures[0]).toMatchObject({ value: 30000, counts: 'troops', claimant: 'Ukrainian officials' });
    expect(e.quotes.find((q) => q.mention === 'he')?.speaker).toBe('Rustem Umerov');
    expect(e.events[0].date).toBe('2025-03-13');
    for (const s of spans(e)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('never crashes or hangs on bad input and keeps offsets valid', () => {
    for (const text of BAD) {
      const t0 = Date.now();
      const e = enrichArticle({ title: 'x', text, published: 'garbage' });
      expect(Date.now() - t0).toBeLessThan(5000);
      for (const s of spans(e)) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(text.length);
        expect(s.start).toBeLessThanOrEqual(s.end);
        expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    }
  });

  it('is deterministic', () => {
    const input = {
      title: 'Oil prices',
      text: 'Brent rose to $69.11 per barrel on Monday, traders said.',
      published: '2025-01-06',
    };
    expect(JSON.stringify(enrichArticle(input))).toBe(JSON.stringify(enrichArticle(input)));
  });
});
