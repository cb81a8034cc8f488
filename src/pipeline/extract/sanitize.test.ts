import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract.js';
import { sanitizeArticleHtml } from './sanitize.js';

const base = 'https://news.example/2024/story';

describe('sanitizeArticleHtml', () => {
  it.each([
    ['<p>x<script>alert(1)</script></p>', /script|alert/],
    ['<p onclick="alert(1)">x</p>', /onclick|alert/],
    ['<img src=x onerror=alert(1)>', /onerror|alert/],
    ['<a href="javascript:alert(1)">x</a>', /javascript/],
    ['<a href="JaVaScRiPt&colon;alert(1)">x</a>', /javascript|alert/i],
    ['<iframe src="https://evil.example"></iframe><p>x</p>', /iframe|evil/],
    ['<svg><script>alert(1)</script></svg><p>x</p>', /svg|alert/],
    ['<p style="background:url(javascript:alert(1))">x</p>', /style|javascript/],
    ['<style>p{color:red}</style><p>x</p>', /style|color/],
    ['<form action="/x"><input name="q"></form><p>x</p>', /form|input/],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', /data:/],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', /javascript|math/],
    ['<p>x</p><object data="x.swf"></object><embed src="x.swf">', /object|embed|swf/],
  ])('strips %s', (input, bad) => {
    expect(sanitizeArticleHtml(input, base)).not.toMatch(bad);
  });

  it('makes links and images absolute and links safe', () => {
    const out = sanitizeArticleHtml('<p><a href="../other">other</a> <img src="/i.jpg" alt="i"></p>', base);
    expect(out).toBe(
      '<p><a rel="noopener nofollow" target="_blank" href="https://news.example/other">other</a> <img src="https://news.example/i.jpg" alt="i" /></p>',
    );
  });

  it('turns h1 into h2 and drops empty wrappers', () => {
    expect(sanitizeArticleHtml('<h1>Title</h1><p> </p><ul><li></li></ul><div>text</div>', base)).toBe(
      '<h2>Title</h2>text',
    );
  });

  it('leaves no handler or script in an extracted hostile page', () => {
    const page = `<html><body><article>${'<p onmouseover="steal()">A paragraph of real words, long enough to be kept by the extractor, with commas, too.</p>'.repeat(3)}
      <p><a href="javascript:steal()">click</a> <img src="x" onerror="steal()"><script>steal()</script></p></article></body></html>`;
    const a = extractArticle(page, base);
    expect(a.text).toContain('A paragraph of real words');
    expect(a.html).not.toMatch(/steal|onmouseover|onerror|javascript|<script/);
  });
});
