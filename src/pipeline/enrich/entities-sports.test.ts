import { describe, expect, it } from 'vitest';
import { resolveDocument, span } from './entities-rules.js';
import { applyFixtureRules, applyScheduleRule } from './entities-sports.js';
import type { NerType } from './ner.js';
import { tokenize } from './tokenize.js';

const CITIES: Record<string, string> = { cagliari: 'Y', reggiana: 'y', chicago: 'Y' };
const categoriesOf = (name: string) => CITIES[name];

describe('sports rules', () => {
  it('reads both sides of a fixture with league positions in brackets, and the teams outvote the tagger', () => {
    const text =
      'Cagliari ( 16 ) v Reggiana ( 18 ) 1530\nCagliari start favourite against Reggiana in Cagliari .';
    const { tokens, sentences } = tokenize(text);
    const at = (word: string, from = 0) => tokens.findIndex((t, i) => i >= from && t.text === word);
    const tagged: Array<[number, NerType]> = [
      [at('Cagliari'), 'LOC'],
      [at('Reggiana'), 'PER'],
      [at('Cagliari', 10), 'PER'],
      [at('Reggiana', 12), 'PER'],
      [at('Cagliari', 14), 'LOC'],
    ];
    const mentions = applyFixtureRules(
      tokens,
      tagged.map(([i, type]) => span(tokens, i, i + 1, type)),
      categoriesOf,
    );
    expect(sentences.length).toBe(2);
    const types = resolveDocument(tokens, mentions).map((m) => `${m.type}:${text.slice(m.start, m.end)}`);
    // the place after "in" stays a place
    expect(types).toEqual(['ORG:Cagliari', 'ORG:Reggiana', 'ORG:Cagliari', 'ORG:Reggiana', 'LOC:Cagliari']);
  });

  it('makes the visiting side of a schedule line in capitals a team, and leaves the venue to the tagger', () => {
    const text = 'TORONTO AT NY RANGERS\nCHICAGO AT DALLAS\nPLAY RESUMES AT 10 GMT';
    const { tokens, sentences } = tokenize(text);
    const mentions = [
      span(tokens, 0, 1, 'LOC'),
      span(tokens, 2, 3, 'LOC'),
      span(tokens, 6, 7, 'LOC'),
      span(tokens, 7, 8, 'ORG'),
    ];
    const out = applyScheduleRule(tokens, sentences, mentions, categoriesOf);
    expect(out.map((m) => `${m.type}:${text.slice(m.start, m.end)}`)).toEqual([
      'ORG:TORONTO',
      'LOC:NY',
      'ORG:CHICAGO',
      'LOC:DALLAS',
      'ORG:PLAY',
    ]);
  });
});
