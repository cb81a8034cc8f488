import { describe, expect, it } from 'vitest';
import { linksOf, renderMarkdown } from './markdown.js';

describe('comment markdown subset', () => {
  it('renders paragraphs, line breaks, quotes, bold, italics and links', () => {
    expect(renderMarkdown('**bold** and *it* and _also_\nnext\n\n> quoted\n> more')).toBe(
      '<p><strong>bold</strong> and <em>it</em> and <em>also</em><br>next</p><blockquote><p>quoted<br>more</p></blockquote>',
    );
    expect(renderMarkdown('see [the report](https://example.org/a?b=1&c=2) or https://x.org/p.')).toBe(
      '<p>see <a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener" target="_blank">the report</a> or <a href="https://x.org/p" rel="nofollow ugc noopener" target="_blank">https://x.org/p</a>.</p>',
    );
  });

  it('escapes everything else and never links a non-http scheme', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>');
    expect(renderMarkdown('[x](https://a.org/"onmouseover="alert(1))')).not.toMatch(/href="[^"]*"on/);
    expect(renderMarkdown('a_b_c snake_case_name 2*3*4')).toBe('<p>a_b_c snake_case_name 2*3*4</p>');
  });

  it('lists links for moderation', () => {
    expect(linksOf('[a](https://a.org) https://b.org/x, text')).toEqual(['https://a.org', 'https://b.org/x']);
  });
});
