import { describe, expect, it } from 'vitest';
import { findQuotes } from './quotes.js';
import { findQuoteSpans } from './quotes-spans.js';

const TEXT =
  'Rustem Umerov said the talks would resume. "We are ready to meet them in Istanbul next week," he said. ' +
  '“Nothing is agreed,” a spokesman for the ministry told reporters.\n' +
  "Umerov added: 'It will be a long process.' « C'est fini », a déclaré Macron. " +
  'Russia has lost as many as 30,000 troops, according to Ukrainian officials.';

describe('findQuotes', () => {
  const quotes = findQuotes(TEXT);

  it('finds direct quotes in straight, curly, single and French marks, spans without the marks', () => {
    expect(quotes.filter((q) => q.kind === 'direct').map((q) => q.text)).toEqual([
      'We are ready to meet them in Istanbul next week',
      'Nothing is agreed',
      'It will be a long process.',
      "C'est fini",
    ]);
    for (const q of quotes) expect(TEXT.slice(q.start, q.end)).toBe(q.text);
  });

  it('keeps the mention as written and resolves pronouns and surnames to the named person', () => {
    expect(quotes.map((q) => [q.mention, q.speaker])).toEqual([
      ['he', 'Rustem Umerov'],
      ['a spokesman for the ministry', null],
      ['Umerov', 'Rustem Umerov'],
      ['Macron', 'Macron'],
      ['Ukrainian officials', null],
    ]);
  });

  it('reports "according to" claims', () => {
    const claim = quotes.find((q) => q.kind === 'claim');
    expect(claim?.text).toBe('Russia has lost as many as 30,000 troops');
  });

  it('attributes inverted and subject-first forms and uses entity persons when given', () => {
    const t = '“We will not back down,” said Sen. Tim Kaine. The senator smiled.';
    expect(findQuotes(t)[0].mention).toBe('Sen. Tim Kaine');
    const u = 'Kim Jong Un met the envoy. “The door is open,” Kim said.';
    const persons = [{ text: 'Kim Jong Un', type: 'person' as const, start: 0, end: 11 }];
    expect(findQuotes(u, persons)[0].speaker).toBe('Kim Jong Un');
  });

  it('drops quoted titles and scare quotes that nobody says', () => {
    expect(findQuotes('The show “Saturday Night Live” aired a sketch about the “deal” again.')).toEqual([]);
  });

  it('treats apostrophes as apostrophes', () => {
    expect(findQuoteSpans("Clinton’s team didn't say. The players’ union met.")).toEqual([]);
  });

  it('survives bad input with valid offsets and no hang', () => {
    expect(findQuotes('')).toEqual([]);
    const bad = [
      '"'.repeat(20000),
      `${'“'.repeat(5000)}a b c`,
      `${'he said “word '.repeat(3000)}`,
      'שלום "עולם גדול" אמר הוא',
      "4. 'YOU'VE GOT TO CHECK IF THEY'RE STILL THERE!' Benaud's knowledge was matched with humour.",
    ];
    for (const t of bad) {
      const t0 = Date.now();
      const qs = findQuotes(t);
      expect(Date.now() - t0).toBeLessThan(1000);
      for (const q of qs) {
        expect(q.start).toBeGreaterThanOrEqual(0);
        expect(q.end).toBeLessThanOrEqual(t.length);
        expect(t.slice(q.start, q.end)).toBe(q.text);
      }
    }
  });
});
