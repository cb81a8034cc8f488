// An ingest whose story placement moves earlier articles (a regrouped story) rewrites those
// articles' story in the store and refreshes every story record it touched. Real runtime on a
// SQLite file: extraction, enrichment, the story placer and the store; only the placer's answer
// for one article gets a chosen `moved` list added.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import type { Article } from '../domain/types.js';
import { escapeHtml } from '../lib/html.js';
import { silentLogger } from '../lib/log.js';
import { openRuntime, type Runtime } from '../main.js';
import { hoursAgo } from '../storage/contract/fixtures.js';
import type { PipelineDeps } from './deps.js';
import { ingestPage } from './pipeline.js';
import type { MergedStory, MovedArticle } from './stories/types.js';

const ship = [
  'A cargo ship sank off the northern coast after a storm on Tuesday, the coast guard said.',
  'All 21 crew members were rescued by two helicopters and a lifeboat before the vessel went down.',
  'The ship was carrying grain to the port of Alexandria when its engine failed in high waves.',
  'Officials said an investigation into the sinking would begin once the storm had passed.',
];
const rail = [
  'Rail unions called off Wednesday’s national strike after a late-night deal with the operators.',
  'The deal raises pay by 6 percent over two years and limits night shifts, the unions said.',
  'Trains will run normally on Wednesday and Thursday, the transport ministry said on Tuesday.',
  'Union members will vote on the agreement within three weeks, their leaders said.',
];

function html(title: string, published: string, paragraphs: string[]): Buffer {
  return Buffer.from(
    [
      '<!doctype html><html><head><meta charset="utf-8">',
      `<title>${escapeHtml(title)}</title>`,
      `<meta property="article:published_time" content="${published}">`,
      `</head><body><article><h1>${escapeHtml(title)}</h1>`,
      ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
      '</article></body></html>',
    ].join(''),
    'utf8',
  );
}

describe('ingest with a placement that moves articles', () => {
  let dataDir: string;
  let runtime: Runtime;
  let deps: PipelineDeps;
  /** moves and merges the placer's next answer carries, on top of its own */
  let nextMoves: MovedArticle[] = [];
  let nextMerges: MergedStory[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lede-moves-'));
    runtime = await openRuntime(loadConfig({ LEDE_DATA_DIR: dataDir }), {
      logger: silentLogger,
      extractWorkers: 0,
    });
    const placer = runtime.pipeline.stories;
    deps = {
      ...runtime.pipeline,
      stories: {
        ...placer,
        place(doc) {
          const placement = placer.place(doc);
          const moved = [...placement.moved, ...nextMoves];
          const merged = [...placement.merged, ...nextMerges];
          nextMoves = [];
          nextMerges = [];
          return { ...placement, moved, merged };
        },
      },
    };
  });

  afterAll(async () => {
    await runtime?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ingest = (host: string, title: string, published: string, paragraphs: string[]) =>
    ingestPage(deps, {
      url: `https://${host}/news/${title.toLowerCase().replaceAll(/\W+/g, '-')}`,
      body: html(title, published, paragraphs),
      contentType: 'text/html; charset=utf-8',
      sourceId: null,
    });
  const stored = async (a: Article) => (await runtime.store.articles.get(a.id))?.storyId;

  it('moves the articles in the store and refreshes the stories they left and joined', async () => {
    const ship1 = await ingest('gazette.example', 'Cargo ship sinks after storm', hoursAgo(6), ship);
    const ship2 = await ingest('harbour.example', 'Cargo ship sinks in storm, crew safe', hoursAgo(5), ship);
    const ship3 = await ingest('coast.example', 'Crew rescued as cargo ship sinks', hoursAgo(4), ship);
    const rail1 = await ingest('wire.example', 'Rail strike called off after deal', hoursAgo(3), rail);
    // the real placer groups the reports of each event
    const shipStory = ship1.storyId!;
    expect([ship2.storyId, ship3.storyId]).toEqual([shipStory, shipStory]);
    expect(rail1.storyId).not.toBe(shipStory);
    expect((await runtime.store.stories.get(shipStory))?.articleCount).toBe(3);

    nextMoves = [
      { id: ship1.id, storyId: 'split-off' },
      { id: ship2.id, storyId: rail1.storyId! },
    ];
    const rail2 = await ingest('rail.example', 'Rail unions call off strike', hoursAgo(2), rail);
    const railStory = rail2.storyId!;
    expect(railStory).toBe(rail1.storyId);

    expect(await stored(ship1)).toBe('split-off');
    expect(await stored(ship2)).toBe(railStory);
    expect(await stored(ship3)).toBe(shipStory);
    expect(await stored(rail1)).toBe(railStory);

    // a story split off gets its record
    expect(await runtime.store.stories.get('split-off')).toMatchObject({
      title: ship1.title,
      leadArticleId: ship1.id,
      articleCount: 1,
      sourceCount: 1,
      firstPublishedAt: ship1.publishedAt,
      lastPublishedAt: ship1.publishedAt,
      mergedInto: null,
    });
    // the story the articles left is summarized from what it still holds
    expect(await runtime.store.stories.get(shipStory)).toMatchObject({
      leadArticleId: ship3.id,
      articleCount: 1,
      sourceCount: 1,
      firstPublishedAt: ship3.publishedAt,
      lastPublishedAt: ship3.publishedAt,
    });
    // the placement's story counts the article moved into it
    expect(await runtime.store.stories.get(railStory)).toMatchObject({
      articleCount: 3,
      sourceCount: 3,
      firstPublishedAt: ship2.publishedAt,
      lastPublishedAt: rail2.publishedAt,
    });

    // the last article leaves: an empty story's record is left as it was
    const before = await runtime.store.stories.get(shipStory);
    nextMoves = [{ id: ship3.id, storyId: 'split-off' }];
    const rail3 = await ingest('daily.example', 'Strike off: trains to run as normal', hoursAgo(1), rail);
    expect(await stored(ship3)).toBe('split-off');
    expect(await runtime.store.articles.count({ storyId: shipStory })).toBe(0);
    expect(await runtime.store.stories.get(shipStory)).toEqual(before);
    expect((await runtime.store.stories.get('split-off'))?.articleCount).toBe(2);
    expect((await runtime.store.stories.get(rail3.storyId!))?.articleCount).toBe(4);

    // a merge goes into the story the clusterer named, which need not be the placement's
    nextMerges = [{ id: 'split-off', into: shipStory }];
    const rail4 = await ingest('post.example', 'Trains back to normal after strike', hoursAgo(0.5), rail);
    expect(rail4.storyId).toBe(railStory);
    expect([await stored(ship1), await stored(ship3)]).toEqual([shipStory, shipStory]);
    expect((await runtime.store.stories.get('split-off'))?.mergedInto).toBe(shipStory);
    expect((await runtime.store.stories.get(shipStory))?.articleCount).toBe(2);
    expect((await runtime.store.stories.get(railStory))?.articleCount).toBe(5);
  });
});
