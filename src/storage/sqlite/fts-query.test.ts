import { describe, expect, it } from 'vitest';
import { foldText } from './fold.js';
import { headlineQuery, toFtsQuery } from './fts-query.js';
import { highlightToHtml, MARK_CLOSE, MARK_OPEN } from './highlight.js';

describe('toFtsQuery', () => {
  it('restricts a query to matches with a term or phrase in the title', () => {
    const match = toFtsQuery('"prime minister" say""s minis*') ?? '';
    expect(headlineQuery(match)).toBe(
      '("prime minister" "say" "s" "minis"*) AND {title} : ("prime minister" OR "say" OR "s" OR "minis"*)',
    );
    expect(headlineQuery('"a""b"')).toBe('{title} : "a""b"');
    expect(headlineQuery('"minis"*')).toBe('{title} : "minis"*');
  });

  it('quotes terms and keeps phrases and prefixes', () => {
    expect(toFtsQuery('gaza ceasefire')).toBe('"gaza" "ceasefire"');
    expect(toFtsQuery('"prime minister" talks')).toBe('"prime minister" "talks"');
    expect(toFtsQuery('minis*')).toBe('"minis"*');
    expect(toFtsQuery('al-Sisi')).toBe('"al-Sisi"');
    expect(toFtsQuery('say "hi')).toBe('"say" "hi"');
    expect(toFtsQuery('a"b')).toBe('"a" "b"');
  });

  it('drops operators and punctuation-only input', () => {
    expect(toFtsQuery('AND OR NOT NEAR')).toBeNull();
    expect(toFtsQuery('* " "" ( ) : ^ -')).toBeNull();
    expect(toFtsQuery('x*')).toBe('"x"');
    expect(toFtsQuery('cats OR dogs')).toBe('"cats" "dogs"');
    expect(toFtsQuery('or and')).toBe('"or" "and"');
  });
});

describe('highlightToHtml', () => {
  it('escapes text and turns markers into balanced <mark>', () => {
    expect(highlightToHtml(`<b>${MARK_OPEN}x&y${MARK_CLOSE}</b>`)).toBe(
      '&lt;b&gt;<mark>x&amp;y</mark>&lt;/b&gt;',
    );
    expect(highlightToHtml(`${MARK_OPEN}${MARK_OPEN}a`)).toBe('<mark>a</mark>');
    expect(highlightToHtml(`${MARK_CLOSE}a"'`)).toBe('a&quot;&#39;');
  });
});

describe('foldText', () => {
  it('unifies Arabic variants and strips marks and proclitics, word by word', () => {
    expect(foldText('إسرائيل')).toBe('اسرائيل');
    expect(foldText('والأردن')).toBe('اردن');
    expect(foldText('كَتَبَ')).toBe('كتب');
    expect(foldText('مدرسة على')).toBe('مدرسه علي');
    expect(foldText('وزير')).toBe('زير');
    expect(foldText('ول')).toBe('ول');
    expect(foldText('plain English')).toBe('plain English');
    expect(foldText(null)).toBeNull();
    // same number of words: snippets highlight the original text by token position
    const text = 'كَتَبَ الوزير عن إسرائيل والأردن';
    expect(foldText(text)!.split(' ')).toHaveLength(text.split(' ').length);
  });
});
