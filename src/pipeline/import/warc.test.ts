import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WarcEntry, warcRecordBytes, writeWarc } from '../../../test/helpers/warc.js';
import { type ImportOptions, type ImportRecord, readImportPaths } from './index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lede-warc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(paths: string[], options: ImportOptions = {}) {
  const skipped: string[] = [];
  const records: ImportRecord[] = [];
  for await (const record of readImportPaths(paths, { ...options, onSkip: (_o, r) => skipped.push(r) })) {
    records.push(record);
  }
  return { records, skipped };
}

const html = (n: number) =>
  `<!doctype html><html><head><title>Story ${n}</title></head><body><p>Body ${n}</p></body></html>`;
const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>R</title></channel></rss>';
const HTML_UTF8 = { 'Content-Type': 'text/html; charset=utf-8' };

const entries: WarcEntry[] = [
  { type: 'request', url: 'https://news.example/1', httpHeaders: { Host: 'news.example' } },
  { url: 'https://news.example/1', httpHeaders: HTML_UTF8, body: html(1) },
  {
    url: 'https://news.example/logo.png',
    httpHeaders: { 'Content-Type': 'image/png' },
    body: new Uint8Array([137, 80, 78, 71]),
  },
  {
    url: 'https://news.example/gone',
    statusline: 'HTTP/1.1 404 Not Found',
    httpHeaders: HTML_UTF8,
    body: html(404),
  },
  { url: 'https://news.example/feed', httpHeaders: { 'Content-Type': 'application/rss+xml' }, body: rss },
  { url: 'https://news.example/feed2', httpHeaders: { 'Content-Type': 'text/xml' }, body: rss },
  {
    url: 'https://news.example/2',
    httpHeaders: { 'Content-Type': 'text/html; charset=iso-8859-1' },
    body: html(2),
  },
  { type: 'metadata', url: 'https://news.example/2', body: 'fetchTimeMs: 120\r\n' },
  {
    type: 'resource',
    url: 'https://news.example/3',
    httpHeaders: { 'Content-Type': 'text/html' },
    body: html(3),
  },
];

function summary(records: ImportRecord[]) {
  return records.map((r) =>
    r.kind === 'error'
      ? { kind: r.kind, error: r.error }
      : {
          kind: r.kind,
          url: r.url,
          body: r.body.toString('utf8'),
          ...(r.kind === 'page' ? { contentType: r.contentType } : {}),
        },
  );
}

const expected = [
  { kind: 'page', url: 'https://news.example/1', body: html(1), contentType: 'text/html; charset=utf-8' },
  { kind: 'feed', url: 'https://news.example/feed', body: rss },
  { kind: 'feed', url: 'https://news.example/feed2', body: rss },
  {
    kind: 'page',
    url: 'https://news.example/2',
    body: html(2),
    contentType: 'text/html; charset=iso-8859-1',
  },
  { kind: 'page', url: 'https://news.example/3', body: html(3), contentType: 'text/html' },
];

