import { describe, expect, it } from 'vitest';
import { dropCalendarNames, extendPersonNames, trimPersonTitles } from './entities-people.js';
import { applyOrgRules, resolveDocument, span } from './entities-rules.js';
import { Gazetteer } from './gazetteer.js';
import type { NerType } from './ner.js';
import { tokenize } from './tokenize.js';

/** Tokenizes `text` and makes one mention per [first, last, type] of token indices. */
function setup(text: string, spans: Array<[number, number, NerType]>) {
  const { tokens, sentences } = tokenize(text);
  const mentions = spans.map(([a, b, t]) => span(tokens, a, b, t));
  const show = (ms: typeof mentions) => ms.map((m) => `${m.type}:${text.slice(m.start, m.end)}`);
  return { tokens, sentences, mentions, show };
}

describe('entity rules (organisations, people, one type per name)', () => {
  it('drops day and month names that capitals made look like names', () => {
    const { tokens, mentions, show } = setup('FRIDAY , DECEMBER 6 IN PARIS', [
      [0, 1, 'LOC'],
      [2, 3, 'LOC'],
      [5, 6, 'LOC'],
    ]);
    expect(show(dropCalendarNames(tokens, mentions))).toEqual(['LOC:PARIS']);
  });

  it('extends a lone person name over the title-case word after it, within the sentence', () => {
    const { tokens, sentences, mentions, show } = setup('Justin Hobday 71 65 , Greg Reid said .', [
      [0, 1, 'PER'],
      [5, 7, 'PER'],
    ]);
    expect(show(extendPersonNames(tokens, sentences, mentions))).toEqual([
      'PER:Justin Hobday',
      'PER:Greg Reid',
    ]);
    const other = setup('Smith Group said on Friday that Jones Monday', [[0, 1, 'PER']]);
    expect(other.show(extendPersonNames(other.tokens, other.sentences, other.mentions))).toEqual([
      'PER:Smith',
    ]);
    const end = setup('It was Mark .\nMurless won .', [[2, 3, 'PER']]);
    expect(end.show(extendPersonNames(end.tokens, end.sentences, end.mentions))).toEqual(['PER:Mark']);
  });

  it('trims titles and nationalities off a person, and drops a title alone', () => {
    const gazetteer = new Gazetteer({ entries: [['swede', 'D', 'SE']] });
    const categories = (name: string) => gazetteer.lookup(name)?.categories;
    const { tokens, mentions, show } = setup(
      'President Kwasniewski met Swede Kennet Andersson and the Pope',
      [
        [0, 2, 'PER'],
        [3, 6, 'PER'],
        [8, 9, 'PER'],
      ],
    );
    expect(show(trimPersonTitles(tokens, mentions, categories))).toEqual([
      'PER:Kwasniewski',
      'PER:Kennet Andersson',
    ]);
  });

  it('names a company by its first word when its full name ends in a legal form', () => {
    const { tokens, mentions, show } = setup('Homestake Mining Co rose . A Homestake spokesman said so .', [
      [0, 3, 'ORG'],
      [6, 7, 'PER'],
    ]);
    const resolved = resolveDocument(tokens, mentions);
    expect(show(resolved)).toEqual(['ORG:Homestake Mining Co', 'ORG:Homestake']);
    expect(resolved[1].canonical).toBe('Homestake Mining Co');
  });

  it('types a bracketed acronym of an organisation as that organisation throughout', () => {
    const { tokens, mentions, show } = setup('Nippon Telegraph Corp ( NTT ) said . NTT shares rose .', [
      [0, 3, 'ORG'],
      [4, 5, 'PER'],
      [8, 9, 'PER'],
    ]);
    const resolved = resolveDocument(tokens, mentions);
    expect(show(resolved)).toEqual(['ORG:Nippon Telegraph Corp', 'ORG:NTT', 'ORG:NTT']);
    expect(resolved[2].canonical).toBe('Nippon Telegraph Corp');
  });

  it('keeps an organisation head on the next line out of the name', () => {
    const { tokens, sentences, mentions, show } = setup('Standings of National Hockey\nLeague teams', [
      [2, 4, 'ORG'],
    ]);
    expect(show(applyOrgRules(tokens, sentences, mentions))).toEqual(['ORG:National Hockey']);
    const one = setup('Standings of National Hockey League teams', [[2, 4, 'ORG']]);
    expect(one.show(applyOrgRules(one.tokens, one.sentences, one.mentions))).toEqual([
      'ORG:National Hockey League',
    ]);
  });

  it('joins initials to the surname after them', () => {
    const { tokens, sentences, mentions, show } = setup('N. McLean c and b M. Waugh 7', [
      [1, 2, 'PER'],
      [5, 6, 'PER'],
      [6, 7, 'PER'],
    ]);
    expect(show(extendPersonNames(tokens, sentences, mentions))).toEqual(['PER:N. McLean', 'PER:M. Waugh']);
  });

  it('names a company by its leading words ("Santa Fe"), not only by its first word', () => {
    const text = 'Santa Fe Pacific Gold Corp rose . Santa Fe is based in Albuquerque .';
    const { tokens, mentions, show } = setup(text, [
      [0, 5, 'ORG'],
      [7, 9, 'LOC'],
      [12, 13, 'LOC'],
    ]);
    expect(show(resolveDocument(tokens, mentions))).toEqual([
      'ORG:Santa Fe Pacific Gold Corp',
      'ORG:Santa Fe',
      'LOC:Albuquerque',
    ]);
  });
});
