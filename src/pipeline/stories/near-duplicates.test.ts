import { describe, expect, it } from 'vitest';
import { contentHash } from './fingerprint.js';
import { NearDuplicateIndex } from './near-duplicates.js';

const wire = [
  'The central bank raised its main interest rate by a quarter of a percentage point on Thursday, the third increase this year.',
  'Policymakers said inflation had stayed above their target for longer than expected, driven by energy and food prices.',
  'The governor told reporters that further increases could not be ruled out if wage growth kept accelerating in the spring.',
  'Markets had largely expected the move, and the currency rose slightly against the dollar after the announcement.',
  'Economists at several banks said they now expect one more increase before the summer, followed by a long pause.',
].join('\n');

const other = [
  'Heavy rain flooded hundreds of homes in the north of the country overnight, and rescue teams evacuated two villages.',
  'The weather service issued its highest warning level and said more rain was expected through the weekend.',
  'Local officials opened schools as shelters and asked residents near the river to leave while roads were still open.',
  'Power was cut to about ten thousand households, and the railway line to the coast was closed after a landslide.',
].join('\n');

describe('contentHash', () => {
  it('ignores case, punctuation and spacing, not words', () => {
    expect(contentHash('Hello,   World!\n')).toBe(contentHash('hello world'));
    expect(contentHash('hello world')).not.toBe(contentHash('hello there world'));
  });
});

describe('NearDuplicateIndex', () => {
  it('finds a syndicated copy with paragraphs cut and boilerplate added, with its overlap', () => {
    const index = new NearDuplicateIndex();
    index.add('wire', wire);
    index.add('other', other);
    const paragraphs = wire.split('\n');
    const copy = [
      ...paragraphs.slice(0, 4),
      'Sign up for our free morning newsletter and get the day’s top stories in your inbox.',
    ].join('\n');
    const found = index.find(copy);
    expect(found?.id).toBe('wire');
    expect(found!.overlap).toBeGreaterThan(0.5);
    expect(found!.containment).toBeGreaterThan(0.7);
  });

  it('does not match a different article, or itself when excluded', () => {
    const index = new NearDuplicateIndex();
    index.add('wire', wire);
    expect(index.find(other)).toBeNull();
    expect(index.find(wire, 'wire')).toBeNull();
    expect(index.find(wire)?.overlap).toBe(1);
  });

  it('evicts the oldest articles beyond its capacity', () => {
    const index = new NearDuplicateIndex({ capacity: 1 });
    index.add('wire', wire);
    index.add('other', other);
    expect(index.size).toBe(1);
    expect(index.find(wire)).toBeNull();
    expect(index.find(other)?.id).toBe('other');
  });

  it('survives a round trip through JSON', () => {
    const index = new NearDuplicateIndex();
    index.add('wire', wire);
    const copy = NearDuplicateIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(copy.find(wire)).toEqual(index.find(wire));
    expect(copy.find(wire)?.id).toBe('wire');
  });
});
