// Two workers, two in-memory placers: what one placed, the other learns through observe(), so
// the next article of the same story joins it instead of starting a second story.
import { describe, expect, it } from 'vitest';
import { article } from '../storage/contract/fixtures.js';
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
