import { describe, expect, it } from 'vitest';
import type { Enrichment } from '../../domain/types.js';
import { entityEnricher, extractEntities } from './entities.js';
import { loadNer } from './ner.js';

const find = (text: string, name: string) => extractEntities(text).filter((e) => e.text === name);

describe('entities', () => {
  it('loads the shipped model and gazetteer', () => {
    const { model, gazetteer } = loadNer();
    expect(model.tags).toContain('B-PER');
    expect(model.featureCount).toBeGreaterThan(10_000);
    expect(gazetteer.lookup('Kursk')?.country).toBe('RU');
  });

  it('finds people, organisations and places in news sentences', () => {
    const text =
      'North Korean leader Kim Jong Un met Russian President Vladimir Putin at the Vostochny cosmodrome on ' +
      'Wednesday, the Kremlin said. Kim later travelled to Khabarovsk.\n' +
      'Shares of Apple Inc. fell 3% in New York after the European Commission opened an inquiry.';
    const entities = extractEntities(text);
    const byText = new Map(entities.map((e) => [e.text, e]));
    expect(byText.get('Kim Jong Un')?.type).toBe('person');
    expect(byText.get('Vladimir Putin')?.type).toBe('person');
    expect(byText.get('New York')?.type).toBe('place');
    expect(byText.get('New York')?.country).toBe('US');
    expect(byText.get('Khabarovsk')).toMatchObject({ type: 'place', country: 'RU' });
    expect(byText.get('Apple Inc.')?.type).toBe('organization');
    expect(byText.get('European Commission')?.type).toBe('organization');
    expect(byText.get('Kim')).toMatchObject({ type: 'person', canonical: 'Kim Jong Un' });
    expect(byText.get('Russian')?.type ?? 'other').toBe('other');
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('merges a later short mention into the full name, with one type', () => {
    const text = 'Rustem Umerov, the defence minister, met officials in Kyiv. Umerov said talks went well.';
    const later = find(text, 'Umerov');
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ type: 'person', canonical: 'Rustem Umerov' });
  });

  it('applies organisation rules: a head noun joins the name, "Ministry of X" is one organisation', () => {
    const text = 'A spokesman for the Ministry of Defence in London said the Labour Party had been told.';
    expect(find(text, 'Ministry of Defence')[0]?.type).toBe('organization');
    expect(find(text, 'Labour Party')[0]?.type).toBe('organization');
  });

  it('never crashes on odd input and always returns valid offsets', () => {
    const odd = [
      '',
      ' ',
      '\u0000\uD800\uDFFF\uDC00',
      '🇺🇦🇺🇦 Zelensky 😀 met Biden. '.repeat(50),
      'قال الرئيس محمد بن سلمان في الرياض إن Saudi Aramco ستستثمر.',
      '習近平與拜登在舊金山會面 Xi Jinping met Joe Biden in San Francisco',
      'NO SENTENCE ENDS HERE JUST CAPS AND Names Like Paris And Berlin '.repeat(300),
      'a'.repeat(100_000),
    ];
    for (const text of odd) {
      for (const e of extractEntities(text)) {
        expect(e.end).toBeGreaterThan(e.start);
        expect(text.slice(e.start, e.end)).toBe(e.text);
      }
    }
    expect(extractEntities(undefined as unknown as string)).toEqual([]);
  });

  it('fills result.entities as an Enricher', () => {
    const result = { entities: [] } as unknown as Enrichment;
    entityEnricher.enrich({ title: '', text: 'Angela Merkel visited Paris.' }, result);
    expect(result.entities.map((e) => e.type)).toEqual(['person', 'place']);
  });
});
