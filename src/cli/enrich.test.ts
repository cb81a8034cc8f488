import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { UsageError } from './command.js';
import { command, enrichHandler } from './enrich.js';

const ARTICLE =
  'Rustem Umerov said on Thursday the talks would resume. "We are ready to meet next week," he said.';

async function runCli(argv: string[], input = ''): Promise<{ code: number; out: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c) => {
    out += c;
  });
  stdin.end(input);
  const code = await command.run({
    config: loadConfig({}, {}),
    argv,
    stdin,
    stdout,
    stderr: new PassThrough(),
  });
  return { code, out };
}

describe('lede enrich', () => {
  it('answers the --jsonl contract line by line, with errors for bad lines', async () => {
    const input = [
      JSON.stringify({ id: 'a', title: 'Talks to resume', text: ARTICLE, published: '2025-03-14' }),
      'not json',
      JSON.stringify({ id: 'b' }),
      '',
    ].join('\n');
    const { code, out } = await runCli(['--jsonl'], input);
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(Object.keys(lines[0])).toEqual([
      'id',
      'language',
      'category',
      'entities',
      'hashtags',
      'keyPoints',
      'figures',
      'quotes',
      'events',
    ]);
    expect(lines[0].quotes[0]).toMatchObject({ mention: 'he', speaker: 'Rustem Umerov' });
    expect(lines[0].events[0].date).toBe('2025-03-13');
    expect(lines[1].error).toBeTruthy();
    expect(lines[2]).toEqual({ id: 'b', error: 'missing "text"' });
  });

  it('prints one text file for a reader, first line as the title', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-enrich-cli-'));
    const file = join(dir, 'a.txt');
    writeFileSync(file, `Talks to resume\n\n${ARTICLE}\n`);
    const { code, out } = await runCli([file, '--published', '2025-03-14']);
    expect(code).toBe(0);
    expect(out).toMatch(/^# Talks to resume/);
    expect(out).toContain('“We are ready to meet next week” — he (Rustem Umerov)');
    await expect(runCli([])).rejects.toBeInstanceOf(UsageError);
    await expect(runCli([join(dir, 'missing.txt')])).rejects.toBeInstanceOf(UsageError);
  });

  it('rejects lines without text', () => {
    expect(() => enrichHandler({ id: 1, title: 't' })).toThrow('missing "text"');
  });
});