describe('readImportPaths: WARC', () => {
  it.each([
    ['plain', 'a.warc', false],
    ['gzipped per record', 'a.warc.gz', true],
  ])('reads HTML and feed responses from a %s WARC and skips the rest', async (_label, name, gzip) => {
    const path = join(dir, name);
    await writeWarc(path, entries, { gzip });
    const { records, skipped } = await collect([path]);
    expect(summary(records)).toEqual(expected);
    expect(skipped).toEqual(['content type image/png', 'HTTP status 404']);
    // origins point at each record's offset in the (decompressed) stream, in increasing order
    const offsets = records.map((r) => Number(r.origin.split('#')[1]));
    expect(records.every((r) => r.origin.startsWith(`${path}#`))).toBe(true);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
    expect(new Set(offsets).size).toBe(offsets.length);
  });

  it('finds the record at the offset it reports', async () => {
    const path = join(dir, 'a.warc');
    await writeWarc(path, entries);
    const { records } = await collect([path]);
    const bytes = await readFile(path);
    for (const r of records) {
      const offset = Number(r.origin.split('#')[1]);
      const block = bytes.subarray(offset, offset + 600).toString('latin1');
      expect(block.startsWith('WARC/1.1\r\n')).toBe(true);
      expect(block).toContain(`WARC-Target-URI: ${r.kind === 'error' ? '' : r.url}`);
    }
  });

  it('undoes chunked transfer encoding and gzip / brotli content encoding', async () => {
    const body = html(7);
    const chunked = `${(20).toString(16)}\r\n${body.slice(0, 20)}\r\n${(body.length - 20).toString(16)}\r\n${body.slice(20)}\r\n0\r\n\r\n`;
    const path = join(dir, 'enc.warc.gz');
    await writeWarc(
      path,
      [
        {
          url: 'https://e.example/chunked',
          httpHeaders: { ...HTML_UTF8, 'Transfer-Encoding': 'chunked' },
          body: chunked,
        },
        {
          url: 'https://e.example/gzip',
          httpHeaders: { ...HTML_UTF8, 'Content-Encoding': 'gzip' },
          body: gzipSync(body),
        },
        {
          url: 'https://e.example/br',
          httpHeaders: { ...HTML_UTF8, 'Content-Encoding': 'br' },
          body: brotliCompressSync(body),
        },
        {
          url: 'https://e.example/zstd',
          httpHeaders: { ...HTML_UTF8, 'Content-Encoding': 'zstd' },
          body: 'x',
        },
      ],
      { gzip: true },
    );
    const { records } = await collect([path]);
    expect(summary(records)).toEqual([
      { kind: 'page', url: 'https://e.example/chunked', body, contentType: HTML_UTF8['Content-Type'] },
      { kind: 'page', url: 'https://e.example/gzip', body, contentType: HTML_UTF8['Content-Type'] },
      { kind: 'page', url: 'https://e.example/br', body, contentType: HTML_UTF8['Content-Type'] },
      { kind: 'error', error: 'unsupported Content-Encoding: zstd' },
    ]);
  });

  it('reports a body over the cap and reads on, streaming past big records it skips', async () => {
    const path = join(dir, 'big.warc');
    await writeWarc(path, [
      {
        url: 'https://b.example/video',
        httpHeaders: { 'Content-Type': 'video/mp4' },
        body: new Uint8Array(3_000_000),
      },
      { url: 'https://b.example/huge', httpHeaders: HTML_UTF8, body: `${html(1)}${' '.repeat(50_000)}` },
      {
        url: 'https://b.example/bomb',
        httpHeaders: { ...HTML_UTF8, 'Content-Encoding': 'gzip' },
        body: gzipSync(Buffer.alloc(1_000_000, 32)),
      },
      {
        url: 'https://b.example/api',
        httpHeaders: { 'Content-Type': 'application/json' },
        body: `[${'1,'.repeat(20_000)}1]`,
      },
      {
        url: 'https://b.example/rss',
        httpHeaders: { 'Content-Type': 'text/xml' },
        body: `${rss}${' '.repeat(30_000)}`,
      },
      { url: 'https://b.example/ok', httpHeaders: HTML_UTF8, body: html(2) },
    ]);
    const { records, skipped } = await collect([path], { maxBytes: 20_000 });
    expect(skipped).toEqual([
      'content type video/mp4',
      'larger than 20000 bytes and neither HTML nor a feed',
    ]);
    expect(summary(records)).toEqual([
      { kind: 'error', error: 'body larger than 20000 bytes' },
      { kind: 'error', error: 'body larger than 20000 bytes' },
      { kind: 'error', error: 'body larger than 20000 bytes' },
      { kind: 'page', url: 'https://b.example/ok', body: html(2), contentType: HTML_UTF8['Content-Type'] },
    ]);
  });

  it('yields the records before a truncation, then an error, then goes on with the next file', async () => {
    const full = join(dir, 'full.warc');
    await writeWarc(full, entries.slice(0, 2));
    const bytes = await readFile(full);
    await writeFile(join(dir, 'a-cut.warc'), bytes.subarray(0, bytes.length - 40));
    const gz = Buffer.concat([
      await warcRecordBytes(entries[1], true),
      await warcRecordBytes(entries[6], true),
    ]);
    await writeFile(join(dir, 'b-cut.warc.gz'), gz.subarray(0, gz.length - 30));
    await writeFile(join(dir, 'c-ok.html'), html(9));
    const { records } = await collect([
      join(dir, 'a-cut.warc'),
      join(dir, 'b-cut.warc.gz'),
      join(dir, 'c-ok.html'),
    ]);
    expect(records.map((r) => [r.kind, r.kind === 'error' ? r.error : r.url])).toEqual([
      [
        'error',
        expect.stringMatching(/^import_truncated_warc: truncated WARC: record ends \d+ bytes early$/),
      ],
      ['page', 'https://news.example/1'],
      ['error', expect.stringMatching(/unexpected end of file/)],
      ['page', null],
    ]);
    expect(records[0].origin).toMatch(/a-cut\.warc#\d+$/);
  });

  it('reports a corrupt gzip member and a file that is not a WARC', async () => {
    const gz = Buffer.from(await warcRecordBytes(entries[1], true));
    const member2 = Buffer.from(await warcRecordBytes(entries[6], true));
    // damage the deflate data of the second member, keeping its header
    member2.fill(0xff, 12, 40);
    await writeFile(join(dir, 'a.warc.gz'), Buffer.concat([gz, member2]));
    await writeFile(join(dir, 'b.warc'), Buffer.alloc(100_000, 0x41));
    await writeFile(join(dir, 'c.warc'), '');
    const { records } = await collect([dir]);
    const rows = records.map(
      (r) => [r.origin.slice(dir.length + 1), r.kind === 'error' ? r.error : r.url] as const,
    );
    // zlib discards the output of the write that fails, so the record just before a bad member
    // may be lost with it; what must hold is that no damaged page comes out and the error says why
    const fromGz = rows.filter(([origin]) => origin.startsWith('a.warc.gz'));
    expect(fromGz.at(-1)?.[1]).toMatch(/invalid|incorrect|unknown/i);
    for (const [, url] of fromGz.slice(0, -1)) expect(url).toBe('https://news.example/1');
    expect(rows.slice(fromGz.length)).toEqual([
      ['b.warc', 'import_not_warc: not a WARC file (no WARC/ version line at the start)'],
    ]);
  });
});
