import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Gazetteer } from './gazetteer.js';
import { cachedShape, docEvidence, featureStrings, tagFeatures } from './ner-features.js';
import { encodeModel, NerModel, type NerModelFile } from './ner-model.js';

const TAGS = ['O', 'B-PER', 'I-PER'];

function model(weights: Record<string, number[]>): NerModel {
  const names = Object.keys(weights);
  const buf = encodeModel(TAGS, names, Float64Array.from(names.flatMap((n) => weights[n])));
  return NerModel.fromData(JSON.parse(gunzipSync(buf).toString('utf8')) as NerModelFile);
}

describe('NerModel', () => {
  it('scores hashed features exactly like their string names (word, neighbour, multi-part, tag features)', () => {
    const m = model({
      b: [1, 0, 0],
      'w=kim': [0, 5, 0],
      'w-1=kim': [0, 0, 3],
      'ww+1=jong|un': [0, 0, 4],
      't1=B-PER': [0, -2, 1],
      't1w=I-PER|un': [0, 0, 2.5],
      't2=B-PER|I-PER': [0.5, 0, 0],
    });
    const words = ['Kim', 'Jong', 'Un', 'said'];
    expect(m.tag(words, { gazetteer: null }, null)).toEqual(['B-PER', 'I-PER', 'I-PER', 'O']);
    // the same names come out of the string path used for training
    const names = featureStrings(words, { gazetteer: null }, null).flat();
    expect(names).toContain('w-1=kim');
    expect(names).toContain('ww+1=jong|un');
    expect(tagFeatures('I-PER', 'B-PER', 'un', 'Xx')).toEqual([
      't1=I-PER',
      't2=B-PER|I-PER',
      't1w=I-PER|un',
      't1s=I-PER|Xx',
    ]);
  });

  it('adds up every feature exactly as training names it (caps sentences, gazetteer, document evidence)', () => {
    const tags = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
    const gazetteer = new Gazetteer({
      entries: [
        ['new york', 'YR', 'US'],
        ['paris', 'KY', 'FR'],
        ['kim', 'F', ''],
      ],
    });
    const ctx = { gazetteer };
    const doc = [
      ['Kim', 'Jong', 'Un', 'visited', 'New', 'York', 'and', 'Paris', '.'],
      ['PARIS', 'TALKS', 'END', 'IN', 'NEW', 'YORK'],
      ['The', 'U.S.', 'team', "'s", 'McDonald', 'won', '3-1', 'in', 'kim', 'town', 'near', 'Paris'],
      ['Zoë', 'Ågren', 'said', ':', '"', 'New', 'York', '!', '"'],
    ];
    const evidence = docEvidence(doc);
    const statics = doc.map((words) => featureStrings(words, ctx, evidence));
    const dynamic = (prev: string, prev2: string, word: string) =>
      tagFeatures(prev, prev2, word.toLowerCase(), cachedShape(word));
    const names = new Set(statics.flat(2));
    for (const words of doc)
      for (const w of words)
        for (const a of tags)
          for (const b of [...tags, '<s>']) for (const f of dynamic(a, b, w)) names.add(f);
    // integer weights, and one weight of 32000 so the quantisation scale is 1 and nothing rounds
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed % 101) - 50;
    };
    for (let trial = 0; trial < 8; trial++) {
      const weights: Record<string, number[]> = { scale: [32000, 0, 0, 0, 0] };
      for (const name of names) weights[name] = tags.map(() => next());
      const list = Object.keys(weights);
      const buf = encodeModel(tags, list, Float64Array.from(list.flatMap((n) => weights[n])));
      const m = NerModel.fromData(JSON.parse(gunzipSync(buf).toString('utf8')) as NerModelFile);
      const wholeDocument = m.tagDocument(doc, ctx);
      doc.forEach((words, s) => {
        // the reference: greedy decoding over the named features, as in training
        const expected: string[] = [];
        let prev = 'O';
        let prev2 = '<s>';
        words.forEach((w, i) => {
          const score = tags.map(() => 0);
          for (const f of [...statics[s][i], ...dynamic(prev, prev2, w)])
            weights[f].forEach((x, t) => {
              score[t] += x;
            });
          const best = score.indexOf(Math.max(...score));
          expected.push(tags[best]);
          prev2 = prev;
          prev = tags[best];
        });
        expect(m.tag(words, ctx, evidence)).toEqual(expected);
        // the document path reads capitals and evidence from its word cache: the same tags
        expect(wholeDocument[s]).toEqual(expected);
      });
    }
  });

  it('drops all-zero features when encoding and rejects a bad file', () => {
    const m = model({ b: [1, 0, 0], 'w=x': [0, 0, 0] });
    expect(m.featureCount).toBe(1);
    expect(() => NerModel.fromData({ version: 2 } as unknown as NerModelFile)).toThrow(/unsupported/);
    const bad = { version: 1, tags: TAGS, scale: 1, features: ['a', 'b'], weights: '' } as NerModelFile;
    expect(() => NerModel.fromData(bad)).toThrow(/weight count/);
  });
});
