// The `lede extract --jsonl` contract of DESIGN.md over corpus inputs: one line out per line in,
// same id, the contract's fields, base64 decoded by the stage, a bad line answered with an error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CORPUS, readCase } from '../../../scripts/extract-case.js';
import { command } from '../../../src/cli/extract.js';
import { loadConfig } from '../../../src/config/config.js';

async function runCli(argv: string[], input: string): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  stdin.end(input);
  const code = await command.run({ config: loadConfig({}), argv, stdin, stdout, stderr: new PassThrough() });
  expect(code).toBe(0);
  return out;
}

describe('lede extract --jsonl', () => {
  it('answers every line with the contract fields and the same id', async () => {
    const seed = readCase('seed-caption-credit');
    const rtl = readCase('rtl-arabic');
    const input = [
      JSON.stringify({ id: 'a', url: seed.info.url, html: seed.html }),
      JSON.stringify({
        id: 7,
        url: rtl.info.url,
        base64: readFileSync(join(CORPUS, 'rtl-arabic', 'input.html')).toString('base64'),
      }),
      'not json',
      JSON.stringify({ id: 'c', url: 'https://e.example/' }),
    ].join('\n');
    const lines = (await runCli(['--jsonl'], input))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(Object.keys(lines[0])).toEqual([
      'id',
      'title',
      'byline',
      'published',
      'language',
      'text',
      'html',
      'leadImage',
      'images',
      'siteName',
      'canonicalUrl',
    ]);
    expect(lines[0]).toMatchObject({
      id: 'a',
      title: 'Troops to deploy in the coming months, officials say',
      images: [{ url: 'https://daily8.example/img/port.jpg', credit: 'Open Source Centre/Airbus' }],
    });
    expect(lines[0].text.split('\n')[0]).toBe('Kyiv');
    expect(lines[1]).toMatchObject({ id: 7, language: 'ar' });
    expect(lines[1].text).toContain('مكتبة عامة جديدة');
    expect(lines[2]).toEqual({ id: null, error: expect.any(String) });
    expect(lines[3]).toEqual({ id: 'c', error: 'missing "html" or "base64"' });
  });

  it('prints one article for a person from a file', async () => {
    const out = await runCli(
      [join(CORPUS, 'seed-caption-credit', 'input.html'), '--url', 'https://daily8.example/x'],
      '',
    );
    expect(out.split('\n')[0]).toBe('Troops to deploy in the coming months, officials say');
    expect(out).toContain('Open Source Centre/Airbus');
    expect(out).toContain('\n\nThe country is set to triple');
  });
});
