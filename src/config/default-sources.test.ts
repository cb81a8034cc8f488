import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../domain/types.js';
import { defaultSources, MENA_COUNTRIES } from './default-sources.js';

describe('defaultSources', () => {
  it('is broad: at least 40 feeds, 15 countries and 5 languages', () => {
    expect(defaultSources.length).toBeGreaterThanOrEqual(40);
    expect(new Set(defaultSources.map((s) => s.country)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(defaultSources.map((s) => s.language)).size).toBeGreaterThanOrEqual(5);
  });

  it('covers the Middle East and North Africa in Arabic, English and French', () => {
    const mena = defaultSources.filter((s) => MENA_COUNTRIES.has(s.country));
    expect(mena.length).toBeGreaterThanOrEqual(10);
    expect(new Set(mena.map((s) => s.country)).size).toBeGreaterThanOrEqual(8);
    const menaLanguages = new Set(mena.map((s) => s.language));
    for (const lang of ['ar', 'en', 'fr']) expect(menaLanguages).toContain(lang);
    // Egypt and the Maghreb, not only the Gulf
    for (const cc of ['EG', 'MA', 'TN', 'DZ', 'LY']) expect(mena.map((s) => s.country)).toContain(cc);
  });

  it('has unique feed URLs and names', () => {
    const urls = defaultSources.map((s) => s.feedUrl.toLowerCase());
    expect(new Set(urls).size).toBe(urls.length);
    const names = defaultSources.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(defaultSources.map((s) => [s.name, s] as const))('%s is well formed', (_name, s) => {
    expect(s.name.trim()).toBe(s.name);
    expect(s.name.length).toBeGreaterThan(1);
    for (const url of [s.feedUrl, s.homepage]) {
      const parsed = new URL(url);
      expect(parsed.protocol).toBe('https:');
      expect(parsed.username + parsed.password).toBe('');
      expect(parsed.hostname).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    }
    expect(s.country).toMatch(/^[A-Z]{2}$/);
    expect(s.language).toMatch(/^[a-z]{2}$/);
    expect(s.kind).toBe('feed');
    expect(s.topics.length).toBeGreaterThan(0);
    expect(new Set(s.topics).size).toBe(s.topics.length);
    for (const topic of s.topics) expect(CATEGORIES).toContain(topic);
  });

  it('gives each entry its own topics array', () => {
    const [a, b] = defaultSources.filter((s) => s.topics.includes('politics'));
    expect(a.topics).not.toBe(b.topics);
  });
});
