// bench:serve — the article page under load. Builds (once, under .bench-out/) a SQLite store of
// 100,000 synthetic articles through the Store API in transactions, serves it from a child
// process, then with autocannon on loopback: (1) 1,000 req/s for 10 s on an article page:
// p99 latency and errors; (2) the maximum req/s of the same page, beside plain node:http
// serving the same bytes from memory.  Usage: npm run bench:serve [-- --articles N] [--rebuild]
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import type { Article, Enrichment, Story } from '../src/domain/types.js';
import { splitSentences } from '../src/pipeline/enrich/sentences.js';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { generator } from './synthetic.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    rebuild: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    rate: { type: 'string', default: '1000' },
  },
});
const TOTAL = Number(values.articles);
const DURATION = Number(values.duration);
const dir = join('.bench-out', `serve-${TOTAL}`);
const file = join(dir, 'lede.db');
const done = join(dir, 'complete');
const TARGET = 'bench-target';

function enrichmentOf(text: string, hashtags: string[]): Enrichment {
  const sentences = splitSentences(text);
  const pick = (i: number) => sentences[Math.min(i, sentences.length - 1)];
  return {
    language: 'en',
    category: 'world',
    entities: [],
    hashtags,
    keyPoints: [0, 3, 7].map((i) => ({
      text: text.slice(pick(i).start, pick(i).end),
      start: pick(i).start,
      end: pick(i).end,
    })),
    figures: [],
    quotes: [],
    events: [],
    readingMinutes: Math.round(text.split(' ').length / 230),
  };
}

async function build(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = await openSqliteStore(file);
  const sources: string[] = [];
  for (let i = 0; i < 50; i++) {
    const added = await store.sources.add({
      name: `Source ${i}`,
      feedUrl: `https://s${i}.example/feed`,
      country: 'GB',
      language: 'en',
      displayPolicy: 'full',
    });
    sources.push(added.source.id);
  }
  const next = generator({ seed: 3, days: 365 });
  const started = performance.now();
  const batch = 2000;
  for (let from = 0; from < TOTAL; from += batch) {
    await store.transaction(async (tx) => {
      for (let i = from; i < Math.min(TOTAL, from + batch); i++) {
        const s = next(i, TOTAL);
        const long = i === TOTAL - 1;
        const text = long ? Array.from({ length: 10 }, (_, k) => next(k, 10).text).join('\n') : s.text;
        const tags = [`tag-${i % 500}`, `tag-${(i * 7) % 500}`];
        const article: Article = {
          id: long ? TARGET : s.id,
          url: `https://news.example/${s.id}`,
          canonicalUrl: `https://news.example/${s.id}`,
          sourceId: sources[s.sourceIndex],
          title: s.title,
          byline: 'Staff reporter',
          description: s.description,
          publishedAt: s.publishedAt,
          modifiedAt: null,
          language: 'en',
          siteName: null,
          section: null,
          paywalled: false,
          text,
          html: '',
          leadImage: {
            url: `https://img.example/${s.id}.jpg`,
            caption: 'A caption',
            credit: 'Agency',
            width: 1200,
            height: 675,
          },
          images: [],
          category: s.category,
          enrichment: enrichmentOf(text, tags),
          storyId: `story-${Math.floor(i / 5)}`,
          contentHash: null,
          duplicateOf: null,
          fetchedAt: s.publishedAt,
          updatedAt: s.publishedAt,
        };
        await tx.articles.upsert(article);
        if (i % 10 === 0 || long)
          await tx.tags.setForArticle(
            article.id,
            tags.map((slug) => ({ slug, name: slug, type: 'topic' as const })),
          );
        if (i % 5 === 4 || long) {
          const story: Story = {
            id: article.storyId as string,
            title: s.title,
            leadArticleId: article.id,
            articleCount: 5,
            sourceCount: 3,
            category: s.category,
            firstPublishedAt: s.publishedAt,
            lastPublishedAt: s.publishedAt,
            mergedInto: null,
            createdAt: s.publishedAt,
            updatedAt: s.publishedAt,
          };
          await tx.stories.upsert(story);
        }
      }
    });
    if ((from / batch) % 10 === 9)
      process.stderr.write(
        `  ${from + batch} articles, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
      );
  }
  await store.close();
  writeFileSync(done, `${TOTAL}\n`);
  console.log(
    `built ${TOTAL} articles through the Store in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

function start(args: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/serve-server.ts', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('listening')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function main() {
  if (values.rebuild || !existsSync(done)) await build();
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const url = `http://127.0.0.1:${port}/article/${TARGET}`;
  const app = await start(['app', file, String(port)]);
  try {
    const page = Buffer.from(await (await fetch(url)).arrayBuffer());
    console.log(
      `article page: ${page.length} bytes (${gzipSync(page).length} gzip) on a store of ${TOTAL} articles`,
    );
    await autocannon({ url, connections: 10, duration: 2 }); // warm up
    const rated = await autocannon({
      url,
      connections: 50,
      duration: DURATION,
      overallRate: Number(values.rate),
    });
    console.log(
      `${values.rate} req/s for ${DURATION} s: ${rated.requests.total} requests, p50 ${rated.latency.p50} ms, p99 ${rated.latency.p99} ms, max ${rated.latency.max} ms, errors ${rated.errors}, timeouts ${rated.timeouts}, non-2xx ${rated.non2xx}`,
    );
    const max = await autocannon({ url, connections: 50, duration: DURATION });
    console.log(
      `Lede max: ${Math.round(max.requests.average)} req/s (p99 ${max.latency.p99} ms, errors ${max.errors})`,
    );
    const bytes = join(dir, 'page.html');
    writeFileSync(bytes, page);
    await stop(app);
    const plain = await start(['plain', bytes, String(port + 1)]);
    try {
      const base = await autocannon({
        url: `http://127.0.0.1:${port + 1}/`,
        connections: 50,
        duration: DURATION,
      });
      console.log(`plain node:http, same bytes from memory: ${Math.round(base.requests.average)} req/s`);
      console.log(`ratio: ${(max.requests.average / base.requests.average).toFixed(2)} (bar: >= 0.5)`);
      const ok =
        rated.latency.p99 < 50 &&
        rated.errors === 0 &&
        rated.non2xx === 0 &&
        max.requests.average >= base.requests.average / 2;
      console.log(ok ? 'PASS' : 'FAIL');
    } finally {
      await stop(plain);
    }
  } finally {
    if (app.exitCode === null) await stop(app);
  }
}

await main();
