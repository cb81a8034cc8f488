import { describe, expect, it } from 'vitest';
import { articleIdFor, canonicalizeUrl } from './canonical-url.js';

describe('canonicalizeUrl', () => {
  const cases: Array<[string, string]> = [
    [
      'https://www.Example.com/news/story-1/?utm_source=tw&utm_medium=social&id=7&fbclid=abc#comments',
      'https://example.com/news/story-1?id=7',
    ],
    ['https://example.com/a?b=2&a=1&gclid=x', 'https://example.com/a?a=1&b=2'],
    ['http://example.com:80/a/', 'http://example.com/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://amp.example.com/news/x', 'https://example.com/news/x'],
    ['https://example.com/news/x/amp/', 'https://example.com/news/x'],
    ['https://example.com/amp/news/x', 'https://example.com/news/x'],
    ['https://example.com/news/x.amp.html', 'https://example.com/news/x.html'],
    ['https://example.com/news/x?amp', 'https://example.com/news/x'],
    ['https://example.com/news/x?outputType=amp&page=2', 'https://example.com/news/x?page=2'],
    ['https://m.example.com/news/x', 'https://example.com/news/x'],
    ['https://mobile.example.com/news/x', 'https://example.com/news/x'],
    ['https://www.google.com/amp/s/example.com/news/x/amp', 'https://example.com/news/x'],
    ['https://example-com.cdn.ampproject.org/c/s/example.com/news/x', 'https://example.com/news/x'],
    ['https://example.com/', 'https://example.com/'],
    ['https://example.com/#!/story/5', 'https://example.com/#!/story/5'],
    ['https://example.com//a//b', 'https://example.com/a/b'],
    ['not a url', 'not a url'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} -> ${expected}`, () => expect(canonicalizeUrl(input)).toBe(expected));
  }

  it('keeps parameters that select content', () => {
    expect(canonicalizeUrl('https://example.com/article.php?id=42&page=3')).toBe(
      'https://example.com/article.php?id=42&page=3',
    );
  });
});

describe('articleIdFor', () => {
  it('gives variants of one article one id, and other articles another', () => {
    const id = articleIdFor('https://www.example.com/news/x/?utm_campaign=a');
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(articleIdFor('http://m.example.com/news/x/amp')).toBe(id);
    expect(articleIdFor('https://example.com/news/y')).not.toBe(id);
  });
});
