// Two workers, two in-memory placers: what one placed, the other learns through observe(), so
// the next article of the same story joins it instead of starting a second story; and when one
// worker's placement merges stories or moves earlier articles, the other learns that from the
// stored articles' new story and follows it.
import { describe, expect, it } from 'vitest';
import type { Article } from '../domain/types.js';
import { article } from '../storage/contract/fixtures.js';
import type { ClusterAssignment, ClusterInput } from './stories/types.js';
import { createStoryPlacer } from './story-placer.js';

const text =
  'A cargo ship sank off the northern coast after a storm on Tuesday. All 21 crew members were ' +
  'rescued by the coast guard, which said the vessel was carrying grain to the port of Alexandria.';

function doc(id: string, source: string) {
  return {
    id,
    title: 'Cargo ship sinks off the coast after storm, crew rescued',
    text,
    published: new Date().toISOString(),
    source,
  };
}

describe('story placer observe()', () => {
  it('a placer learns another worker’s placements and joins their story', () => {
    const a = createStoryPlacer({ windowHours: 48 });
    const b = createStoryPlacer({ windowHours: 48 });
    const first = a.place(doc('a1', 'source-a'));
    const stored = article('a1', {
      title: doc('a1', 'x').title,
      text,
      storyId: first.storyId,
      sourceId: 'source-a',
    });
    stored.id = 'a1';
    // without observe(), b knows nothing of a1 and starts its own story
    const lonely = createStoryPlacer({ windowHours: 48 }).place(doc('b1', 'source-b'));
    expect(lonely.storyId).not.toBe(first.storyId);
    b.observe([stored]);
    b.observe([stored]); // already known: not learned twice
    expect(b.place(doc('b1', 'source-b')).storyId).toBe(first.storyId);
  });
});

// Two captures of pirates by the Indian Navy in the Gulf of Aden, years apart: the first report
// of the later one is merged with the earlier capture's story, and the second report of the
// later one takes it back, moving the earlier capture's reports to a story of their own.
const published = new Date().toISOString();
const pirates = (id: string, title: string, body: string): ClusterInput => ({
  id,
  title,
  text: body,
  published,
  source: `source-${id}`,
});
const capture2011 = [
  pirates(
    'n1',
    'Indian Navy captures 26 Somali pirates in Gulf of Aden',
    'Indian Navy captures 26 Somali pirates in Gulf of Aden.\nPublished on Friday, 11 November 2011.',
  ),
  pirates(
    'n2',
    'Indian Navy foils attack in Gulf of Aden, nabs 26 pirates',
    'Indian Navy foils attack in Gulf of Aden, nabs 26 pirates.\nMumbai, Friday, 11 November 2011.',
  ),
];
const capture2008 = [
  pirates(
    'o1',
    'Indian Navy stops pirates attacking a ship in the Gulf of Aden',
    'The Indian Navy on Saturday stopped pirates from attacking a merchant ship under an Ethiopian flag in the Gulf of Aden and took 23 of them into custody.\nAnswering a distress call from MV Gibe, the INS Mysore, on anti-piracy patrol nearby, went after the pirates in their two boats, the Defence Ministry said.',
  ),
  pirates(
    'o2',
    'Indian Navy foils hijack in Gulf of Aden, arrests 23 pirates',
    'The Indian Navy on Saturday foiled a hijacking in the Gulf of Aden and arrested 23 armed Somali and Yemeni pirates.\nMinutes after a distress call from the Ethiopian vessel MV Gibe, the destroyer INS Mysore sent a helicopter with marine commandos to keep the pirates from boarding.',
  ),
  pirates(
    'o3',
    'INS Mysore answers MV Gibe distress call, 23 pirates held',
    'Marine commandos from the INS Mysore stopped pirates boarding the Ethiopian merchant ship MV Gibe in the Gulf of Aden on Saturday; 23 Somali and Yemeni pirates were held, the Indian Navy said.',
  ),
];

/**
 * The articles table as ingest leaves it (the placement's merges, then its moves) and what a
 * worker reading it after each placement gets: the articles whose story was stored or changed.
 */
function storedStories() {
  const rows = new Map<string, Article>();
  return {
    write(placed: ClusterInput, placement: ClusterAssignment): Article[] {
      const changed = new Map<string, Article>();
      const put = (a: Article, storyId: string) => {
        const row = { ...a, storyId };
        rows.set(a.id, row);
        changed.set(a.id, row);
      };
      const { id, title, text, published, source } = placed;
      put(article(id, { id, title, text, publishedAt: published, sourceId: source }), placement.storyId);
      for (const m of placement.merged) {
        for (const row of [...rows.values()]) if (row.storyId === m.id) put(row, m.into);
      }
      for (const m of placement.moved) put(rows.get(m.id)!, m.storyId);
      return [...changed.values()];
    },
    storyOf: (id: string) => rows.get(id)?.storyId,
  };
}

describe('story placer observe() of moves and merges', () => {
  it('a placer follows the articles another worker’s placement moved, and places like it', () => {
    const a = createStoryPlacer({ windowHours: 48 });
    const b = createStoryPlacer({ windowHours: 48 });
    // learns the placements only, as observe() did before moves were learned
    const unaware = createStoryPlacer({ windowHours: 48 });
    const store = storedStories();
    let merges = 0;
    let moves = 0;
    for (const d of [capture2011[0], capture2008[0], capture2008[1], capture2011[1]]) {
      const placement = a.place(d);
      merges += placement.merged.length;
      moves += placement.moved.length;
      const changed = store.write(d, placement);
      a.observe(changed); // its own placement comes back too: nothing to learn
      b.observe(changed);
      unaware.observe(changed.filter((row) => row.id === d.id));
    }
    // the scenario did what it is here for: a merge, then a move of earlier articles
    expect(merges).toBeGreaterThan(0);
    expect(moves).toBeGreaterThan(0);
    expect(store.storyOf('o1')).toBe(store.storyOf('o2'));
    expect(store.storyOf('o1')).not.toBe(store.storyOf('n1'));

    // the next report of the earlier capture joins that capture's story on either worker
    const next = capture2008[2];
    expect(b.place(next).storyId).toBe(store.storyOf('o1'));
    expect(a.place({ ...next, id: 'o3-again' }).storyId).toBe(store.storyOf('o1'));
    // a worker that never learned the move still holds both captures in one story
    expect(unaware.place(next).storyId).not.toBe(store.storyOf('o1'));
  });
});
