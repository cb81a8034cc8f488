import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { featureStrings, tagFeatures } from './ner-features.js';
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

  it('drops all-zero features when encoding and rejects a bad file', () => {
    const m = model({ b: [1, 0, 0], 'w=x': [0, 0, 0] });
    expect(m.featureCount).toBe(1);
    expect(() => NerModel.fromData({ version: 2 } as unknown as NerModelFile)).toThrow(/unsupported/);
    const bad = { version: 1, tags: TAGS, scale: 1, features: ['a', 'b'], weights: '' } as NerModelFile;
    expect(() => NerModel.fromData(bad)).toThrow(/weight count/);
  });
});
