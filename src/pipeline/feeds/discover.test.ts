import { describe, expect, it } from 'vitest';
import { alternateFeeds, COMMON_FEED_PATHS, discoverFeeds, robotsSitemaps } from './discover.js';

describe('feed discovery', () => {
  const html = `<!doctype html><html><head><base href="https://www.example.com/news/">
    <link rel="stylesheet" href="/s.css">
    <link rel="alternate" type="application/rss+xml" title="RSS" href="rss.xml">
    <link rel="Alternate" type="application/atom+xml" href="https://www.example.com/atom.xml">
    <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
    <link rel="alternate" type="application/feed+json" href="/feed.json">
    </head><body><link rel="alternate" type="application/rss+xml" href="/late.xml"></body></html>`;

  it('reads <link rel="alternate"> feeds from the head, resolved against <base>', () => {
    expect(alternateFeeds(html, 'https://www.example.com/')).toEqual([
      'https://www.example.com/news/rss.xml',
      'https://www.example.com/atom.xml',
      'https://www.example.com/feed.json',
    ]);
  });

  it('adds the common paths on the same origin after the announced feeds', () => {
    const all = discoverFeeds('<html><head></head></html>', 'https://blog.example.org/post/1');
    expect(all).toEqual(COMMON_FEED_PATHS.map((p) => `https://blog.example.org${p}`));
  });
});

describe('robotsSitemaps', () => {
  it('collects Sitemap: lines in any case and group', () => {
    const txt =
      'User-agent: *\nDisallow: /x\nSitemap: https://e.org/s1.xml\n# Sitemap: https://e.org/no.xml\nsitemap:/s2.xml # relative\nSITEMAP: https://e.org/s1.xml\n';
    expect(robotsSitemaps(txt, 'https://e.org/robots.txt')).toEqual([
      'https://e.org/s1.xml',
      'https://e.org/s2.xml',
    ]);
  });
});
