/**
 * Reading-time enricher: words per minute for space-separated scripts, characters per minute for
 * Chinese, Japanese and Korean (no spaces between words). Always at least one minute for any text.
 */
import type { Enricher } from './types.js';

/** Common adult silent-reading rates (Brysbaert 2019: ~238 wpm English; ~260 CJK chars/min). */
export const WORDS_PER_MINUTE = 230;
export const CJK_CHARS_PER_MINUTE = 260;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const CJK_ONE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** 0 other, 1 letter or digit, 2 CJK (a separator for words), of one character by its text. */
function kindOf(ch: string): 0 | 1 | 2 {
  return CJK_ONE.test(ch) ? 2 : LETTER_OR_DIGIT.test(ch) ? 1 : 0;
}
/** kindOf a character of the Basic Multilingual Plane by its code, plus one; 0 until first asked. */
const bmpKinds = new Uint8Array(0x10000);
function bmpKind(c: number): 0 | 1 | 2 {
  let k = bmpKinds[c];
  if (k === 0) {
    k = kindOf(String.fromCharCode(c)) + 1;
    bmpKinds[c] = k;
  }
  return (k - 1) as 0 | 1 | 2;
}

/**
 * Words and CJK characters in one pass without building strings. A word is a run of letters or
 * digits, joined by an inner ' ’ . or - (the regex [\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)* over the
 * text with CJK characters blanked); CJK characters are counted by themselves.
 */
export function countWords(text: string): { words: number; cjk: number } {
  let words = 0;
  let cjk = 0;
  let inWord = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let len = 1;
    let kind: 0 | 1 | 2; // 0 other, 1 letter or digit, 2 CJK (a separator for words)
    if (c < 128) kind = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      len = 2;
      kind = kindOf(text.slice(i, i + 2));
    } else kind = bmpKind(c);
    if (kind === 1) {
      if (!inWord) words++;
      inWord = true;
    } else {
      if (kind === 2) cjk++;
      // an inner ' ’ . - keeps the word going when a letter or digit follows
      if (inWord && kind === 0 && (c === 39 || c === 0x2019 || c === 46 || c === 45) && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        let next: boolean;
        if (d < 128) next = (d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57);
        else if (d >= 0xd800 && d <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 2)))
          next = kindOf(text.slice(i + 1, i + 3)) === 1;
        else next = bmpKind(d) === 1;
        if (next) {
          i += len;
          continue;
        }
      }
      inWord = false;
    }
    i += len;
  }
  return { words, cjk };
}

export function readingMinutes(text: string): number {
  if (!text) return 0;
  // CJK characters are counted by themselves, not as words.
  const { words, cjk } = countWords(text);
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
