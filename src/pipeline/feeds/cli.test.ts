// `lede parse-feed` (src/cli/parse-feed.ts): the JSON Lines batch contract and the single-file form.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../cli/command.js';
import { command } from '../../cli/parse-feed.js';
import { loadConfig } from '../../config/config.js';

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const ctx: CliContext = {
    config: loadConfig({}),
    argv,
    stdout,
    stderr: new PassThrough(),
    stdin: Readable.from([stdin]),
  };
  const code = await command.run(ctx);
  return { code, out: Buffer.concat(chunks).toString('utf8') };
}

describe('lede parse-feed', () => {
  it('--jsonl answers every line with the same id, errors included', async () => {
    const rss = '<rss version="2.0"><channel><title>T</title><item><link>/x</link></item></channel></rss>';
    const lines = [
      JSON.stringify({ id: 'a', xml: rss, url: 'https://e.org/' }),
      JSON.stringify({ id: 'b', base64: Buffer.from(rss).toString('base64') }),
      JSON.stringify({ id: 'c', xml: '' }),
      'not json',
    ].join('\n');
    const { code, out } = await run(['--jsonl'], lines);
    expect(code).toBe(0);
    const res = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(res.map((r) => r.id)).toEqual(['a', 'b', 'c', null]);
    expect(res[0].result).toMatchObject({
      format: 'rss',
      version: '2.0',
      feed: { title: 'T' },
      items: [{ link: 'https://e.org/x' }],
    });
    expect(res[1].result.items[0].link).toBe('/x');
    expect(res[2].error).toMatch(/feed_empty/);
    expect(res[3].error).toBeTruthy();
  });

  it('prints one file as JSON', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lede-pf-'));
    try {
      const file = path.join(dir, 'f.xml');
      writeFileSync(file, '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>');
      const { code, out } = await run([file]);
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject({ format: 'atom', version: '1.0', feed: { title: 'A' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
