import { describe, expect, it } from 'vitest';
import type { Entity } from '../../domain/types.js';
import { hashtagsFor, MAX_HASHTAGS, slugify, tagsFromEnrichment } from './hashtags.js';

const ent = (text: string, type: Entity['type'], start: number, extra: Partial<Entity> = {}): Entity => ({
  text,
  type,
  start,
  end: start + text.length,
  canonical: text,
  ...extra,
});

describe('slugify', () => {
  it('makes stable lower-case slugs, folding Latin diacritics and keeping other letters', () => {
    expect(slugify('Kim Jong Un')).toBe('kim-jong-un');
    expect(slugify('Kursk')).toBe('kursk');
    expect(slugify('Zürich')).toBe('zurich');
    expect(slugify('São Paulo')).toBe('sao-paulo');
    expect(slugify('Straße & Łódź')).toBe('strasse-lodz');
    expect(slugify("McDonald's")).toBe('mcdonalds');
    expect(slugify('U.S.')).toBe('us');
    expect(slugify('Москва')).toBe('москва');
    expect(slugify('東京')).toBe('東京');
    expect(slugify('  --  ')).toBe('');
    expect(slugify('a'.repeat(200)).length).toBe(80);
  });
});

describe('hashtags', () => {
  const text =
    'Kim Jong Un met Vladimir Putin in Vostochny. Kim said Russia was a friend. Putin agreed. Kim left.';
  const entities = [
    ent('Kim Jong Un', 'person', 0),
    ent('Vladimir Putin', 'person', 16),
    ent('Vostochny', 'place', 34, { country: 'RU' }),
    ent('Kim', 'person', 45, { canonical: 'Kim Jong Un' }),
    ent('Russia', 'place', 54, { country: 'RU' }),
    ent('Putin', 'person', 76, { canonical: 'Vladimir Putin' }),
    ent('Kim', 'person', 90, { canonical: 'Kim Jong Un' }),
  ];
  it('ranks merged entities by salience and deduplicates by slug', () => {
    const tags = hashtagsFor({ title: 'Putin hosts Kim', text }, entities);
    expect(tags.slice(0, 2)).toEqual(['kim-jong-un', 'vladimir-putin']);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags).not.toContain('kim');
  });
  it('keeps at most eight and maps back to typed tags', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      ent(`Name${String.fromCharCode(65 + i)}`, 'person', i * 10),
    );
    const tags = hashtagsFor({ title: many.map((e) => e.text).join(' '), text: 'x'.repeat(300) }, many);
    expect(tags.length).toBe(MAX_HASHTAGS);
    const hashtags = hashtagsFor({ title: 'Putin hosts Kim', text }, entities);
    const store = tagsFromEnrichment({ hashtags: [...hashtags, 'vostochny', 'drones'], entities });
    expect(store[0]).toEqual({ slug: 'kim-jong-un', name: 'Kim Jong Un', type: 'person' });
    expect(store.find((t) => t.slug === 'vostochny')).toMatchObject({ type: 'place', country: 'RU' });
    expect(store.at(-1)).toEqual({ slug: 'drones', name: 'drones', type: 'topic' });
  });
  it('adds a repeated title word as a topic and copes with empty input', () => {
    const t = 'Drones hit the port. The drones came at night. More drones followed.';
    expect(hashtagsFor({ title: 'Drones strike port', text: t }, [])).toContain('drones');
    expect(hashtagsFor({ title: '', text: '' }, [])).toEqual([]);
  });
  it('reads topic words as whole runs of letters, accented or not', () => {
    const t = 'La inundación llegó. Otra inundación hoy, e inundación mañana. Inundaciones, xinundación.';
    expect(hashtagsFor({ title: 'Inundación en Valencia', text: t }, [])).toEqual(['inundacion']);
    // "port" inside "ports" or "airport" is not the word "port"
    const p = 'The ports and the airport. Ports, airports, sports and passports.';
    expect(hashtagsFor({ title: 'Port closes', text: p }, [])).toEqual([]);
  });
});
