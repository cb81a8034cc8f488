import { describe, expect, it } from 'vitest';
import { readFeedDocument, rootElementName } from './adapt.js';

describe('readFeedDocument', () => {
  it('adapts a feed to domain items: plain-text titles, absolute URLs, date fallback', () => {
    const doc = readFeedDocument(
      `<?xml version="1.0"?><!-- a comment <rss> --><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
        <title>Site &amp;amp; co</title><link>https://site.example/</link><language>EN-us</language>
        <atom:link rel="hub" href="https://pubsubhubbub.example/"/>
        <item><title>&lt;b&gt;Bold&lt;/b&gt; move</title><link>/a/1</link><description>&lt;p&gt;One &amp;amp; two&lt;/p&gt;</description>
          <dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2026-01-01T00:00:00Z</dc:date>
          <category>x</category><category>x</category>
          <enclosure url="https://img.example/1.jpg" type="image/jpeg"/></item>
        <item><title>no link</title><guid isPermaLink="false">123</guid></item>
      </channel></rss>`,
      'https://site.example/feed.xml',
    );
    expect(doc).toMatchObject({
      format: 'rss',
      title: 'Site & co',
      link: 'https://site.example/',
      language: 'en-us',
      hub: 'https://pubsubhubbub.example/',
      wellFormed: true,
      sitemaps: [],
    });
    expect(doc.items).toEqual([
      {
        url: 'https://site.example/a/1',
        guid: null,
        title: 'Bold move',
        summary: 'One & two',
        contentHtml: null,
        publishedAt: '2026-01-01T00:00:00Z',
        authors: [],
        categories: ['x'],
        imageUrl: 'https://img.example/1.jpg',
        language: 'en-us',
      },
    ]);
  });

  it('reads a Google News sitemap', () => {
    const doc = readFeedDocument(
      `<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
              xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
        <url><loc>https://news.example/2026/11/28/story.html</loc>
          <news:news><news:publication><news:name>The Example Times</news:name><news:language>en</news:language></news:publication>
            <news:publication_date>2026-11-28T08:00:00+01:00</news:publication_date><news:title>Big story</news:title>
            <news:keywords>politics, world</news:keywords></news:news>
          <image:image><image:loc>https://news.example/i.jpg</image:loc></image:image></url>
        <url><loc>https://news.example/about</loc><lastmod>2026-11-01</lastmod></url>
      </urlset>`,
      'https://news.example/news-sitemap.xml',
    );
    expect(doc).toMatchObject({
      format: 'sitemap',
      title: 'The Example Times',
      language: 'en',
      wellFormed: true,
    });
    expect(doc.items[0]).toEqual({
      url: 'https://news.example/2026/11/28/story.html',
      guid: null,
      title: 'Big story',
      summary: null,
      contentHtml: null,
      publishedAt: '2026-11-28T07:00:00Z',
      authors: [],
      categories: ['politics', 'world'],
      imageUrl: 'https://news.example/i.jpg',
      language: 'en',
    });
    expect(doc.items[1]).toMatchObject({
      url: 'https://news.example/about',
      publishedAt: '2026-11-01T00:00:00Z',
      title: null,
    });
  });

  it('reads a sitemap index', () => {
    const doc = readFeedDocument(
      `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>https://news.example/s1.xml</loc></sitemap><sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>`,
      'https://news.example/sitemap.xml',
    );
    expect(doc).toMatchObject({
      format: 'sitemapindex',
      items: [],
      sitemaps: ['https://news.example/s1.xml', 'https://news.example/s2.xml'],
    });
  });

  it('finds the root element name past the prolog', () => {
    expect(rootElementName('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "<b>">]><!-- <c> --><urlset>')).toBe(
      'urlset',
    );
  });
});
