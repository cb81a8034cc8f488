import { describe, expect, it } from 'vitest';
import { ar } from './ar.js';
import { en } from './en.js';
import { isRtl, translator } from './messages.js';

describe('message catalogues', () => {
  it('Arabic covers every English key, with the same placeholders', () => {
    const missing = Object.keys(en).filter((k) => !(k in ar));
    expect(missing).toEqual([]);
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(ar))
      expect(names(text as string), key).toEqual(names(en[key as keyof typeof en]));
  });

  it('fills placeholders and knows right-to-left languages', () => {
    expect(translator('ar')('home.sources', { n: 3 })).toBe('3 مصادر');
    expect(translator('xx')('home.sources', { n: 3 })).toBe('3 sources');
    expect(['ar', 'fa', 'he', 'ur', 'ar-EG'].every(isRtl)).toBe(true);
    expect(isRtl('en')).toBe(false);
  });
});
