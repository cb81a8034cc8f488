import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

function check(text: string) {
  const { tokens, sentences } = tokenize(text);
  for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  for (let i = 1; i < tokens.length; i++) expect(tokens[i].start).toBeGreaterThanOrEqual(tokens[i - 1].end);
  let prev = 0;
  for (const [a, b] of sentences) {
    expect(a).toBe(prev);
    expect(b).toBeGreaterThan(a);
    prev = b;
  }
  expect(prev).toBe(tokens.length);
  return { tokens: tokens.map((t) => t.text), sentences };
}

describe('tokenize', () => {
  it('splits news English the way the training data does', () => {
    const { tokens } = check(
      "Japan's U.S. envoy Mr. Smith didn't pay $1,200.50 on 1996-12-06 (88th) to AT&T.",
    );
    expect(tokens).toEqual([
      'Japan',
      "'s",
      'U.S.',
      'envoy',
      'Mr.',
      'Smith',
      'did',
      "n't",
      'pay',
      '$',
      '1,200.50',
      'on',
      '1996-12-06',
      '(',
      '88th',
      ')',
      'to',
      'AT&T',
      '.',
    ]);
  });

  it('keeps pre-split clitics and initials', () => {
    expect(check("Japan 's coach S. Campbell , do n't").tokens).toEqual([
      'Japan',
      "'s",
      'coach',
      'S.',
      'Campbell',
      ',',
      'do',
      "n't",
    ]);
  });

  it('gives exact UTF-16 offsets around emoji and surrogate pairs', () => {
    const text = '🇺🇦 Zelensky 👍🏽 met 𝒳 Kim 😀.';
    const { tokens } = check(text);
    expect(tokens).toContain('Zelensky');
    expect(tokens).toContain('Kim');
    const kim = tokenize(text).tokens.find((t) => t.text === 'Kim')!;
    expect(text.slice(kim.start, kim.end)).toBe('Kim');
  });

  it('handles right-to-left Arabic and CJK', () => {
    expect(check('قال الرئيس محمد بن سلمان في الرياض.').tokens).toEqual([
      'قال',
      'الرئيس',
      'محمد',
      'بن',
      'سلمان',
      'في',
      'الرياض',
      '.',
    ]);
    const cjk = check('习近平在北京会见了普京。2024年');
    expect(cjk.tokens.slice(0, 3)).toEqual(['习', '近', '平']);
    expect(cjk.tokens.slice(-2)).toEqual(['2024', '年']);
  });

  it('splits sentences on ends and line breaks, and bounds a text without ends', () => {
    expect(check('He left. She stayed.\nNext line').sentences).toEqual([
      [0, 3],
      [3, 6],
      [6, 8],
    ]);
    const long = check(Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' '));
    expect(long.sentences.length).toBeGreaterThan(5);
  });

  it('survives a huge paragraph, lone surrogates and control characters quickly', () => {
    const huge = 'The Ministry of Defence said. '.repeat(20_000);
    const t0 = Date.now();
    const { tokens, sentences } = tokenize(huge);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(tokens.length).toBe(120_000);
    expect(sentences.length).toBe(20_000);
    expect(huge.slice(tokens[99_999].start, tokens[99_999].end)).toBe(tokens[99_999].text);
    check('a\uD800b \uDC00 \u0000\u200B\u202Ez ');
    expect(check('').tokens).toEqual([]);
    expect(check('   \n\t ').tokens).toEqual([]);
  });
});
