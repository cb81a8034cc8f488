// The reader's edition (a country or region, and a language), kept in a cookie. Parsed
// strictly: anything else in the cookie is ignored rather than echoed anywhere.
import { uiLanguages } from './i18n/messages.js';

export interface Edition {
  /** ISO 3166-1 alpha-2 upper case, or null for every country */
  country: string | null;
  /** primary language tag, or null for every language */
  language: string | null;
}

export const EDITION_COOKIE = 'edition';
export const ALL: Edition = { country: null, language: null };

const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2,3}$/;

export function parseEdition(
  country: string | undefined | null,
  language: string | undefined | null,
): Edition {
  const c = (country ?? '').trim().toUpperCase();
  const l = (language ?? '').trim().toLowerCase();
  return { country: COUNTRY.test(c) ? c : null, language: LANGUAGE.test(l) ? l : null };
}

/** Cookie value "UA.en", "-.ar", "UA.-". */
export function editionFromCookie(value: string | undefined): Edition {
  if (!value) return ALL;
  const [country, language] = value.split('.');
  return parseEdition(country === '-' ? null : country, language === '-' ? null : language);
}

export function editionToCookie(e: Edition): string {
  return `${e.country ?? '-'}.${e.language ?? '-'}`;
}

/** The UI language for an edition: its language when the catalogue has it, else English. */
export function uiLanguageOf(e: Edition): string {
  return e.language && uiLanguages.includes(e.language) ? e.language : 'en';
}

/** Wrap-up edition keys to try, most specific first. */
export function wrapUpKeys(e: Edition): string[] {
  const keys: string[] = [];
  if (e.country) keys.push(`country:${e.country}`);
  if (e.language) keys.push(`language:${e.language}`);
  keys.push('all');
  return keys;
}
