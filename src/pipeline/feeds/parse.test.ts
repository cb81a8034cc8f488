import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse.js';

const rss2 = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>News &amp; Views</title><link>https://example.com/</link><description>All the news</description>
  <language>en-gb</language><lastBuildDate>Sat, 28 Nov 2026 10:00:00 GMT</lastBuildDate>
  <atom:link rel="hub" href="https://hub.example.com/"/><atom:link rel="self" href="https://example.com/feed"/>
  <image><url>https://example.com/logo.png</url><title>Logo</title><link>https://example.com/</link><width>88</width></image>
  <itunes:category text="News"><itunes:category text="Politics"/></itunes:category>
  <item>
    <title>First &lt;b&gt;story&lt;/b&gt;</title>
    <link>https://example.com/1</link>
    <guid isPermaLink="false">urn:1</guid>
    <pubDate>Sat, 28 Nov 2026 09:00:00 +0100</pubDate>
    <author>jane@example.com (Jane Doe)</author>
    <dc:creator>John Roe</dc:creator>
    <category domain="https://example.com/cats">World</category>
    <description><![CDATA[<p>Summary</p>]]></description>
    <content:encoded><![CDATA[<p>Full text</p>]]></content:encoded>
    <enclosure url="https://example.com/a.mp3" type="audio/mpeg" length="1234"/>
    <media:thumbnail url="https://example.com/t.jpg"/>
    <comments>https://example.com/1#comments</comments>
  </item>
  <item><guid>https://example.com/2</guid><title>Second</title></item>
