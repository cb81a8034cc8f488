import { describe, expect, it } from 'vitest';
import type { Enrichment } from '../../domain/types.js';
import { detectLanguage, languageEnricher, normalizeDeclared } from './language.js';
import { readingMinutes, readingTimeEnricher } from './reading-time.js';

const EN =
  'The government announced on Thursday that it would raise interest rates again, citing inflation that ' +
  'has stayed stubbornly high for most of the year despite earlier increases.';
const DE =
  'Die Regierung kündigte am Donnerstag an, die Zinsen erneut anzuheben, und verwies auf die Inflation, ' +
  'die trotz früherer Erhöhungen den größten Teil des Jahres hartnäckig hoch geblieben ist.';

describe('language', () => {
  it('detects from the text and maps to ISO 639-1', () => {
    expect(detectLanguage(EN)).toBe('en');
    expect(detectLanguage(DE)).toBe('de');
    expect(
      detectLanguage(
        '新华社北京电 国家主席习近平今天在人民大会堂会见了来访的外国领导人，双方就两国关系深入交换了意见，并一致同意加强合作。',
      ),
    ).toBe('zh');
  });
  it('lets the declared language win on short text, and the text win when they clearly differ', () => {
    expect(detectLanguage('Breaking news', 'fr-FR')).toBe('fr');
    expect(detectLanguage('Hi', null)).toBeNull();
    expect(detectLanguage(DE, 'en')).toBe('de');
    expect(detectLanguage(EN, 'en-GB')).toBe('en');
    expect(normalizeDeclared('not a tag')).toBeNull();
  });
  it('fills the result', () => {
    const result = { language: null, readingMinutes: 0 } as unknown as Enrichment;
    languageEnricher.enrich({ title: 't', text: EN }, result);
    readingTimeEnricher.enrich({ title: 't', text: EN.repeat(20) }, result);
    expect(result.language).toBe('en');
    expect(result.readingMinutes).toBe(2);
  });
});

describe('reading time', () => {
  it('counts words, and CJK by characters', () => {
    expect(readingMinutes('')).toBe(0);
    expect(readingMinutes('one two')).toBe(1);
    expect(readingMinutes('word '.repeat(2300))).toBe(10);
    expect(readingMinutes('字'.repeat(2600))).toBe(10);
  });
});
