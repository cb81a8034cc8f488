import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ImportOptions, type ImportRecord, readImportPaths } from './index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lede-import-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(paths: string[], options: ImportOptions = {}) {
  const skipped: Array<[string, string]> = [];
  const records: ImportRecord[] = [];
  for await (const record of readImportPaths(paths, { ...options, onSkip: (o, r) => skipped.push([o, r]) })) {
    records.push(record);
  }
  return { records, skipped };
}

const page = (url?: string) =>
  `<!doctype html><html><head>${url ? `<link rel="canonical" href="${url}">` : ''}<title>T</title></head><body><p>Hi</p></body></html>`;
const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>R</title></channel></rss>';

describe('readImportPaths: files and folders', () => {
  it('reads .html, .htm and .html.gz pages with their canonical URL', async () => {
    await writeFile(join(dir, 'a.html'), page('https://example.com/a'));
    await writeFile(join(dir, 'b.htm'), page());
    await writeFile(join(dir, 'c.html.gz'), gzipSync(page('https://example.com/c')));
    const { records } = await collect([dir]);
    expect(records).toEqual([
      {
        kind: 'page',
        url: 'https://example.com/a',
        body: Buffer.from(page('https://example.com/a')),
        contentType: null,
        origin: join(dir, 'a.html'),
      },
      { kind: 'page', url: null, body: Buffer.from(page()), contentType: null, origin: join(dir, 'b.htm') },
      {
        kind: 'page',
        url: 'https://example.com/c',
        body: Buffer.from(page('https://example.com/c')),
        contentType: null,
        origin: join(dir, 'c.html.gz'),
      },
    ]);
  });

  it('reads feed files by their content and skips other files with a reason', async () => {
    await writeFile(join(dir, 'news.rss'), rss);
    await writeFile(
      join(dir, 'atom.xml.gz'),
      gzipSync(
        '<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="https://example.com/atom"/></feed>',
      ),
    );
    await writeFile(join(dir, 'feed.json'), '{"version":"https://jsonfeed.org/version/1.1","items":[]}');
    await writeFile(join(dir, 'package.json'), '{"name":"x"}');
    await writeFile(join(dir, 'notes.txt'), 'hello');
    await writeFile(join(dir, 'layout.xml'), '<layout/>');
    const { records, skipped } = await collect([dir]);
    expect(records.map((r) => [r.kind, r.origin, r.kind === 'feed' ? r.url : undefined])).toEqual([
      ['feed', join(dir, 'atom.xml.gz'), 'https://example.com/atom'],
      ['feed', join(dir, 'feed.json'), null],
      ['feed', join(dir, 'news.rss'), null],
    ]);
    expect(skipped).toEqual([
      [join(dir, 'layout.xml'), 'not a feed'],
      [join(dir, 'notes.txt'), 'not an HTML, feed or WARC file'],
      [join(dir, 'package.json'), 'not a feed'],
    ]);
  });

  it('walks nested folders in sorted order, skips hidden entries, and keeps the order of the paths given', async () => {
    await mkdir(join(dir, 'b', 'inner'), { recursive: true });
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, '.git', 'x.html'), page());
    await writeFile(join(dir, 'b', 'inner', 'z.html'), page());
    await writeFile(join(dir, 'b', 'Y.html'), page());
    await writeFile(join(dir, 'b', 'y.html'), page());
    await writeFile(join(dir, 'a', '10.html'), page());
    await writeFile(join(dir, 'a', '9.html'), page());
    await writeFile(join(dir, 'top.html'), page());
    // a link back up must not loop
    await symlink(dir, join(dir, 'b', 'loop'));
    const { records, skipped } = await collect([join(dir, 'top.html'), dir]);
    expect(records.map((r) => r.origin.slice(dir.length + 1))).toEqual([
      'top.html',
      'a/10.html',
      'a/9.html',
      'b/Y.html',
      'b/inner/z.html',
      'b/y.html',
      'top.html',
    ]);
    expect(skipped).toContainEqual([join(dir, '.git'), 'hidden']);
  });

  it('turns a missing path, a corrupt gzip and an oversized file into error records and goes on', async () => {
    await writeFile(join(dir, 'broken.html.gz'), Buffer.concat([gzipSync(page()).subarray(0, 20)]));
    await writeFile(join(dir, 'garbage.html.gz'), 'this is not gzip at all');
    await writeFile(join(dir, 'big.html'), `${page()}${' '.repeat(5000)}`);
    await writeFile(join(dir, 'bomb.html.gz'), gzipSync(Buffer.alloc(200_000, 32)));
    await writeFile(join(dir, 'ok.html'), page());
    const { records } = await collect([join(dir, 'missing'), dir], { maxBytes: 4096 });
    const summary = records.map((r) => [
      r.origin.slice(dir.length + 1),
      r.kind === 'error' ? r.error : r.kind,
    ]);
    expect(summary).toEqual([
      ['missing', expect.stringContaining('ENOENT')],
      ['big.html', expect.stringMatching(/over the 4096-byte limit/)],
      ['bomb.html.gz', 'decompresses to more than 4096 bytes'],
      ['broken.html.gz', expect.stringMatching(/^corrupt gzip: /)],
      ['garbage.html.gz', expect.stringMatching(/^corrupt gzip: /)],
      ['ok.html', 'page'],
    ]);
  });

  it('skips a big non-feed .json by its first bytes instead of reporting it', async () => {
    await writeFile(join(dir, 'data.json'), JSON.stringify({ rows: 'x'.repeat(10_000) }));
    await writeFile(join(dir, 'huge.rss'), `${rss}${' '.repeat(10_000)}`);
    const { records, skipped } = await collect([dir], { maxBytes: 4096 });
    expect(skipped).toEqual([[join(dir, 'data.json'), 'not a feed']]);
    expect(records).toEqual([
      { kind: 'error', origin: join(dir, 'huge.rss'), error: expect.stringMatching(/limit/) },
    ]);
  });
});

