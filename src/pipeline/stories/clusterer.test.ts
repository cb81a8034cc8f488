import { describe, expect, it } from 'vitest';
import { StoryClusterer, storyIdFor } from './clusterer.js';
import type { ClusterInput } from './types.js';
import { docFeatures } from './vectors.js';

const at = (hours: number) => new Date(Date.UTC(2026, 2, 1) + hours * 3_600_000).toISOString();
const doc = (id: string, hours: number, title: string, text: string, source = 'wire'): ClusterInput => ({
  id,
  title,
  text,
  published: at(hours),
  source,
});

// Two events in one city: they share the place name, not the story.
const quake = [
  doc(
    'q1',
    0,
    'Earthquake of magnitude 6.1 shakes Izmir',
    'An earthquake of magnitude 6.1 struck near Izmir on Monday, collapsing 14 buildings. Rescuers from AFAD searched the rubble of the Bayrakli district overnight.',
  ),
  doc(
    'q2',
    2,
    'Rescuers search rubble after Izmir earthquake',
    'Rescue teams of AFAD pulled survivors from collapsed buildings in Bayrakli after the magnitude 6.1 earthquake near Izmir. Fourteen buildings collapsed, officials said.',
    'daily',
  ),
  doc(
    'q3',
    5,
    'Izmir quake: death toll rises as AFAD ends search in Bayrakli',
    'The death toll of the magnitude 6.1 earthquake that struck Izmir rose to 39 as AFAD rescuers ended the search in the Bayrakli rubble.',
    'post',
  ),
];
const football = [
  doc(
    'f1',
    1,
    'Goztepe beat Altay in Izmir derby',
    'Goztepe beat Altay 3-1 in the Izmir derby on Sunday evening, with two goals from striker Romulo in front of 20,000 fans at the Gursel Aksel stadium.',
  ),
  doc(
    'f2',
    3,
    'Romulo double gives Goztepe derby win over Altay',
    'Striker Romulo scored twice as Goztepe won the derby against Altay 3-1 at the Gursel Aksel stadium, where 20,000 fans watched.',
    'daily',
  ),
];

function run(clusterer: StoryClusterer, docs: ClusterInput[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of docs) out.set(d.id, clusterer.add(d).storyId);
  return out;
}

