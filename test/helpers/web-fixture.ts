// A small, realistic store for web tests: three sources (one excerpt-only, one Arabic), a story
// covered by two sources whose figures disagree, an Arabic article, a hostile headline, tags,
// and a story merged into another. Enrichment offsets point into each article's text.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, NewSource } from '../../src/domain/types.js';
import { article, hoursAgo, story as storyFixture } from '../../src/storage/contract/fixtures.js';
import { openSqliteStore } from '../../src/storage/sqlite/index.js';
import type { Store } from '../../src/storage/store.js';
import { enrichment } from './enrichment.js';

export const HOSTILE = `<script>alert(1)</script> "><img src=x onerror=alert(2)> </script>`;

export const TROOPS_TEXT = [
  'Kyiv',
  'North Korea is set to triple the number of its troops fighting for Russia, sending an additional 25,000 to 30,000 soldiers to assist Moscow, according to Ukrainian officials.',
  "The troops may arrive in Russia in the coming months, adding to the 11,000 sent in November who helped repel Ukraine's incursion into the Kursk region.",
  'Jenny Town, senior fellow at the Stimson Center, said 10,000 to 20,000 sounds more realistic.',
  "'Together with our partners, we are monitoring these threats,' Umerov said on June 5, 2025.",
  'The weather in Kyiv was mild on Thursday.',
].join('\n');

const ANALYST_TEXT = [
  'Analysts say North Korea could send 10,000 to 20,000 troops to Russia, far fewer than Kyiv claims.',
  'The Kursk region remains the focus of the deployment, according to satellite images.',
].join('\n');

export const ARABIC_TEXT =
  'أعلنت وزارة الدفاع في القاهرة عن خطة جديدة. وقال المتحدث إن الخطة تبدأ الأسبوع المقبل.';

function at(text: string, needle: string) {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length };
}

let counter = 0;
/** A fixture article with its id in its URL, published an hour before the one built before it. */
function webArticle(id: string, over: Partial<Article>): Article {
  return article(id, { id, publishedAt: hoursAgo(++counter), category: 'world', ...over });
}

export interface WebFixture {
  store: Store;
  dir: string;
  ids: {
    troops: string;
    analyst: string;
    arabic: string;
    hostile: string;
    excerpt: string;
    story: string;
    merged: string;
  };
  sources: { kyiv: string; arabic: string; excerpt: string };
  close(): Promise<void>;
}