describe('readImportPaths: ground-truth.json', () => {
  it('takes page URLs from a ground-truth.json in the parent folder, keyed by file id', async () => {
    // the layout of bench/extraction/data: ground-truth.json next to the html folder
    await mkdir(join(dir, 'html'));
    await writeFile(
      join(dir, 'ground-truth.json'),
      JSON.stringify({
        abc123: { articleBody: 'text', url: 'https://news.example/abc' },
        noturl: { url: 42 },
      }),
    );
    await writeFile(join(dir, 'html', 'abc123.html.gz'), gzipSync(page('https://canonical.example/abc')));
    await writeFile(join(dir, 'html', 'def456.html.gz'), gzipSync(page('https://canonical.example/def')));
    await writeFile(join(dir, 'html', 'noturl.html'), page());
    const { records } = await collect([join(dir, 'html')]);
    expect(records.map((r) => (r.kind === 'page' ? r.url : r.kind))).toEqual([
      'https://news.example/abc',
      'https://canonical.example/def',
      null,
    ]);
  });

  it('prefers a ground-truth.json in the page folder itself and survives a broken one', async () => {
    await mkdir(join(dir, 'pages'));
    await writeFile(join(dir, 'ground-truth.json'), '{ not json');
    await writeFile(
      join(dir, 'pages', 'ground-truth.json'),
      JSON.stringify({ p1: { url: 'https://here.example/p1' } }),
    );
    await writeFile(join(dir, 'pages', 'p1.htm'), page());
    await writeFile(join(dir, 'p2.html'), page());
    const { records, skipped } = await collect([dir]);
    expect(records.map((r) => [r.origin.slice(dir.length + 1), r.kind === 'page' ? r.url : r.kind])).toEqual([
      ['p2.html', null],
      ['pages/p1.htm', 'https://here.example/p1'],
    ]);
    // the mapping files themselves are not feeds
    expect(skipped.map(([o]) => o.slice(dir.length + 1))).toEqual([
      'ground-truth.json',
      'pages/ground-truth.json',
    ]);
  });
});
