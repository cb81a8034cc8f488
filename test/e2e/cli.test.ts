// The `lede` command as a user runs it: bad arguments get one line naming the fix and status 2.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLede } from '../helpers/cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'lede-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('lede command line', () => {
  it('lists its commands', async () => {
    const { code, stdout } = await runLede(['--help']);
    expect(code).toBe(0);
    for (const name of [
      'serve',
      'ingest',
      'import',
      'sources',
      'parse-feed',
      'extract',
      'enrich',
      'cluster',
    ]) {
      expect(stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['serve', '--port', 'eighty'], /--port must be a number/],
    [['serve', '--bogus'], /bogus/],
    [['ingest'], /--once/],
    [['import'], /needs at least one file/],
    [['import', '/no/such/path'], /no such file or folder/],
    [['sources', 'add', 'not a url'], /is not a URL/],
    [['sources', 'explode', 'x'], /unknown action/],
  ])('lede %j fails with status 2 and one line', async (args, message) => {
    const { code, stderr } = await runLede(['--data', dataDir, ...args]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('a bad setting names itself', async () => {
    const { code, stderr } = await runLede(['sources', 'list'], {
      env: { PORT: 'x', LEDE_DATA_DIR: dataDir },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/PORT/);
  });

  it('adds, lists, disables and removes a source', async () => {
    const data = ['--data', dataDir];
    const added = await runLede([
      ...data,
      'sources',
      'add',
      'https://news.example.org/rss.xml',
      '--name',
      'Example News',
      '--country',
      'eg',
      '--language',
      'ar',
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /^added: \S+ {2}Example News {2}https:\/\/news\.example\.org\/rss\.xml {2}\[EG ar\]/,
    );
    const again = await runLede([...data, 'sources', 'add', 'https://news.example.org/rss.xml']);
    expect(again.stdout).toMatch(/^already there/);
    const disabled = await runLede([...data, 'sources', 'disable', 'https://news.example.org/rss.xml']);
    expect(disabled.stdout).toMatch(/disabled$/m);
    const listed = await runLede([...data, 'sources', 'list', '--json']);
    const sources = JSON.parse(listed.stdout) as Array<{ feedUrl: string; enabled: boolean }>;
    expect(sources).toEqual([
      expect.objectContaining({ feedUrl: 'https://news.example.org/rss.xml', enabled: false }),
    ]);
    const removed = await runLede([...data, 'sources', 'remove', 'https://news.example.org/rss.xml']);
    expect(removed.code).toBe(0);
    expect((await runLede([...data, 'sources', 'list'])).stdout).toBe('');
  });

  it('imports and exports OPML, folders becoming topics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-opml-'));
    const data = ['--data', join(dir, 'data')];
    const file = join(dir, 'subs.opml');
    writeFileSync(
      file,
      `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="Sports"><outline text="Goal Daily" type="rss" xmlUrl="https://goal.example/feed" htmlUrl="https://goal.example/"/></outline>
      <outline text="Cairo Times" type="rss" xmlUrl="https://cairo.example/rss.xml"/>
      </body></opml>`,
    );
    const imported = await runLede([...data, 'sources', 'import-opml', file]);
    expect(imported.stdout).toBe(`imported 2 new sources of 2 in ${file}\n`);
    const exported = await runLede([...data, 'sources', 'export-opml']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(
      /<outline text="sports"[^>]*>\s*<outline [^>]*xmlUrl="https:\/\/goal\.example\/feed"/,
    );
    expect(exported.stdout).toContain('xmlUrl="https://cairo.example/rss.xml"');
    rmSync(dir, { recursive: true, force: true });
  });
});
