// npm run bench:feeds — conformance (overall and per group), real-world smoke count, throughput
// on a generated 10 MB RSS 2.0 feed (5,000 items) side by side with rss-parser, and the time and
// peak memory of a 50 MB feed (in a child process, so its peak RSS is the parse's own).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser as HtmlParser } from 'htmlparser2';
import RssParser from 'rss-parser';
import { runCorpus } from '../src/pipeline/feeds/corpus-run.js';
import { parseFeed } from '../src/pipeline/feeds/parse.js';

function item(i: number): string {
  const body =
    `<p>Paragraph ${i} of the story, with <a href="https://example.com/${i}">a link</a> &amp; some text. </p>`.repeat(
      12,
    );
  return `<item>
  <title>Story number ${i}: a headline of ordinary length &amp; punctuation</title>
  <link>https://news.example.com/world/2026/11/28/story-${i}.html</link>
  <guid isPermaLink="false">urn:example:story:${i}</guid>
  <pubDate>Sat, 28 Nov 2026 ${String(i % 24).padStart(2, '0')}:15:00 +0100</pubDate>
  <dc:creator>Reporter ${i % 37}</dc:creator>
  <category domain="https://news.example.com/sections">World</category>
  <category>Politics</category>
  <description><![CDATA[<p>Summary of story ${i}, a couple of sentences that a news feed would carry in its description element.</p>]]></description>
  <content:encoded><![CDATA[${body}]]></content:encoded>
  <enclosure url="https://img.example.com/${i}.jpg" type="image/jpeg" length="${10000 + i}"/>
  <media:thumbnail url="https://img.example.com/${i}-thumb.jpg" width="150" height="100"/>
</item>
`;
}

/** An RSS 2.0 feed of `count` items, padded per item so the whole is close to `bytes`. */
function generateFeed(count: number): string {
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Example News</title><link>https://news.example.com/</link><description>All the news</description><language>en</language>
`;
  const parts = [head];
  for (let i = 0; i < count; i++) parts.push(item(i));
  parts.push('</channel></rss>\n');
  return parts.join('');
}

/** Best wall time and best CPU time (user + system) over `runs`: the machine may be shared. */
function best(runs: number, fn: () => void): { wall: number; cpu: number } {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall = Math.min(wall, performance.now() - t);
    const used = process.cpuUsage(c);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

async function bestAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

function bigChild(file: string): void {
  const bytes = readFileSync(file);
  const c = process.cpuUsage();
  const t = performance.now();
  const result = parseFeed(bytes);
  const ms = performance.now() - t;
  const used = process.cpuUsage(c);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const cpuMs = (used.user + used.system) / 1000;
  process.stdout.write(
    JSON.stringify({ ms, cpuMs, peakMb, items: result.items.length, mb: bytes.length / 1e6 }),
  );
}

async function main(): Promise<void> {
  const cases = runCorpus('cases');
  const total = cases.pass + cases.fail;
  console.log(`conformance: ${cases.pass}/${total} = ${((100 * cases.pass) / total).toFixed(1)}% (bar 99%)`);
  for (const [group, g] of Object.entries(cases.groups).sort()) {
    console.log(
      `  ${group.padEnd(28)} ${g.pass}/${g.pass + g.fail} = ${((100 * g.pass) / (g.pass + g.fail)).toFixed(1)}%`,
    );
  }
  const real = runCorpus('real-world');
  console.log(`real-world: ${real.pass}/${real.pass + real.fail} pass the smoke checks`);
  for (const f of real.failures) console.log(`  ${f.id}: ${f.failures.join('; ')}`);

  const xml = generateFeed(5000);
  const buf = Buffer.from(xml);
  const mb = buf.length / 1e6;
  const ours = best(7, () => parseFeed(buf));
  const tokenizeOnly = best(3, () => {
    const p = new HtmlParser({}, { xmlMode: true });
    p.end(xml);
  });
  const rss = new RssParser();
  const theirs = await bestAsync(3, () => rss.parseString(xml));
  const rate = (ms: number) => (mb / (ms / 1000)).toFixed(1);
  console.log(
    `throughput on ${mb.toFixed(1)} MB RSS 2.0, 5,000 items (best of runs; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs):`,
  );
  console.log(
    `  lede parseFeed (bytes in, decoding included): ${rate(ours.wall)} MB/s wall (${ours.wall.toFixed(0)} ms), ${rate(ours.cpu)} MB/s of CPU time`,
  );
  console.log(
    `  rss-parser 3.13 (string in):                  ${rate(theirs)} MB/s wall (${theirs.toFixed(0)} ms)`,
  );
  console.log(
    `  htmlparser2 12 xmlMode, tokenizing only:      ${rate(tokenizeOnly.wall)} MB/s wall (no model, for scale)`,
  );

  const dir = mkdtempSync(path.join(tmpdir(), 'lede-bench-'));
  try {
    const file = path.join(dir, 'big.xml');
    writeFileSync(file, generateFeed(24_500));
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--big', file],
      {
        encoding: 'utf8',
      },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    const big = JSON.parse(child.stdout) as {
      ms: number;
      cpuMs: number;
      peakMb: number;
      items: number;
      mb: number;
    };
    console.log(
      `big feed: ${big.mb.toFixed(1)} MB, ${big.items} items in ${(big.ms / 1000).toFixed(2)} s (CPU ${(big.cpuMs / 1000).toFixed(2)} s), peak RSS of the process ${big.peakMb.toFixed(0)} MB (bars < 3 s, < 400 MB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--big') bigChild(process.argv[3]);
else await main();
