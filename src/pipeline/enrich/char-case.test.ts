import { describe, expect, it } from 'vitest';
import { caseBits, HAS_LOWER, HAS_UPPER } from './char-case.js';

describe('caseBits', () => {
  it('agrees with toLowerCase and toUpperCase on every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      const want = (ch !== ch.toLowerCase() ? HAS_LOWER : 0) | (ch !== ch.toUpperCase() ? HAS_UPPER : 0);
      // asked twice: the remembered answer must be the computed one
      if (caseBits(code) !== want || caseBits(code) !== want) wrong.push(code);
    }
    expect(wrong).toEqual([]);
    // Ж, ж, 中, ǅ (title case: both)
    expect([0x416, 0x436, 0x4e2d, 0x1c5].map(caseBits)).toEqual([
      HAS_LOWER,
      HAS_UPPER,
      0,
      HAS_LOWER | HAS_UPPER,
    ]);
  });
});
