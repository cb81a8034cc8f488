// `lede import` as a user runs it: local pages, a feed file and a WARC archive the test writes;
// a rerun updates instead of duplicating; a process killed mid-import loses nothing stored.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open.js';
import { lede, runLede } from '../helpers/cli.js';
import { writeWarc } from '../helpers/warc.js';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const page = (name: string, base: string) =>
  readFileSync(join(fixtures, name), 'utf8').replaceAll('{{BASE}}', base);
const work = mkdtempSync(join(tmpdir(), 'lede-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function storedUrls(dataDir: string): Promise<string[]> {
  const store = await openStore({ dataDir });
  try {
    return (await store.articles.list({ limit: 1000 })).map((a) => a.canonicalUrl).sort();
  } finally {
    await store.close();
  }
}

describe('lede import', () => {
  it('imports pages, a feed file and a WARC archive, and a rerun duplicates nothing', async () => {
    const input = join(work, 'input');
    mkdirSync(input, { recursive: true });
    writeFileSync(join(input, 'ship.html'), page('cargo-ship-sinks.html', 'https://gazette.example'));
    writeFileSync(
      join(input, 'terminal.html.gz'),
      gzipSync(page('container-terminal.html', 'https://port.example')),
    );
    writeFileSync(
      join(input, 'feed.xml'),
      `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title><link>https://wire.example/</link>
      <item><title>Rail strike called off after late-night deal</title><link>https://wire.example/rail-strike</link>
      <pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate>
      <description>Rail unions called off Wednesday's national strike.</description>
      <content:encoded><![CDATA[<p>Rail unions called off Wednesday's national strike after a late-night deal with the operators, which raises pay by 6 percent over two years and limits night shifts.</p>
      <p>Trains will run normally on Wednesday and Thursday, the transport ministry said on Tuesday morning, though some early services may start late while crews are rostered again.</p>
      <p>The deal ends a dispute that began in March and led to eleven days of strikes. Union leaders said members would vote on the agreement within three weeks.</p>
      <p>Operators said the pay rise would be paid for by savings from new timetables and not by higher fares, a promise passenger groups said they would hold them to.</p>]]></content:encoded></item>
      </channel></rss>`,
    );
    await writeWarc(
      join(input, 'crawl.warc.gz'),
      [
        {
          url: 'https://archive.example/news/ship',
          httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
          body: page('cargo-ship-sinks.html', 'https://archive.example').replace(
            /<link rel="canonical"[^>]*>/,
            '',
          ),
        },
        {
          url: 'https://archive.example/logo.png',
          httpHeaders: { 'Content-Type': 'image/png' },
          body: 'PNG',
        },
      ],
      { gzip: true },
    );
    const dataDir = join(work, 'data');
    const first = await runLede(['--data', dataDir, 'import', input]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/imported 4 articles; 0 failed/);
    const urls = await storedUrls(dataDir);
    // a page that names no address of its own is known by its file
    expect(urls).toEqual([
      pathToFileURL(join(input, 'terminal.html.gz')).href,
      'https://archive.example/news/ship',
      'https://gazette.example/news/cargo-ship-sinks',
      'https://wire.example/rail-strike',
    ]);

    const second = await runLede(['--data', dataDir, 'import', input]);
    expect(second.code).toBe(0);
    expect(await storedUrls(dataDir)).toEqual(urls);
  });

  it('a crash mid-import loses nothing stored and a rerun completes the rest', async () => {
    const folder = join(process.cwd(), '../shared/bench/extraction/data/html');
    const pages = readdirSync(folder)
      .sort()
      .slice(0, 40)
      .map((name) => join(folder, name));
    const dataDir = join(work, 'crash');
    const child = spawn(
      process.execPath,
      [lede, '--data', dataDir, 'import', '--concurrency', '1', ...pages],
      {
        env: { ...process.env, LEDE_LOG_LEVEL: 'silent' },
        stdio: 'ignore',
      },
    );
    // kill -9 once some articles are in, well before the end
    let before = 0;
    for (let i = 0; i < 600 && before < 5; i++) {
      await new Promise((r) => setTimeout(r, 100));
      before = (await storedUrls(dataDir).catch(() => [])).length;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    const survived = await storedUrls(dataDir);
    expect(survived.length).toBeGreaterThanOrEqual(5);
    expect(survived.length).toBeLessThan(40);

    const rerun = await runLede(['--data', dataDir, 'import', ...pages]);
    expect(rerun.code).toBe(0);
    const imported = Number(/imported (\d+) articles/.exec(rerun.stdout)?.[1]);
    const all = await storedUrls(dataDir);
    expect(all.length).toBeGreaterThan(36);
    expect(all.length).toBeLessThanOrEqual(imported);
    expect(new Set(all).size).toBe(all.length);
    for (const url of survived) expect(all).toContain(url);
  }, 240_000);
});
