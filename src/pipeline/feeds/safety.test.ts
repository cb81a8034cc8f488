// Hostile and broken input: each ends fast with a clear error or a flagged partial result.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LedeError } from '../../lib/errors.js';
import { readFeedDocument } from './adapt.js';
import { parseFeed } from './parse.js';
import { parseFeedStream } from './stream.js';

function timed<T>(fn: () => T): { value?: T; error?: unknown; ms: number } {
  const t = performance.now();
  try {
    return { value: fn(), ms: performance.now() - t };
  } catch (error) {
    return { error, ms: performance.now() - t };
  }
}

const code = (e: unknown) => (e instanceof LedeError ? e.code : String(e));

describe('bad input', () => {
  it('billion laughs: stops at the expansion budget with a clear error', () => {
    const lols = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++)
      lols.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${lols.join('')}]><rss><channel><title>&lol9;</title></channel></rss>`;
    const r = timed(() => parseFeed(xml));
    expect(code(r.error)).toBe('feed_entity_limit');
    expect(r.ms).toBeLessThan(2000);
  });

  it('quadratic blowup: a big entity referenced many times stops at the budget', () => {
    const big = 'x'.repeat(50_000);
    const xml = `<!DOCTYPE rss [<!ENTITY a "${big}">]><rss><channel><title>${'&a;'.repeat(50_000)}</title></channel></rss>`;
    const r = timed(() => parseFeed(xml));
    expect(code(r.error)).toBe('feed_entity_limit');
    expect(r.ms).toBeLessThan(2000);
  });

  it('external entities are never read (file:///etc/passwd)', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <rss><channel><title>a&xxe;b</title></channel></rss>`;
    const r = parseFeed(xml);
    expect(r.feed.title).toBe('ab');
    expect(r.wellFormed).toBe(false);
    expect(JSON.stringify(r)).not.toContain('root:');
  });

  it('deep nesting: rejected beyond the depth limit', () => {
    const xml = `<rss><channel>${'<x>'.repeat(100_000)}</channel></rss>`;
    const r = timed(() => parseFeed(xml));
    expect(code(r.error)).toBe('feed_too_deep');
    expect(r.ms).toBeLessThan(2000);
  });

  it('empty and whitespace-only documents', () => {
    expect(code(timed(() => parseFeed(Buffer.alloc(0))).error)).toBe('feed_empty');
    expect(code(timed(() => parseFeed('  \n ')).error)).toBe('feed_empty');
  });

  it('binary garbage: a clear error, fast', () => {
    let seed = 42;
    const bytes = Buffer.alloc(1_000_000);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed & 0xff;
    }
    const r = timed(() => parseFeed(bytes));
    expect(r.error).toBeInstanceOf(LedeError);
    expect(r.ms).toBeLessThan(3000);
  });

  it('an HTML page is not a feed', () => {
    expect(code(timed(() => parseFeed('<!doctype html><html><body>hi</body></html>')).error)).toBe(
      'feed_unknown_format',
    );
  });

  it('a large stream beyond the byte cap is cut and flagged, with the items read so far', () => {
    const item = '<item><title>t</title><link>http://x/</link></item>';
    const xml = Buffer.from(`<rss><channel>${item.repeat(200_000)}</channel></rss>`); // ~10 MB
    const r = timed(() => parseFeed(xml, undefined, { maxBytes: 1_000_000 }));
    expect(r.value?.wellFormed).toBe(false);
    expect(r.value?.errors[0]).toMatch(/truncated/);
    expect(r.value?.items.length).toBeGreaterThan(15_000);
    expect(r.value?.items.length).toBeLessThan(20_000);
    expect(r.ms).toBeLessThan(3000);
  });

  it('caps the number of items kept', () => {
    const xml = `<rss><channel>${'<item><title>t</title></item>'.repeat(50)}</channel></rss>`;
    const r = parseFeed(xml, undefined, { maxItems: 10 });
    expect(r.items.length).toBe(10);
    expect(r.wellFormed).toBe(false);
  });

  it('a 1 GB stream is read only up to the cap: flagged partial result, bounded memory', async () => {
    const item = Buffer.from('<item><title>t</title><link>http://x/</link></item>'.repeat(1300)); // ~64 KiB
    let produced = 0;
    async function* body() {
      yield Buffer.from('<rss><channel>');
      while (produced < 1024 ** 3) {
        produced += item.length;
        yield item;
      }
    }
    const t = performance.now();
    const r = await parseFeedStream(body(), null, { maxBytes: 8 * 1024 * 1024 });
    expect(produced).toBeLessThan(9 * 1024 * 1024);
    expect(r.wellFormed).toBe(false);
    expect(r.errors[0]).toMatch(/stream cut/);
    expect(r.items.length).toBeGreaterThan(50_000);
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('inflates gzipped documents, but a gzip bomb stops at the byte cap', () => {
    const xml = '<rss><channel><title>zipped</title></channel></rss>';
    expect(parseFeed(gzipSync(Buffer.from(xml))).feed.title).toBe('zipped');
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(code(timed(() => parseFeed(bomb, undefined, { maxBytes: 1024 * 1024 })).error)).toBe(
      'feed_too_large',
    );
  });

  it.each([
    ['bare ampersands', `<rss><channel><title>${'&'.repeat(2_000_000)};</title></channel></rss>`],
    ['unterminated comments', `${'<!--'.repeat(500_000)}`],
    ['unterminated tags', `<rss>${'<a b="'.repeat(300_000)}`],
    ['lone "<"', `<rss><channel><title>${'< '.repeat(1_000_000)}</title></channel></rss>`],
    ['deep unclosed siblings', `<rss><channel>${'<item><title>x'.repeat(100)}`],
  ])('pathological input stays linear: %s', (_name, xml) => {
    const r = timed(() => readFeedDocument(xml, 'https://e.org/feed'));
    expect(r.ms).toBeLessThan(3000);
    if (r.value) expect(r.value.wellFormed).toBe(false);
    else expect(r.error).toBeInstanceOf(LedeError);
  });
});
