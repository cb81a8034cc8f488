/**
 * Reading-time enricher: words per minute for space-separated scripts, characters per minute for
 * Chinese, Japanese and Korean (no spaces between words). Always at least one minute for any text.
 */
import type { Enricher } from './types.js';

/** Common adult silent-reading rates (Brysbaert 2019: ~238 wpm English; ~260 CJK chars/min). */
export const WORDS_PER_MINUTE = 230;
export const CJK_CHARS_PER_MINUTE = 260;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function readingMinutes(text: string): number {
  if (!text) return 0;
  const cjk = text.match(CJK)?.length ?? 0;
  // CJK characters are counted by themselves, not as words.
  const words = cjk > 0 ? (text.replace(CJK, ' ').match(WORD)?.length ?? 0) : (text.match(WORD)?.length ?? 0);
  const minutes = words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE;
  if (minutes === 0) return 0;
  return Math.max(1, Math.round(minutes));
}

export const readingTimeEnricher: Enricher = {
  name: 'readingMinutes',
  enrich(input, result) {
    result.readingMinutes = readingMinutes(input.text ?? '');
  },
};
