import { describe, expect, it } from 'vitest';
import { cleanBlocks } from './body.js';
import { isNegativeHint } from './clean.js';
import { extractArticle } from './extract.js';
import type { Block } from './text.js';

const para = (n: number) =>
  `<p>Paragraph ${n} of the story carries enough words, commas, and detail to read like real prose for a scorer.</p>`;
const body = (inner: string) => `<html><body>${inner}</body></html>`;
/** a rendered block with no element behind it, as the post-pass sees it */
const block = (text: string, tag: string, linkChars = 0): Block => ({
  text,
  linkChars,
  tag,
  el: null,
  whole: true,
});
const REAL_PARAGRAPH = 'A real paragraph with many words in it, the kind that belongs to the body.';

describe('boilerplate removal', () => {
  it('knows class/id words of boilerplate, split on - _ and camelCase', () => {
    expect(isNegativeHint('article-share-bar')).toBe(true);
    expect(isNegativeHint('relatedLinks')).toBe(true);
    expect(isNegativeHint('newsletter_box')).toBe(true);
    expect(isNegativeHint('story-body')).toBe(false);
    expect(isNegativeHint('headline')).toBe(false);
  });

  it('drops nav, share bars, newsletter boxes, related lists and comments around the article', () => {
    const a = extractArticle(
      body(`<nav><a href="/">Home</a></nav>
        <div class="content">${para(1)}<div class="share-tools"><a href="#">Facebook</a><a href="#">Twitter</a></div>
        ${para(2)}<div class="newsletter"><p>Sign up for our daily newsletter and never miss a story from us.</p></div>${para(3)}
        <div class="related"><h3>Related</h3><ul><li><a href="/x">Another story here</a></li></ul></div></div>
        <div id="comments"><p>First comment on this story, long enough to look like a paragraph of prose.</p></div>`),
      'https://e.example/s',
    );
    expect(a.text.split('\n')).toEqual([1, 2, 3].map((n) => expect.stringContaining(`Paragraph ${n}`)));
  });

  it('keeps an article whose wrapper has a misleading class name', () => {
    const a = extractArticle(
      body(`<div class="layout-with-sidebar">${para(1)}${para(2)}${para(3)}</div>`),
      '',
    );
    expect(a.text.split('\n')).toHaveLength(3);
  });

  it('drops link-dense blocks and trailing short lines in the post-pass', () => {
    const blocks: Block[] = [
      block(REAL_PARAGRAPH, 'p'),
      block('Story one Story two Story three', 'li', 31),
      block('Another real paragraph that ends the article with a full sentence here.', 'p'),
      block('Advertisement', 'div'),
      block('Tags: politics, world', 'div'),
    ];
    expect(cleanBlocks(blocks, null).map((b) => b.text)).toEqual([blocks[0].text, blocks[2].text]);
  });

  it('keeps an unlinked list that closes the article', () => {
    const blocks: Block[] = [
      block(REAL_PARAGRAPH, 'p'),
      block('Qualified teams', 'h3'),
      block('England (Group A)', 'li'),
      block('Spain (Group F)', 'li'),
      block('Italy (Group J)', 'li'),
    ];
    expect(cleanBlocks(blocks, null)).toHaveLength(5);
    const linked = blocks.map((b) => (b.tag === 'li' ? { ...b, linkChars: b.text.length } : b));
    expect(cleanBlocks(linked, null)).toHaveLength(1);
  });

  it('drops a repeated headline and a leading dateline', () => {
    const a = extractArticle(
      body(`<article><h1>The Headline</h1><p>Updated: March 3, 2024</p>${para(1)}${para(2)}</article>`),
      '',
    );
    expect(a.title).toBe('The Headline');
    expect(a.text.startsWith('Paragraph 1')).toBe(true);
  });

  it('puts a line break between blocks, including headings and list items', () => {
    const a = extractArticle(
      body(`<article>${para(1)}<h2>Subhead</h2>${para(2)}<ul><li>First point of a list that belongs to the story text.</li>
        <li>Second point of a list that belongs to the story text.</li></ul>${para(3)}</article>`),
      '',
    );
    expect(a.text.split('\n')).toEqual([
      expect.stringContaining('Paragraph 1'),
      'Subhead',
      expect.stringContaining('Paragraph 2'),
      'First point of a list that belongs to the story text.',
      'Second point of a list that belongs to the story text.',
      expect.stringContaining('Paragraph 3'),
    ]);
  });
});