describe('StoryClusterer', () => {
  const stream = [quake[0], football[0], quake[1], football[1], quake[2]];

  it('groups two interleaved events apart although they share a place', () => {
    const stories = run(new StoryClusterer(), stream);
    expect(stories.get('q1')).toBe(storyIdFor('q1'));
    expect(stories.get('q2')).toBe(stories.get('q1'));
    expect(stories.get('q3')).toBe(stories.get('q1'));
    expect(stories.get('f1')).toBe(storyIdFor('f1'));
    expect(stories.get('f2')).toBe(stories.get('f1'));
  });

  it('is deterministic and reports how an article was placed', () => {
    const a = new StoryClusterer();
    const first = a.add(quake[0]);
    expect(first).toEqual({ storyId: storyIdFor('q1'), created: true, score: 0, merged: [], moved: [] });
    const second = a.add(quake[1]);
    expect(second.created).toBe(false);
    expect(second.score).toBeGreaterThan(a.options.threshold);
    expect([...run(new StoryClusterer(), stream)]).toEqual([...run(new StoryClusterer(), stream)]);
  });

  it('starts a new story once the old one has left the window', () => {
    const clusterer = new StoryClusterer({ windowHours: 48 });
    const early = clusterer.add(quake[0]).storyId;
    const later = clusterer.add({ ...quake[1], published: at(24 * 5) });
    expect(later.created).toBe(true);
    expect(later.storyId).not.toBe(early);
    expect(clusterer.liveStories).toBe(1);
    expect(clusterer.resolve(early)).toBeNull();
  });

  it('folds a fragment that narrowly missed a story back into it once the story grew', () => {
    const storm = [
      doc(
        'a1',
        0,
        'Storm Ciaran floods Fowey harbour',
        'Storm Ciaran flooded the harbour of Fowey in Cornwall overnight, and the coastguard rescued 12 fishermen from their boats.',
      ),
      // a thin side report: too far from the first article alone to join it
      doc(
        'f1',
        1,
        'Trains cancelled in Cornwall',
        'Great Western Railway cancelled trains to Penzance after Storm Ciaran left trees on the line near Fowey.',
      ),
      doc(
        'a2',
        2,
        'Coastguard rescues 12 fishermen as Storm Ciaran floods Fowey',
        'The coastguard rescued 12 fishermen in Fowey harbour as Storm Ciaran flooded Cornwall; Great Western Railway cancelled trains to Penzance.',
      ),
    ];
    const clusterer = new StoryClusterer({ threshold: 0.4 });
    const [a1, f1, a2] = storm.map((d) => clusterer.add(d));
    expect(f1.created).toBe(true);
    expect(a2.storyId).toBe(a1.storyId);
    // the younger story is merged into the older, which keeps its id; nothing else moved
    expect(a2.merged).toEqual([{ id: f1.storyId, into: a1.storyId }]);
    expect(a2.moved).toEqual([]);
    expect(clusterer.resolve(f1.storyId)).toBe(a1.storyId);
    const greedy = new StoryClusterer({ threshold: 0.4, regroupFrom: Number.POSITIVE_INFINITY });
    const kept = storm.map((d) => greedy.add(d));
    expect(greedy.resolve(kept[1].storyId)).toBe(kept[1].storyId);
  });

  it('gives back the reports of another, alike event that a story took in', () => {
    // two title defences of one champion; a low threshold makes the first report of the second
    // fight join the first fight's story, and the next reports follow it
    const rahman = [
      [
        'Klitschko stops Rahman in Mannheim',
        'Wladimir Klitschko kept his heavyweight belts on Saturday night at the SAP Arena in Mannheim, Germany, where referee Tony Weeks stopped a bleeding Hasim Rahman in the seventh round. Rahman, a former champion aged 35, threw only 21 jabs.',
      ],
      [
        'Rahman outclassed in Mannheim',
        'Hasim Rahman, 35, was outclassed at the SAP Arena: Weeks waved the bout off in round seven as Klitschko landed 118 punches to 21 for the Baltimore veteran, a late substitute for Alexander Povetkin.',
      ],
      [
        'Baltimore veteran Rahman falls to Klitschko',
        'The Baltimore veteran Hasim Rahman, who replaced the injured Povetkin, lasted until the seventh round in Mannheim before Tony Weeks stepped in, with 12,000 fans at the SAP Arena cheering Klitschko.',
      ],
      [
        'Povetkin substitute Rahman stopped',
        'Alexander Povetkin watched from ringside in Mannheim as his substitute, Hasim Rahman, was stopped in the seventh by referee Tony Weeks; the SAP Arena crowd of 12,000 saw Rahman land 21 punches.',
      ],
    ];
    const thompson = [
      [
        'Klitschko stops Thompson in Bern',
        'Wladimir Klitschko kept his heavyweight belts at the Stade de Suisse in Bern, Switzerland, knocking Tony Thompson down twice before referee Eddie Cotton ended it in the sixth round. Thompson, 40, from Washington, had lost their first fight in Hamburg.',
      ],
      [
        'Thompson down twice in Bern rematch',
        'Tony Thompson went down twice in the rematch at the Stade de Suisse: Eddie Cotton stopped it in round six, four years after Klitschko beat the Washington southpaw in Hamburg. A crowd of 26,000 watched in Bern.',
      ],
      [
        'Washington southpaw Thompson beaten again',
        'The Washington southpaw Tony Thompson, 40, again lost to Klitschko, this time in six rounds at the Stade de Suisse, after a Hamburg defeat four years ago; referee Eddie Cotton counted him out before 26,000 fans.',
      ],
      [
        'Hamburg repeat for Thompson in Bern',
        'It was Hamburg all over again for Tony Thompson: two knockdowns, and Eddie Cotton stopping the rematch in the sixth at the Stade de Suisse in Bern in front of 26,000.',
      ],
    ];
    const stream = rahman.flatMap(([title, text], i) => [
      doc(`r${i}`, i, title, text),
      doc(`t${i}`, i + 0.5, ...(thompson[i] as [string, string])),
    ]);
    const place = (clusterer: StoryClusterer) => {
      const story = new Map<string, string>();
      for (const d of stream) {
        const placed = clusterer.add(d);
        story.set(d.id, placed.storyId);
        for (const m of placed.moved) story.set(m.id, m.storyId);
      }
      return (id: string) => clusterer.resolve(story.get(id)!);
    };
    const storyOf = place(new StoryClusterer({ threshold: 0.05 }));
    // the first fight keeps the story it started; the second gets one named by its first report
    for (const id of ['r1', 'r2', 'r3']) expect(storyOf(id)).toBe(storyIdFor('r0'));
    for (const id of ['t0', 't1', 't2', 't3']) expect(storyOf(id)).toBe(storyIdFor('t0'));
    const greedy = place(new StoryClusterer({ threshold: 0.05, regroupFrom: Number.POSITIVE_INFINITY }));
    expect(greedy('t0')).toBe(greedy('r0'));
  });

  it('keeps the same kind of event on another date apart, also from a grown story', () => {
    const defence = (id: string, year: number, day: string, challenger: string) =>
      doc(
        id,
        0,
        `Klitschko stops ${challenger}`,
        `Wladimir Klitschko retained his heavyweight titles on ${day} in the seventh round against ${challenger}, the referee said (April 22, ${year}).`,
      );
    const byrd = [
      defence('k1', 2006, 'Saturday', 'Chris Byrd'),
      defence('k2', 2006, 'Saturday', 'Chris Byrd'),
    ];
    const thompson = defence('k3', 2012, 'Sunday', 'Tony Thompson');
    const clusterer = new StoryClusterer();
    const ids = run(clusterer, byrd);
    expect(ids.get('k2')).toBe(ids.get('k1'));
    // the same words, but another year and weekday than the story's articles name
    expect(clusterer.add(thompson).created).toBe(true);
    const loose = new StoryClusterer({ dateConflict: 1 });
    run(loose, byrd);
    expect(loose.add(thompson).created).toBe(false);
  });

  it('learns the moves another process made, as that process placed them', () => {
    // one process places a mixed stream and regroups it; another only learns its answers
    const mixed = [quake[0], football[0], quake[1], football[1]];
    const here = new StoryClusterer({ threshold: 0.01 });
    const there = new StoryClusterer({ threshold: 0.01, regroupFrom: Number.POSITIVE_INFINITY });
    let moves = 0;
    for (const d of mixed) {
      const placed = here.add(d);
      there.observe(d, placed.storyId);
      for (const m of placed.moved) expect(there.relocate(m.id, m.storyId)).toBe(true);
      moves += placed.moved.length;
    }
    expect(moves).toBeGreaterThan(0);
    expect(there.liveStories).toBe(here.liveStories);
    // both now see the same stories: the next quake report ranks them alike everywhere (the
    // scores differ a little: one built the stories in another order than the other)
    const next = docFeatures(quake[2].title, quake[2].text, Date.parse(quake[2].published!));
    const ranked = (clusterer: StoryClusterer) =>
      clusterer.score(next).map(({ storyId, score }) => [storyId, Number(score.toFixed(2))]);
    expect(ranked(there)).toEqual(ranked(here));
    // an article the clusterer does not hold cannot be moved
    expect(there.relocate('unknown', storyIdFor('q1'))).toBe(false);
  });

  it('rebuilds its state from stored assignments after a restart', () => {
    const live = new StoryClusterer();
    const assigned = stream.slice(0, 4).map((d) => ({ ...d, storyId: live.add(d).storyId }));
    const restored = StoryClusterer.restore(assigned);
    expect(restored.liveStories).toBe(live.liveStories);
    expect(restored.add(quake[2])).toEqual(live.add(quake[2]));
  });
});

