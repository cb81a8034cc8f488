import { describe, expect, it } from 'vitest';
import { loadNer, type NerResources, tagTokens } from './ner.js';
import type { NerModel } from './ner-model.js';
import { tokenize } from './tokenize.js';

/** Resources whose model answers fixed tags, to test how tags become spans. */
function fixedTags(tags: string[][]): NerResources {
  const model = { tagDocument: () => tags } as unknown as NerModel;
  return { model, gazetteer: loadNer().gazetteer };
}

function spans(text: string, tags: string[]): string[] {
  const { tokens, sentences } = tokenize(text);
  return tagTokens(tokens, sentences, fixedTags([tags])).map(
    (m) => `${m.type}:${text.slice(m.start, m.end)}`,
  );
}

describe('tagTokens', () => {
  it('turns IOB2 tags into spans', () => {
    expect(spans('Kim Jong Un met Putin', ['B-PER', 'I-PER', 'I-PER', 'O', 'B-PER'])).toEqual([
      'PER:Kim Jong Un',
      'PER:Putin',
    ]);
  });

  it('mends names that greedy decoding broke: an I- tag continues the name before it', () => {
    // a capitalised word left out in the middle
    expect(spans('by Franco Properzi Curti today', ['O', 'B-PER', 'O', 'I-PER', 'O'])).toEqual([
      'PER:Franco Properzi Curti',
    ]);
    // a first word left out
    expect(spans('by Korneilus Hole today', ['O', 'O', 'I-PER', 'O'])).toEqual(['PER:Korneilus Hole']);
    // the type changes inside the name: the later word decides
    expect(spans('the Washington Redskins won', ['O', 'B-LOC', 'I-ORG', 'O'])).toEqual([
      'ORG:Washington Redskins',
    ]);
    // a lower-case word is no part of a name
    expect(spans('the quarterback Detmer ran', ['O', 'O', 'I-PER', 'O'])).toEqual(['PER:Detmer']);
  });

  it('keeps lower-case words off the ends of a name and splits names at a lone letter', () => {
    expect(spans('refugees in east Zaire fled', ['O', 'O', 'B-LOC', 'I-LOC', 'O'])).toEqual(['LOC:Zaire']);
    expect(spans('in Blida province today', ['O', 'B-LOC', 'I-LOC', 'O'])).toEqual(['LOC:Blida']);
    expect(spans('J. Murray c Blewett b Warne 24', ['O', 'O', 'O', 'B-PER', 'I-PER', 'I-PER', 'O'])).toEqual([
      'PER:Blewett',
      'PER:Warne',
    ]);
    expect(spans('Adilson da Silva won', ['B-PER', 'I-PER', 'I-PER', 'O'])).toEqual(['PER:Adilson da Silva']);
  });
});
