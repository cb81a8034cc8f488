import { describe, expect, it } from 'vitest';
import { HOLD, moderate, normalizeForModeration } from './moderation.js';

const held = (body: string, recent?: string[]) => moderate({ body, recent }).score >= HOLD;

describe('offline moderation rules', () => {
  it('normalises leetspeak, repeated letters, spacing and accents', () => {
    expect(normalizeForModeration('1d10t')).toBe('idiot');
    expect(normalizeForModeration('iiiidiooooot')).toBe('iidioot');
    expect(normalizeForModeration('i d i o t')).toBe('idiot');
    expect(normalizeForModeration('i.d.i.o.t')).toBe('idiot');
    expect(normalizeForModeration('ìdíöt')).toBe('idiot');
  });

  it('holds insults however they are disguised, and says why', () => {
    for (const body of [
      'You are an idiot',
      'You are an 1d10t',
      'what a m0r0n',
      'i d i o t',
      'IDIOOOOT',
      'sc*u*m',
    ]) {
      expect(held(body), body).toBe(true);
    }
    expect(moderate({ body: 'You are an 1d10t' }).reasons[0]).toMatch(/toxic language: idiot/);
    expect(held('kill yourself')).toBe(true);
  });

  it('holds spam: link farms, spam phrases, shouting with links, repeated posts', () => {
    expect(held('https://a.biz https://a.biz/2 https://a.biz/3 https://b.biz')).toBe(true);
    expect(held('Buy now! Click here for free money at home')).toBe(true);
    expect(moderate({ body: 'same same same same same same same same same' }).reasons).toContain(
      'the same word repeated',
    );
    expect(held('VISIT MY SITE NOW https://spam.example/x THIS IS AMAZING')).toBe(true);
    expect(held('Great point about the budget.', ['great point about the budget.'])).toBe(true);
  });

  it('lets ordinary comments through, including quotes of place names and one link', () => {
    for (const body of [
      'The figures from Kyiv look high; the Stimson estimate seems more realistic.',
      'Source: https://example.org/report — page 4 has the table.',
      'Scunthorpe United won again, and the orbit chess club met in Essex.',
      'I think this is a thoughtful piece, thanks.',
    ]) {
      expect(moderate({ body }).score, body).toBeLessThan(HOLD);
    }
  });
});
