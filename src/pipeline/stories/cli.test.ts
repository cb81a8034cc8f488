// The `lede cluster --jsonl` contract, driven in-process through the command's run().
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { command } from '../../cli/cluster.js';
import type { Config } from '../../config/config.js';
import { storyIdFor } from './clusterer.js';

function start(argv: string[]) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const lines: Array<Record<string, unknown>> = [];
  let buffer = '';
  stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let at = buffer.indexOf('\n');
    while (at >= 0) {
      lines.push(JSON.parse(buffer.slice(0, at)));
      buffer = buffer.slice(at + 1);
      at = buffer.indexOf('\n');
    }
  });
  const done = command.run({ config: {} as Config, argv, stdin, stdout, stderr });
  return { stdin, stdout, lines, done };
}

const line = (id: string, title: string, text: string, published = '2026-03-01T10:00:00Z') =>
  `${JSON.stringify({ id, title, text, published, source: 'wire' })}\n`;

describe('lede cluster --jsonl', () => {
  it('answers each line as it arrives, same id, story ids stable', async () => {
    const cli = start(['--jsonl', '--window-hours', '24']);
    cli.stdin.write(
      line('a1', 'Izmir earthquake kills 39', 'A magnitude 6.1 earthquake struck Izmir, killing 39.'),
    );
    // the answer comes before the next line is written: the filter is online, not batch
    while (cli.lines.length < 1) await once(cli.stdout, 'data');
    expect(cli.lines[0]).toEqual({ id: 'a1', story: storyIdFor('a1') });
    cli.stdin.write(
      line('a2', 'Earthquake in Izmir: 39 dead', 'The magnitude 6.1 earthquake in Izmir killed 39 people.'),
    );
    cli.stdin.write('{"id": "bad", "title": "no text"}\n');
    cli.stdin.write('not json\n');
    cli.stdin.end();
    expect(await cli.done).toBe(0);
    expect(cli.lines.slice(1)).toEqual([
      { id: 'a2', story: storyIdFor('a1') },
      { id: 'bad', error: 'missing "text"' },
      { id: null, error: expect.any(String) },
    ]);
  });

  it('rejects a bad --window-hours', async () => {
    await expect(start(['--jsonl', '--window-hours', '0']).done).rejects.toThrow(/window-hours/);
  });
});
