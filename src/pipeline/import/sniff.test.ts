import { describe, expect, it } from 'vitest';
import { feedUrlFromFeed, looksLikeHtml, mediaKind, pageUrlFromHtml, sniffFeed } from './sniff.js';

describe('sniffFeed', () => {
  it.each([
    ['<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', 'rss'],
    [
      '\uFEFF  <?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom">',
      'atom',
    ],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', 'rdf'],
    ['<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', 'sitemap'],
    ['<sitemapindex>', 'sitemap'],
    [
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd">\n<rss version="0.91">',
      'rss',
    ],
    ['{ "version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [] }', 'jsonfeed'],
    ['{"title":"x","version":"http://jsonfeed.org/version/1"}', 'jsonfeed'],
  ])('recognises %j', (text, format) => {
    expect(sniffFeed(text)).toBe(format);
  });

  it.each([
    ['<html><head></head></html>'],
    ['<?xml version="1.0"?><opml version="2.0">'],
    ['{"042bb7": {"url": "https://example.com/a"}}'],
    ['<rsss>'],
    [''],
  ])('rejects %j', (text) => {
    expect(sniffFeed(text)).toBeNull();
  });
});

describe('looksLikeHtml', () => {
  it('accepts documents and rejects feeds', () => {
    expect(looksLikeHtml('\n<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(looksLikeHtml('<!-- saved --><HTML>')).toBe(true);
    expect(looksLikeHtml('<rss version="2.0">')).toBe(false);
  });
});

describe('mediaKind', () => {
  it.each([
    ['text/html; charset=utf-8', 'html'],
    ['application/xhtml+xml', 'html'],
    ['application/rss+xml', 'feed'],
    ['application/atom+xml; charset=UTF-8', 'feed'],
    ['application/feed+json', 'feed'],
    ['text/xml', 'maybe'],
    ['application/json', 'maybe'],
    [null, 'maybe'],
    ['image/jpeg', 'other'],
    ['text/css', 'other'],
  ] as const)('%s is %s', (type, kind) => {
    expect(mediaKind(type)).toBe(kind);
  });
});

describe('pageUrlFromHtml', () => {
  it('prefers the canonical link to og:url, whatever the attribute order and quoting', () => {
    const html = `<head><meta property="og:url" content="https://example.com/og">
      <LINK href='https://example.com/a?x=1&amp;y=2' REL="Canonical"></head>`;
    expect(pageUrlFromHtml(html)).toBe('https://example.com/a?x=1&y=2');
  });

  it('falls back to og:url and resolves a relative canonical against it', () => {
    expect(pageUrlFromHtml('<meta name="og:url" content="https://example.com/og">')).toBe(
      'https://example.com/og',
    );
    expect(
      pageUrlFromHtml(
        '<meta property="og:url" content="https://example.com/x/og"><link rel=canonical href=/story/1>',
      ),
    ).toBe('https://example.com/story/1');
  });

  it('ignores links in comments and scripts, and non-http or relative-only URLs', () => {
    expect(pageUrlFromHtml('<!-- <link rel="canonical" href="https://old.example/"> -->')).toBeNull();
    expect(
      pageUrlFromHtml('<script>s=\'<link rel="canonical" href="https://x.example/">\'</script>'),
    ).toBeNull();
    expect(pageUrlFromHtml('<link rel="canonical" href="javascript:alert(1)">')).toBeNull();
    expect(pageUrlFromHtml('<link rel="canonical" href="/only/a/path">')).toBeNull();
    expect(pageUrlFromHtml('<html><body>no links</body></html>')).toBeNull();
  });
});

describe('feedUrlFromFeed', () => {
  it('reads the self link of RSS and Atom and the feed_url of JSON Feed', () => {
    const rss =
      '<rss><channel><atom:link href="https://example.com/rss" rel="self" type="application/rss+xml"/>';
    expect(feedUrlFromFeed(rss, 'rss')).toBe('https://example.com/rss');
    const atom =
      '<feed><link href="https://example.com/"/><link rel="self" href="https://example.com/atom"/>';
    expect(feedUrlFromFeed(atom, 'atom')).toBe('https://example.com/atom');
    const json =
      '{"version":"https://jsonfeed.org/version/1.1","feed_url":"https:\\/\\/example.com\\/feed.json"}';
    expect(feedUrlFromFeed(json, 'jsonfeed')).toBe('https://example.com/feed.json');
    expect(feedUrlFromFeed('<rss><channel><link>https://example.com/</link>', 'rss')).toBeNull();
  });
});