</channel></rss>`;

describe('parseFeed: RSS 2.0 with extensions', () => {
  const r = parseFeed(Buffer.from(rss2));
  it('reads the channel', () => {
    expect(r).toMatchObject({ format: 'rss', version: '2.0', wellFormed: true, errors: [] });
    expect(r.feed).toMatchObject({
      title: 'News & Views',
      link: 'https://example.com/',
      description: 'All the news',
      language: 'en-gb',
      updated: '2026-11-28T10:00:00Z',
      hub: 'https://hub.example.com/',
      image: { url: 'https://example.com/logo.png', title: 'Logo', width: 88, height: null },
    });
    expect(r.feed.categories.map((c) => c.term)).toEqual(['News', 'Politics']);
  });
  it('reads items with every alias mapped once', () => {
    const [a, b] = r.items;
    expect(a).toMatchObject({
      id: 'urn:1',
      title: 'First <b>story</b>',
      link: 'https://example.com/1',
      summary: '<p>Summary</p>',
      contentHtml: '<p>Full text</p>',
      published: '2026-11-28T08:00:00Z',
      comments: 'https://example.com/1#comments',
      image: { url: 'https://example.com/t.jpg' },
      enclosures: [{ url: 'https://example.com/a.mp3', type: 'audio/mpeg', length: 1234 }],
      categories: [{ term: 'World', scheme: 'https://example.com/cats', label: null }],
    });
    expect(a.authors).toEqual([
      { name: 'Jane Doe', email: 'jane@example.com', url: null },
      { name: 'John Roe', email: null, url: null },
    ]);
    // a permalink guid stands in for the missing <link>
    expect(b.link).toBe('https://example.com/2');
  });
});

describe('parseFeed: Atom', () => {
  it('reads Atom 1.0 text constructs, links, xml:base and xml:lang', () => {
    const r = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/blog/" xml:lang="fr">
      <title type="html">A &lt;i&gt;blog&lt;/i&gt;</title><id>urn:feed</id><updated>2026-01-02T03:04:05Z</updated>
      <link href="./" /><link rel="self" href="atom.xml"/><logo>logo.png</logo><rights>CC</rights>
      <entry><title type="text">1 &lt; 2</title><id>post/1</id><link href="post/1.html"/>
        <link rel="enclosure" href="/a.ogg" type="audio/ogg" length="7"/>
        <author><name>Ann</name><uri>/ann</uri><email>ann@example.org</email></author>
        <category term="t" scheme="s" label="Tee"/>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b></p><br/></div></content>
        <published>2026-01-01T00:00:00+02:00</published></entry>
    </feed>`,
      'https://ignored.example/',
    );
    expect(r).toMatchObject({ format: 'atom', version: '1.0', wellFormed: true });
    expect(r.feed).toMatchObject({
      title: 'A <i>blog</i>',
      id: 'urn:feed',
      link: 'https://example.org/blog/',
      language: 'fr',
      copyright: 'CC',
    });
    expect(r.feed.image?.url).toBe('https://example.org/blog/logo.png');
    const e = r.items[0];
    expect(e).toMatchObject({
      title: '1 < 2',
      id: 'https://example.org/blog/post/1',
      link: 'https://example.org/blog/post/1.html',
      contentHtml: '<p>Hi <b>there</b></p><br />',
      published: '2025-12-31T22:00:00Z',
      language: 'fr',
      authors: [{ name: 'Ann', email: 'ann@example.org', url: 'https://example.org/ann' }],
      categories: [{ term: 't', scheme: 's', label: 'Tee' }],
      enclosures: [{ url: 'https://example.org/a.ogg', type: 'audio/ogg', length: 7 }],
    });
    expect(e.summary).toBe(e.contentHtml); // textual content doubles as the summary, as in feedparser
  });

  it('reads Atom 0.3 (keeps the xhtml div, modified/issued dates)', () => {
    const r = parseFeed(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><tagline>T</tagline>
      <entry><summary type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>b</b></div></summary>
      <issued>2004-01-01T00:00:00Z</issued><modified>2004-01-02T00:00:00Z</modified></entry></feed>`);
    expect(r).toMatchObject({ format: 'atom', version: '0.3', feed: { description: 'T' } });
    expect(r.items[0]).toMatchObject({
      summary: '<div>A <b>b</b></div>',
      published: '2004-01-01T00:00:00Z',
      updated: '2004-01-02T00:00:00Z',
    });
  });
});

describe('parseFeed: RDF, old RSS and JSON Feed', () => {
  it('reads RSS 1.0 (RDF) with dc: dates', () => {
    const r =
      parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://e.org/"><title>R</title><link>https://e.org/</link><dc:language>de</dc:language></channel>
      <item rdf:about="https://e.org/1"><title>One</title><link>https://e.org/1</link><dc:date>2004-01-01T00:00:00Z</dc:date></item></rdf:RDF>`);
    expect(r).toMatchObject({ format: 'rdf', version: '1.0', feed: { title: 'R', language: 'de' } });
    expect(r.items[0]).toMatchObject({
      id: 'https://e.org/1',
      title: 'One',
      updated: '2004-01-01T00:00:00Z',
    });
  });

  it('reads RSS 0.91 and 0.90', () => {
    expect(parseFeed('<rss version="0.91"><channel><title>x</title></channel></rss>')).toMatchObject({
      format: 'rss',
      version: '0.91',
    });
    const r090 =
      parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
      <channel><title>Old</title></channel><item><title>i</title><link>http://x/</link></item></rdf:RDF>`);
    expect(r090).toMatchObject({
      format: 'rdf',
      version: '0.90',
      feed: { title: 'Old' },
      items: [{ title: 'i', link: 'http://x/' }],
    });
  });

  it('reads JSON Feed 1.1', () => {
    const r = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        home_page_url: 'https://j.example/',
        items: [
          {
            id: '1',
            url: '/p/1',
            title: 'P',
            content_html: '<p>x</p>',
            date_published: '2026-01-01T00:00:00Z',
            authors: [{ name: 'A' }],
            tags: ['t'],
          },
        ],
      }),
      'https://j.example/feed.json',
    );
    expect(r).toMatchObject({ format: 'json', version: '1.1', feed: { title: 'J' } });
    expect(r.items[0]).toMatchObject({
      id: '1',
      link: 'https://j.example/p/1',
      contentHtml: '<p>x</p>',
      authors: [{ name: 'A' }],
      categories: [{ term: 't' }],
    });
  });
});

