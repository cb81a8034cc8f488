import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './fts-query.js';
import { highlightToHtml, MARK_CLOSE, MARK_OPEN } from './highlight.js';

describe('toFtsQuery', () => {
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
