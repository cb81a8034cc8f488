/**
 * Language enricher: franc-min's ranking (computed by language-rank.ts) on the text, checked against
 * the language the page declares. The declared language wins when the text is short or franc
 * hesitates between it and another; output is an ISO 639-1 code (or the declared primary subtag),
 * null when nothing is known.
 */
import { rankLanguages } from './language-rank.js';
import type { Enricher } from './types.js';

/** ISO 639-3 (as franc-min returns) -> ISO 639-1. Codes without a 639-1 form are returned as is. */
// biome-ignore format: a lookup table reads better packed
const ISO1: Record<string, string> = {
  spa: 'es', eng: 'en', por: 'pt', ind: 'id', fra: 'fr', deu: 'de', jav: 'jv', vie: 'vi', ita: 'it',
  tur: 'tr', pol: 'pl', swh: 'sw', sun: 'su', ron: 'ro', hau: 'ha', bos: 'bs', hrv: 'hr', nld: 'nl',
  srp: 'sr', ckb: 'ku', yor: 'yo', uzn: 'uz', zlm: 'ms', ibo: 'ig', tgl: 'tl', hun: 'hu', azj: 'az',
  ces: 'cs', run: 'rn', plt: 'mg', nya: 'ny', kin: 'rw', zul: 'zu', swe: 'sv', lin: 'ln', som: 'so',
  rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk', arb: 'ar', urd: 'ur', pes: 'fa', pbu: 'ps',
  hin: 'hi', mar: 'mr', npi: 'ne', cmn: 'zh', ben: 'bn', jpn: 'ja', kor: 'ko', tel: 'te', tam: 'ta',
  guj: 'gu', kan: 'kn', mal: 'ml', mya: 'my', pan: 'pa', amh: 'am', tha: 'th', sin: 'si', ell: 'el',
};

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Below this many letters franc's trigram statistics are too thin to overrule the page. */
const MIN_LENGTH = 60;
/** franc's scores are relative to the best (1.0); a declared language this close is kept. */
const CLOSE = 0.9;
/** Enough text to decide (franc is reliable from a few hundred letters); more only costs time. */
const SAMPLE = 600;

export function iso1(code: string): string {
  return ISO1[code] ?? code;
}

/** Primary subtag of a declared language ("en-GB" -> "en"), or null when it is not a language tag. */
export function normalizeDeclared(declared: string | null | undefined): string | null {
  if (!declared) return null;
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(declared);
  return m ? m[1].toLowerCase() : null;
}

/** Words that only English uses this often: a sample thick with them needs no trigram ranking. */
const ENGLISH = new Set(
  'the and of that with was were from have has this which said for would their been'.split(' '),
);
const WORDS = /\p{L}+/gu;

/** Clearly English: at least 40 words, one in eight an English function word, "the" one in thirty. */
function clearlyEnglish(sample: string): boolean {
  let words = 0;
  let common = 0;
  let the = 0;
  for (const m of sample.matchAll(WORDS)) {
    words++;
    const w = m[0].length <= 5 ? m[0].toLowerCase() : '';
    if (ENGLISH.has(w)) {
      common++;
      if (w === 'the') the++;
    }
  }
  return words >= 40 && common * 8 >= words && the * 30 >= words;
}

export function detectLanguage(text: string, declared?: string | null): string | null {
  const page = normalizeDeclared(declared);
  const sample = (text ?? '').slice(0, SAMPLE);
  // English pages (declared so, or not declared) skip franc when the text plainly agrees.
  if ((page === 'en' || page === null) && clearlyEnglish(sample)) return 'en';
  // A CJK character carries about a word, so it counts double towards "enough text".
  const letters = sample.replace(/[^\p{L}]/gu, '').length + (sample.match(CJK)?.length ?? 0);
  if (letters < MIN_LENGTH) return page;
  const ranked = rankLanguages(sample, 10);
  const [top, topScore] = ranked[0] ?? ['und', 0];
  if (top === 'und') return page;
  if (page) {
    const mine = ranked.find(([code]) => iso1(code) === page);
    if (mine && mine[1] >= CLOSE * topScore) return page;
    const second = ranked[1]?.[1] ?? 0;
    // franc unsure (two languages nearly tied, neither the declared one): trust the page.
    if (second >= 0.98 * topScore && iso1(ranked[1][0]) !== iso1(top)) return page;
  }
  return iso1(top);
}

export const languageEnricher: Enricher = {
  name: 'language',
  enrich(input, result) {
    result.language = detectLanguage(input.text || input.title || '', input.language);
  },
};
