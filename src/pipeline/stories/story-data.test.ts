import { describe, expect, it } from 'vitest';
import { enrichment } from '../../../test/helpers/enrichment.js';
import type { Article, Enrichment, Figure, Story } from '../../domain/types.js';
import { article as articleFixture } from '../../storage/contract/fixtures.js';
import { rankRelated } from './related.js';
import { buildStoryData, type SourceInfo } from './story-data.js';
import { dailyWrapUp } from './wrap-up.js';

const at = '2026-03-01T10:00:00.000Z';
const article = (id: string, { e, ...over }: Partial<Article> & { e?: Partial<Enrichment> } = {}): Article =>
  articleFixture(id, {
    id,
    sourceId: `src-${id}`,
    publishedAt: at,
    fetchedAt: at,
    updatedAt: at,
    category: 'world',
    enrichment: enrichment(e),
    ...over,
  });

const span = { start: 0, end: 1 };
const figure = (f: Partial<Figure>): Figure => ({
  text: '',
  value: null,
  unit: null,
  counts: null,
  claimant: null,
  ...span,
  ...f,
});

describe('numbers board', () => {
  it('puts the two troop estimates side by side and marks the disagreement', () => {
    const officials = article('a', {
      sourceId: 'kyiv',
      e: {
        figures: [
          figure({
            text: '25,000 to 30,000 troops',
            value: 25_000,
            valueMax: 30_000,
            counts: 'troops',
            claimant: 'Ukrainian officials',
          }),
          figure({ text: '12 villages', value: 12, counts: 'villages' }),
        ],
      },
    });
    const analyst = article('b', {
      sourceId: 'london',
      e: {
        figures: [
          figure({
            text: 'between 10,000 and 20,000 soldiers and troops',
            value: 10_000,
            valueMax: 20_000,
            counts: 'Russian troops',
            claimant: 'an analyst',
          }),
        ],
      },
    });
    const agreeing = article('c', {
      sourceId: 'paris',
      e: {
        figures: [figure({ text: 'some 28,000 troops', value: 28_000, counts: 'troops', claimant: 'NATO' })],
      },
    });
    const data = buildStoryData([officials, analyst, agreeing], new Map());
    expect(data.numbers).toHaveLength(1);
    const row = data.numbers[0];
    expect(row.disagreement).toBe(true);
    expect(row.figures.map((f) => [f.claimant, f.articleId, f.disputed])).toEqual([
      ['Ukrainian officials', 'a', false],
      ['an analyst', 'b', true],
      ['NATO', 'c', false],
    ]);
  });

  it('does not mark overlapping ranges', () => {
    const a = article('a', {
      e: { figures: [figure({ value: 100, valueMax: 150, counts: 'dead', unit: null })] },
    });
    const b = article('b', { e: { figures: [figure({ value: 140, counts: 'dead', unit: null })] } });
    const rows = buildStoryData([a, b], new Map()).numbers;
    expect(rows[0].disagreement).toBe(false);
  });
});

describe('story data', () => {
  it('cites articles for key points, groups quotes and sources, and orders the timeline', () => {
    const info = new Map<string, SourceInfo>([
      ['kyiv', { name: 'Kyiv Daily', country: 'UA', language: 'uk' }],
      ['london', { name: 'London Post', country: 'GB', language: 'en' }],
    ]);
    const a = article('a', {
      sourceId: 'kyiv',
      title: 'Troops massed near border, officials say',
      e: {
        keyPoints: [{ text: 'Troops massed near the northern border on Monday.', ...span }],
        quotes: [{ speaker: 'Rustem Umerov', mention: 'Umerov', text: 'We are ready.', ...span }],
        events: [{ date: '2026-02-28', text: 'Troops moved north', ...span }],
      },
    });
    const b = article('b', {
      sourceId: 'london',
      title: 'Troops massed near the border',
      publishedAt: '2026-03-01T11:00:00.000Z',
      e: {
        keyPoints: [
          { text: 'An analyst doubts the size of the force.', ...span },
          { text: 'Troops massed near the northern border on Monday, officials said.', ...span },
        ],
        quotes: [{ speaker: 'Rustem Umerov', mention: 'he', text: 'We are ready', ...span }],
        events: [{ date: '2026-02-20', text: 'Talks collapsed', ...span }],
      },
    });
    const data = buildStoryData([b, a], info);
    // two headlines are equally central to each other: the earlier one represents the story
    expect(data.headline?.articleId).toBe('a');
    expect(data.keyPoints[0]).toMatchObject({ articleId: 'a', alsoIn: ['b'] });
    expect(data.keyPoints[1].articleId).toBe('b');
    expect(data.sources.map((s) => [s.name, s.country, s.language])).toEqual([
      ['Kyiv Daily', 'UA', 'uk'],
      ['London Post', 'GB', 'en'],
    ]);
    expect(data.timeline.map((e) => e.date)).toEqual(['2026-02-20', '2026-02-28']);
    expect(data.quotes).toEqual([
      {
        speaker: 'Rustem Umerov',
        quotes: [{ text: 'We are ready.', mention: 'Umerov', articleIds: ['a', 'b'] }],
      },
    ]);
  });
});

