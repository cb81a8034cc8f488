import { describe, expect, it } from 'vitest';
import { parseOpml, writeOpml } from './opml.js';

describe('OPML', () => {
  it('imports OPML 1.0/2.0 outlines with their folder path as categories', () => {
    const doc = parseOpml(`<?xml version="1.0"?><opml version="1.0"><head><title>My feeds</title></head><body>
      <outline text="News"><outline text="World"><outline text="BBC" type="rss" xmlUrl="https://bbc.example/rss" htmlUrl="https://bbc.example/"/></outline></outline>
      <outline title="Loose &amp; free" xmlUrl="https://loose.example/feed" category="/Tech/Web,Misc"/>
    </body></opml>`);
    expect(doc.title).toBe('My feeds');
    expect(doc.outlines).toEqual([
      {
        title: 'BBC',
        xmlUrl: 'https://bbc.example/rss',
        htmlUrl: 'https://bbc.example/',
        type: 'rss',
        language: null,
        categories: ['News', 'World'],
      },
      {
        title: 'Loose & free',
        xmlUrl: 'https://loose.example/feed',
        htmlUrl: null,
        type: null,
        language: null,
        categories: ['Tech', 'Web', 'Misc'],
      },
    ]);
  });

  it('exports sources grouped by first topic and reads back the same', () => {
    const xml = writeOpml([
      {
        name: 'A & B',
        feedUrl: 'https://a.example/feed?x=1&y=2',
        homepage: 'https://a.example/',
        topics: ['world'],
        language: 'en',
      },
      { name: 'C', feedUrl: 'https://c.example/rss', topics: [] },
    ]);
    expect(xml).toContain('<opml version="2.0">');
    const back = parseOpml(xml);
    expect(back.outlines).toEqual([
      {
        title: 'A & B',
        xmlUrl: 'https://a.example/feed?x=1&y=2',
        htmlUrl: 'https://a.example/',
        type: 'rss',
        language: 'en',
        categories: ['world'],
      },
      {
        title: 'C',
        xmlUrl: 'https://c.example/rss',
        htmlUrl: null,
        type: 'rss',
        language: null,
        categories: [],
      },
    ]);
  });

  it('rejects a document that is not OPML', () => {
    expect(() => parseOpml('<rss/>')).toThrow(/not OPML/);
  });
});
