import { describe, expect, it } from 'vitest';
import type { Entity, Figure } from '../../domain/types.js';
import { askArticle } from './ask.js';

const TEXT = [
  'North Korea is set to triple the number of its troops fighting for Russia, sending an additional 25,000 to 30,000 soldiers.',
  'The troops may arrive in Russia in the coming months, according to the assessment.',
  "Jenny Town, senior fellow at the Stimson Center, said 10,000 to 20,000 'sounds more realistic.'",
  'The weather in Kyiv was mild on Thursday.',
].join(' ');

function span(text: string) {
  const start = TEXT.indexOf(text);
  return { start, end: start + text.length };
}

const entities: Entity[] = [
  { text: 'North Korea', type: 'place', ...span('North Korea') },
  { text: 'Jenny Town', type: 'person', ...span('Jenny Town') },
  { text: 'Kyiv', type: 'place', ...span('Kyiv') },
];
const figures: Figure[] = [
  {
    text: '25,000 to 30,000 soldiers',
    value: 25000,
    valueMax: 30000,
    unit: null,
    counts: 'soldiers',
    claimant: null,
    ...span('25,000 to 30,000 soldiers'),
  },
];

describe('askArticle', () => {
  it('answers with sentences of the text, offsets exact, in reading order', () => {
    const answer = askArticle(
      TEXT,
      { entities, figures, quotes: [], events: [] },
      'How many troops will North Korea send?',
    );
    expect(answer.sentences.length).toBeGreaterThan(0);
    expect(answer.sentences[0].text).toMatch(/^North Korea is set to triple/);
    for (const s of answer.sentences) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
    const starts = answer.sentences.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(answer.sentences.some((s) => s.text.includes('weather'))).toBe(false);
  });

  it('prefers the sentence holding the kind of fact asked for', () => {
    const answer = askArticle(
      TEXT,
      { entities, figures, quotes: [], events: [] },
      'Who said the number sounds realistic?',
      {
        maxSentences: 1,
      },
    );
    expect(answer.sentences[0].text).toMatch(/^Jenny Town/);
  });

  it('returns nothing when the article does not hold the answer, and never invents text', () => {
    expect(askArticle(TEXT, null, 'What is the price of gold?').sentences).toEqual([]);
    expect(askArticle(TEXT, null, '   ').sentences).toEqual([]);
    expect(askArticle('', null, 'troops').sentences).toEqual([]);
  });
});