export async function createWebFixture(): Promise<WebFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'lede-web-'));
  const store = await openSqliteStore(join(dir, 'lede.db'));
  const addSource = async (name: string, host: string, over: Partial<NewSource>) =>
    (
      await store.sources.add({
        name,
        feedUrl: `https://${host}.example/feed`,
        language: 'en',
        displayPolicy: 'full',
        ...over,
      })
    ).source;
  const kyiv = await addSource('Kyiv Daily', 'kyiv', { country: 'UA' });
  const arabic = await addSource('أخبار القاهرة', 'cairo', { country: 'EG', language: 'ar' });
  const excerptSource = await addSource('Excerpt Times', 'excerpt', {
    country: 'GB',
    displayPolicy: 'excerpt',
  });
  await store.sources.update(excerptSource.id, { errorCount: 2, lastError: 'HTTP 503 from feed' });

  const T = TROOPS_TEXT;
  const troops = webArticle('a-troops', {
    title: 'North Korea to send as many as 30,000 troops to bolster Russia, Ukrainian officials say',
    text: T,
    sourceId: kyiv.id,
    byline: 'Jane Reporter',
    storyId: 'story-1',
    leadImage: {
      url: 'https://img.example/ship.jpg',
      caption: 'A ship docked at the Dunai port.',
      credit: 'Open Source Centre/Airbus',
      width: 1200,
      height: 675,
    },
    enrichment: enrichment({
      entities: [
        { text: 'North Korea', type: 'place', country: 'KP', ...at(T, 'North Korea') },
        { text: 'Jenny Town', type: 'person', ...at(T, 'Jenny Town') },
        { text: 'Stimson Center', type: 'organization', ...at(T, 'Stimson Center') },
        { text: 'Kursk', type: 'place', country: 'RU', ...at(T, 'Kursk') },
        { text: 'Umerov', type: 'person', ...at(T, 'Umerov') },
      ],
      hashtags: ['north-korea', 'kursk', 'jenny-town', 'stimson-center'],
      keyPoints: [
        { text: T.split('\n')[1], ...at(T, T.split('\n')[1]) },
        { text: T.split('\n')[3], ...at(T, T.split('\n')[3]) },
      ],
      figures: [
        {
          text: '25,000 to 30,000 soldiers',
          value: 25000,
          valueMax: 30000,
          unit: null,
          counts: 'troops',
          claimant: 'Ukrainian officials',
          ...at(T, '25,000 to 30,000 soldiers'),
        },
        {
          text: '10,000 to 20,000',
          value: 10000,
          valueMax: 20000,
          unit: null,
          counts: 'troops',
          claimant: 'Jenny Town',
          ...at(T, '10,000 to 20,000'),
        },
      ],
      quotes: [
        {
          speaker: 'Rustem Umerov',
          mention: 'Umerov',
          text: 'Together with our partners, we are monitoring these threats,',
          ...at(T, 'Together with our partners, we are monitoring these threats,'),
        },
      ],
      events: [
        { date: '2025-06-05', text: 'Umerov said on June 5, 2025', ...at(T, 'Umerov said on June 5, 2025') },
      ],
    }),
  });
  const A = ANALYST_TEXT;
  const analyst = webArticle('a-analyst', {
    title: 'Analysts doubt Kyiv figure on North Korean troops',
    text: A,
    sourceId: excerptSource.id,
    storyId: 'story-1',
    description: 'Analysts say the number is lower.',
    enrichment: enrichment({
      entities: [{ text: 'Kursk', type: 'place', ...at(A, 'Kursk') }],
      hashtags: ['kursk', 'north-korea'],
      keyPoints: [{ text: A.split('\n')[0], ...at(A, A.split('\n')[0]) }],
      figures: [
        {
          text: '10,000 to 20,000 troops',
          value: 10000,
          valueMax: 20000,
          unit: null,
          counts: 'troops',
          claimant: 'analysts',
          ...at(A, '10,000 to 20,000 troops'),
        },
      ],
    }),
  });
  const arabicArticle = webArticle('a-arabic', {
    title: 'خطة دفاعية جديدة في القاهرة',
    text: ARABIC_TEXT,
    sourceId: arabic.id,
    language: 'ar',
    category: 'politics',
  });
  const hostile = webArticle('a-hostile', {
    title: HOSTILE,
    text: `Body of the hostile article mentions ${HOSTILE} again.`,
    description: HOSTILE,
    byline: HOSTILE,
    sourceId: kyiv.id,
    category: 'technology',
  });
  for (const a of [troops, analyst, arabicArticle, hostile]) await store.articles.upsert(a);
  await store.tags.setForArticle(troops.id, [
    { slug: 'north-korea', name: 'North Korea', type: 'place', country: 'KP' },
    { slug: 'kursk', name: 'Kursk', type: 'place', country: 'RU' },
    { slug: 'jenny-town', name: 'Jenny Town', type: 'person' },
  ]);
  await store.tags.setForArticle(analyst.id, [
    { slug: 'kursk', name: 'Kursk', type: 'place', country: 'RU' },
    { slug: 'north-korea', name: 'North Korea', type: 'place', country: 'KP' },
  ]);
  await store.tags.setForArticle(hostile.id, [{ slug: 'hostile', name: HOSTILE, type: 'topic' }]);

  const story = storyFixture('story-1', {
    title: troops.title,
    leadArticleId: troops.id,
    articleCount: 2,
    sourceCount: 2,
    category: 'world',
    firstPublishedAt: analyst.publishedAt,
    lastPublishedAt: troops.publishedAt,
  });
  await store.stories.upsert(story);
  await store.stories.upsert({ ...story, id: 'story-old', articleCount: 0, sourceCount: 0 });
  await store.stories.recordMerge('story-old', 'story-1', story.updatedAt);

  return {
    store,
    dir,
    ids: {
      troops: troops.id,
      analyst: analyst.id,
      arabic: arabicArticle.id,
      hostile: hostile.id,
      excerpt: analyst.id,
      story: 'story-1',
      merged: 'story-old',
    },
    sources: { kyiv: kyiv.id, arabic: arabic.id, excerpt: excerptSource.id },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