describe('event dates', () => {
  it('dates an article by the latest year it names, and reads its weekdays', async () => {
    const { eventDate } = await import('./text.js');
    expect(eventDate('Updated: November 11, 2011. Pirates, as in 1991 and 2009.').year).toBe(2011);
    expect(eventDate('He won in 2001 and again in 2005.').year).toBe(2005);
    expect(eventDate('No year here, may be soon.')).toEqual({ year: null, days: 0, dates: [] });
    expect(eventDate('on Saturday and Monday').days).toBe(1 | (1 << 5));
    expect(eventDate('the sat mat').days).toBe(0);
  });

  it('reads the calendar days an article names, written as names', async () => {
    const { calendarDay, eventDate } = await import('./text.js');
    expect(eventDate('Updated: November 11, 2011 at 20:09').dates).toEqual([calendarDay(10, 11)]);
    expect(eventDate('On 27 Nov. the Navy, and on Dec. 3rd').dates).toEqual([
      calendarDay(10, 27),
      calendarDay(11, 3),
    ]);
    expect(eventDate('they may 5 times, in march 12 ways').dates).toEqual([]);
    expect(eventDate('Posted 11/28/05 at 9:11 GMT')).toEqual({
      year: 2005,
      days: 0,
      dates: [calendarDay(10, 28)],
    });
    expect(eventDate('16/08/2011 and 3/4/98').dates).toEqual([calendarDay(7, 16), calendarDay(2, 4)]);
    expect(eventDate('16/08/2011 and 3/4/98').year).toBe(2011);
  });
});
