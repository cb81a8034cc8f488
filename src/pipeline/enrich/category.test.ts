import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Enrichment } from '../../domain/types.js';
import { categoryEnricher, categoryModel } from './category.js';
import { categoryFeatures, categoryTokens, categoryVector, scoreCategory } from './category-model.js';
import { createEmptyEnrichment } from './index.js';

function categorize(title: string, text: string): Enrichment['category'] {
  const result = createEmptyEnrichment();
  categoryEnricher.enrich({ title, text }, result);
  return result.category;
}

describe('category', () => {
  it('files articles by their content', () => {
    expect(
      categorize(
        'Lakers beat Celtics in overtime',
        'LeBron James scored 40 points as the Lakers won the NBA game.',
      ),
    ).toBe('sports');
    expect(
      categorize(
        'Shares slump as profits fall',
        'The company said quarterly profits fell and its shares dropped on Wall Street as investors sold the stock.',
      ),
    ).toBe('business');
    expect(
      categorize(
        'New smartphone app',
        'Apple released a software update for the iPhone with new apps and security features.',
      ),
    ).toBe('technology');
    expect(
      categorize(
        'Rebels seize town in northern Syria',
        'Syrian rebels took control of the town after fighting with government troops, the United Nations said, as refugees fled towards the Turkish border.',
      ),
    ).toBe('world');
    expect(
      categorize(
        'Senate passes budget bill',
        'Republicans and Democrats in the Senate voted on the budget bill, sending it to the president, who is expected to sign it into law.',
      ),
    ).toBe('politics');
    expect(
      categorize(
        'Astronomers find water on distant planet',
        'Scientists using a telescope found evidence of water vapour in the atmosphere of an exoplanet, researchers reported in the journal Nature.',
      ),
    ).toBe('science');
    expect(
      categorize(
        'Flu vaccine cuts hospital visits',
        'Doctors say the vaccine reduced hospital admissions among patients with flu symptoms; health officials urged people to get vaccinated.',
      ),
    ).toBe('health');
  });

  it('knows general vocabulary that the US headlines lack (the glossary)', () => {
    expect(
      categorize(
        'Parliament debates new law',
        'MPs from the governing party and the opposition clashed in the Commons over the bill before the vote.',
      ),
    ).toBe('politics');
    expect(
      categorize(
        'Jobless rate falls',
        'Unemployment fell to its lowest level in four years as the economy grew, official figures showed; inflation stayed below target.',
      ),
    ).toBe('business');
  });

  it('scores every slug, and the best score wins', () => {
    const s = scoreCategory(categoryModel(), 'Lakers beat Celtics', 'The NBA season opened.');
    const entries = Object.entries(s.scores);
    expect(entries).toHaveLength(CATEGORIES.length);
    const top = entries.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(s.slug).toBe(top[0]);
  });

  it('normalises the feature vector, so article length does not set the scale', () => {
    const known = categoryModel().weights;
    const { values } = categoryVector(categoryFeatures('shares fell as profits fell sharply'), known);
    const norm = Math.sqrt(values.reduce((a, v) => a + v * v, 0));
    expect(norm).toBeCloseTo(1, 9);
    // damped counts: a word seen twice weighs 1 + ln 2, not 2
    const fell = categoryVector(categoryFeatures('fell fell profit'), known);
    expect(fell.values[0] / fell.values[1]).toBeCloseTo(1 + Math.log(2), 9);
  });

  it('always answers one of the ten slugs, and null for an empty article', () => {
    expect(CATEGORIES).toContain(categorize('شيء', 'نص عربي قصير'));
    expect(CATEGORIES).toContain(categorize('x', 'word '.repeat(50000)));
    expect(categorize('', '  ')).toBeNull();
  });

  it('tokenises HuffPost-style and ordinary text alike', () => {
    expect(categoryTokens("trump 's tweets")).toEqual(categoryTokens('Trump’s tweets'));
    // light stemming shares the headline and article forms of a word
    expect(categoryTokens('shares companies rallied')).toEqual(['share', 'company', 'ralli']);
    expect(categoryTokens('Shares in 2004')).toEqual(['share', '', '#num']);
  });
});
