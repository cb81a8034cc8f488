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

  it('reports the earlier articles a placement moved to another story', async () => {
    // two alike title fights under one headline: the first report of the second fight joins the
    // first fight's story, and is given back when the second fight's next report arrives
    const cli = start(['--jsonl']);
    const headline = 'Klitschko retains his titles';
    cli.stdin.write(
      [
        line(
          'r0',
          headline,
          'Wladimir Klitschko kept his heavyweight belts on Saturday night at the SAP Arena in Mannheim, Germany, where referee Tony Weeks stopped a bleeding Hasim Rahman in the seventh round. Rahman, a former champion aged 35, threw only 21 jabs.',
        ),
        line(
          't0',
          headline,
          'Wladimir Klitschko kept his heavyweight belts at the Stade de Suisse in Bern, Switzerland, knocking Tony Thompson down twice before referee Eddie Cotton ended it in the sixth round. Thompson, 40, from Washington, had lost their first fight in Hamburg.',
        ),
        line(
          'r1',
          headline,
          'Hasim Rahman, 35, was outclassed at the SAP Arena: Weeks waved the bout off in round seven as Klitschko landed 118 punches to 21 for the Baltimore veteran, a late substitute for Alexander Povetkin.',
        ),
        line(
          't1',
          headline,
          'Tony Thompson went down twice in the rematch at the Stade de Suisse: Eddie Cotton stopped it in round six, four years after Klitschko beat the Washington southpaw in Hamburg. A crowd of 26,000 watched in Bern.',
        ),
      ].join(''),
    );
    cli.stdin.end();
    expect(await cli.done).toBe(0);
    expect(cli.lines).toEqual([
      { id: 'r0', story: storyIdFor('r0') },
      { id: 't0', story: storyIdFor('r0') },
      { id: 'r1', story: storyIdFor('r0') },
      { id: 't1', story: storyIdFor('t0'), moved: [{ id: 't0', story: storyIdFor('t0') }] },
    ]);
  });

  it('rejects a bad --window-hours', async () => {
    await expect(start(['--jsonl', '--window-hours', '0']).done).rejects.toThrow(/window-hours/);
  });
});
