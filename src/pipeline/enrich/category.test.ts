import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Enrichment } from '../../domain/types.js';
import { categoryEnricher } from './category.js';
import { categoryTokens } from './category-model.js';
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
  });

  it('always answers one of the ten slugs, and null for an empty article', () => {
    expect(CATEGORIES).toContain(categorize('شيء', 'نص عربي قصير'));
    expect(CATEGORIES).toContain(categorize('x', 'word '.repeat(50000)));
    expect(categorize('', '  ')).toBeNull();
  });

  it('tokenises HuffPost-style and ordinary text alike', () => {
    expect(categoryTokens("trump 's tweets")).toEqual(categoryTokens('Trump’s tweets'));
  });
});
