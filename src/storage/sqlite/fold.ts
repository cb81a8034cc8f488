// Search folding for Arabic, applied identically to indexed text (through the lede_fold() SQL
// function in the FTS triggers) and to queries: diacritics (tashkeel) and tatweel removed,
// alef/yeh/teh-marbuta variants unified, and the light10 proclitics (و, ال, بال, …) stripped,
// so "اسرائيل" finds "إسرائيل" and "الأردن" finds "والأردن". Every change stays inside a word,
// so the folded text has the same tokens as the original and snippets highlight correctly.
// Text without Arabic letters is returned unchanged.
import type Database from 'better-sqlite3';

/** Tashkeel (U+064B–U+0652), superscript alef (U+0670), tatweel (U+0640). */
export const ARABIC_MARKS = '\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640';
const MARKS_RE = /[\u064B-\u0652\u0670\u0640]/g;
const ARABIC_RE = /[\u0600-\u06FF]/;
const WORD_RE = /[\u0621-\u064A\u0671-\u06D3]+/g;
const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];

function foldWord(word: string): string {
  let w = word;
  if (w.length > 3 && w.startsWith('و')) w = w.slice(1);
  for (const p of ARTICLES) {
    if (w.startsWith(p) && w.length - p.length >= 2) {
      w = w.slice(p.length);
      break;
    }
  }
  return w;
}

export function foldText(text: string | null): string | null {
  if (text == null || !ARABIC_RE.test(text)) return text;
  return text
    .replace(MARKS_RE, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(WORD_RE, foldWord);
}

/** Registers lede_fold() for the FTS triggers: every connection that writes articles needs it. */
export function registerFold(db: Database.Database): void {
  db.function('lede_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldText(text) : text,
  );
}