describe('parseFeed: leniency', () => {
  it('recovers HTML entities, bare ampersands and junk before the root, and flags them', () => {
    const r = parseFeed(
      'garbage <rss><channel><title>caf&eacute; &copy; AT&T &#8217;</title><item><link>http://x/?a=1&b=2</link></item></channel></rss',
    );
    expect(r.wellFormed).toBe(false);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.feed.title).toBe('café © AT&T ’');
    expect(r.items[0].link).toBe('http://x/?a=1&b=2');
  });

  it('recovers mismatched and unclosed tags', () => {
    const r = parseFeed('<rss><channel><item><title>a</b></title></item><item><title>b</title></channel>');
    expect(r.wellFormed).toBe(false);
    expect(r.items.map((i) => i.title)).toEqual(['a', 'b']);
  });

  it('keeps an undeclared prefix working but flags it', () => {
    const r = parseFeed(
      '<rss><channel><item><dc:creator>Ann</dc:creator><title>t</title></item></channel></rss>',
    );
    expect(r.wellFormed).toBe(false);
    expect(r.items[0].authors[0].name).toBe('Ann');
  });

  it('expands internal DTD entities without flagging', () => {
    const r = parseFeed(
      '<!DOCTYPE rss [<!ENTITY who "World">]><rss><channel><title>Hello &who;</title></channel></rss>',
    );
    expect(r).toMatchObject({ wellFormed: true, feed: { title: 'Hello World' } });
  });
});

describe('parseFeed: feedparser precedence rules', () => {
  it('first title of any vocabulary, media:title only as a fallback', () => {
    const r =
      parseFeed(`<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel>
      <item><dc:title>dc first</dc:title><title>core second</title></item>
      <item><media:group><media:title>from media</media:title></media:group></item></channel></rss>`);
    expect(r.items.map((i) => i.title)).toEqual(['dc first', 'from media']);
  });

  it('the last alternate link wins; a non-permalink guid is neither the link nor resolved', () => {
    const r = parseFeed(
      `<rss><channel><item><link>/a</link><link>/b</link></item>
       <item><guid isPermaLink="false">123</guid></item><item><guid>/p/9</guid></item></channel></rss>`,
      'https://e.org/feed',
    );
    expect(r.items.map((i) => [i.link, i.id])).toEqual([
      ['https://e.org/b', null],
      [null, '123'],
      ['https://e.org/p/9', 'https://e.org/p/9'],
    ]);
  });

  it('a second summary-like element becomes the content unless content came first', () => {
    const r = parseFeed(`<rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
      <item><description>d</description><summary>s</summary></item>
      <item><content:encoded>c</content:encoded><description>d</description></item>
      <item><content:encoded>c</content:encoded></item></channel></rss>`);
    expect(r.items.map((i) => [i.summary, i.contentHtml])).toEqual([
      ['d', 's'],
      ['d', 'c'],
      ['c', 'c'],
    ]);
  });

  it('maps references to C1 controls to windows-1252, honours base= and lang=, flags duplicate attributes', () => {
    const r = parseFeed(
      '<rss lang="de" base="https://b.example/x/"><channel><title>it&#146;s &#150; ok</title><link>y</link></channel></rss>',
    );
    expect(r.feed).toMatchObject({ title: 'it’s – ok', language: 'de', link: 'https://b.example/x/y' });
    expect(r.wellFormed).toBe(true);
    expect(parseFeed('<rss><channel><image a="1" a="2"/></channel></rss>').wellFormed).toBe(false);
  });

  it('reads the generator from <generator> or admin:generatorAgent, the last one winning', () => {
    const r =
      parseFeed(`<rss xmlns:admin="http://webns.net/mvcb/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel>
      <generator>First</generator><admin:generatorAgent rdf:resource="http://gen.example/"/></channel></rss>`);
    expect(r.feed.generator).toBe('http://gen.example/');
  });
});
