// UI strings. English is complete; other catalogues fall back to English key by key.
import { ar } from './ar.js';
import { en } from './en.js';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const catalogues: Record<string, Partial<Messages>> = { en, ar };
const RTL = new Set(['ar', 'fa', 'he', 'ur']);

export function isRtl(language: string | null | undefined): boolean {
  return Boolean(language && RTL.has(language.slice(0, 2).toLowerCase()));
}

/** A translator for one UI language: `t('key', { n: 3 })` fills `{n}` placeholders. */
export function translator(language: string) {
  const catalogue = catalogues[language] ?? {};
  return (key: MessageKey, params: Record<string, string | number> = {}): string =>
    (catalogue[key] ?? en[key]).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export type Translate = ReturnType<typeof translator>;
export const uiLanguages = Object.keys(catalogues);
