import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { readMetadata } from './metadata.js';

const meta = (head: string, body = '', htmlAttrs = '') =>
  readMetadata(
    parseDocument(`<html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`),
    'https://news.example/a/b',
  );

describe('readMetadata', () => {
  it('reads a NewsArticle inside @graph, with authors, dates, section and paywall flag', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'page' },
        {
          '@type': ['NewsArticle'],
          headline: 'Headline from JSON-LD',
          author: [{ '@type': 'Person', name: 'Ann Lee' }, 'Bo Chan'],
          datePublished: '2024-03-01T10:00:00+01:00',
          dateModified: '2024-03-01T12:00:00+01:00',
          articleSection: ['Politics'],
          isAccessibleForFree: 'False',
          publisher: { '@type': 'Organization', name: 'The Example' },
          image: [{ url: '/img/1.jpg' }],
          articleBody: 'Body.',
        },
      ],
    };
    const m = meta(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`);
    expect(m).toMatchObject({
      title: 'Headline from JSON-LD',
      byline: 'Ann Lee, Bo Chan',
      published: '2024-03-01T09:00:00.000Z',
      modified: '2024-03-01T11:00:00.000Z',
      section: 'Politics',
      paywalled: true,
      siteName: 'The Example',
      image: 'https://news.example/img/1.jpg',
      articleBody: 'Body.',
    });
  });

  it('falls back to OpenGraph, Twitter and meta tags', () => {
    const m = meta(
      `<meta property="og:title" content="OG title"><meta name="twitter:image" content="https://cdn.example/t.jpg">
       <meta name="author" content="Cy Dee"><meta property="article:published_time" content="2023-12-31T23:00:00Z">
       <meta property="og:site_name" content="Site"><meta name="description" content="Desc">
       <link rel="canonical" href="/canon">`,
      '',
      'lang="pt-BR"',
    );
    expect(m).toMatchObject({
      title: 'OG title',
      byline: 'Cy Dee',
      published: '2023-12-31T23:00:00.000Z',
      siteName: 'Site',
      description: 'Desc',
      image: 'https://cdn.example/t.jpg',
      canonicalUrl: 'https://news.example/canon',
      language: 'pt',
      paywalled: false,
    });
  });

  it('uses <time datetime>, microdata and the h1 when nothing else says', () => {
    const m = meta(
      '<title>Page | Site</title>',
      '<h1>The h1 title</h1><span itemprop="author">Dee Eff</span><time datetime="2022-05-06T07:08:09Z">May 6</time>',
    );
    expect(m.title).toBe('The h1 title');
    expect(m.byline).toBe('Dee Eff');
    expect(m.published).toBe('2022-05-06T07:08:09.000Z');
  });

  it('survives invalid JSON-LD and recovers raw line breaks inside strings', () => {
    const broken = meta(
      '<script type="application/ld+json">{ not json </script><meta property="og:title" content="T">',
    );
    expect(broken.title).toBe('T');
    const raw = meta(
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"One.\nTwo."}</script>',
    );
    expect(raw.articleBody).toBe('One.\nTwo.');
  });

  it('ignores dates that are not dates', () => {
    expect(meta('<meta property="article:published_time" content="yesterday">').published).toBeNull();
  });
});
