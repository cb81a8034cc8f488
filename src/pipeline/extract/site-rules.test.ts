import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { Marks } from './clean.js';
import { extractArticle } from './extract.js';
import { applySiteRules, cutSiteTail, rulesFor, type SiteRule } from './site-rules.js';

const rule: SiteRule = {
  hosts: ['paper.example'],
  drop: ['promo-slot'],
  cutFrom: /^About Paper Inc\./,
  why: 'test',
};

describe('site rules', () => {
  it('match the host and its subdomains only', () => {
    expect(rulesFor('https://www.paper.example/a', [rule])).toHaveLength(1);
    expect(rulesFor('https://paper.example.org/a', [rule])).toHaveLength(0);
    expect(rulesFor('not a url', [rule])).toHaveLength(0);
  });

  it('mark named elements and cut a boilerplate tail', () => {
    const doc = parseDocument('<div class="promo-slot x">Buy</div><div class="story">Text</div>');
    const marks: Marks = new Map();
    applySiteRules(doc, 'https://paper.example/a', marks, [rule]);
    expect([...marks.keys()].map((el) => el.attribs.class)).toEqual(['promo-slot x']);
    const blocks = [{ text: 'Story.' }, { text: 'About Paper Inc. We print.' }, { text: 'More.' }];
    expect(cutSiteTail(blocks, 'https://paper.example/a', [rule])).toEqual([{ text: 'Story.' }]);
    expect(cutSiteTail(blocks, 'https://other.example/a', [rule])).toHaveLength(3);
  });

  it('cut the company profile under Ascom press releases (the shipped rule)', () => {
    const p = (t: string) => `<p>${t} The release goes on with enough words to be a paragraph of prose.</p>`;
    const html = `<html><body><div class="text">${p('One.')}${p('Two.')}${p('Three.')}<p>Ascom is a global solutions provider focused on healthcare ICT and mobile workflow solutions.</p></div></body></html>`;
    expect(extractArticle(html, 'https://www.ascom.com/news/x').text).not.toContain(
      'global solutions provider',
    );
    expect(extractArticle(html, 'https://elsewhere.example/x').text).toContain('global solutions provider');
  });
});