describe('rankRelated', () => {
  const now = '2026-03-01T12:00:00.000Z';
  const person = (text: string) => ({ text, type: 'person' as const, ...span });
  it('lists the same story first (other sources first), then shared entities by recency, never unrelated', () => {
    const me = article('me', { storyId: 's1', sourceId: 'x', e: { entities: [person('Umerov')] } });
    const sameStoryOtherSource = article('s-other', { storyId: 's1', sourceId: 'y' });
    const sameStorySameSource = article('s-same', { storyId: 's1', sourceId: 'x' });
    const sharedOld = article('old', {
      publishedAt: '2026-02-20T12:00:00.000Z',
      e: { entities: [person('Umerov')] },
    });
    const sharedNew = article('new', {
      publishedAt: '2026-03-01T11:00:00.000Z',
      e: { entities: [person('Umerov')] },
    });
    const unrelatedFresh = article('fresh', { publishedAt: '2026-03-01T11:59:00.000Z' });
    const copy = article('copy', { duplicateOf: 'me', storyId: 's1' });
    const ranked = rankRelated(
      me,
      [unrelatedFresh, sharedOld, sameStorySameSource, copy, sharedNew, sameStoryOtherSource],
      now,
    );
    expect(ranked.map((a) => a.id)).toEqual(['s-other', 's-same', 'new', 'old']);
  });
});

describe('dailyWrapUp', () => {
  it('ranks by source breadth and freshness, per edition', () => {
    const info = new Map<string, SourceInfo>([
      ['ua1', { name: 'UA 1', country: 'UA', language: 'uk' }],
      ['ua2', { name: 'UA 2', country: 'UA', language: 'uk' }],
      ['gb1', { name: 'GB 1', country: 'GB', language: 'en' }],
    ]);
    const story = (id: string): Story => ({
      id,
      title: id,
      leadArticleId: null,
      articleCount: 0,
      sourceCount: 0,
      category: null,
      firstPublishedAt: null,
      lastPublishedAt: null,
      mergedInto: null,
      createdAt: '',
      updatedAt: '',
    });
    const wide = [
      article('w1', { sourceId: 'ua1' }),
      article('w2', { sourceId: 'ua2' }),
      article('w3', { sourceId: 'gb1' }),
    ];
    const narrow = [article('n1', { sourceId: 'gb1', publishedAt: '2026-03-01T11:30:00.000Z' })];
    const stale = [article('o1', { sourceId: 'ua1', publishedAt: '2026-02-25T11:30:00.000Z' })];
    const wrap = dailyWrapUp(
      [
        { story: story('narrow'), articles: narrow },
        { story: story('wide'), articles: wide },
        { story: story('stale'), articles: stale },
      ],
      info,
      '2026-03-01T12:00:00.000Z',
    );
    const ids = (edition: string) =>
      wrap.editions.find((e) => e.edition === edition)?.stories.map((s) => s.storyId);
    expect(ids('all')).toEqual(['wide', 'narrow']);
    expect(ids('country:UA')).toEqual(['wide']);
    // one GB source each, but the wide story's coverage elsewhere outweighs 90 minutes of freshness
    expect(ids('country:GB')).toEqual(['wide', 'narrow']);
    expect(ids('language:uk')).toEqual(['wide']);
  });
});
