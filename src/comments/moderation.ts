// Offline comment moderation: a transparent rule set (see moderation-words.ts for why it is not
// a trained model). Each rule adds to a 0..1 score with a reason a moderator can read. Doubtful
// comments (score >= HOLD) are held for review; nothing is removed without a person.
import type { ModerationVerdict } from '../domain/types.js';
import { linksOf } from './markdown.js';
import { SPAM_PHRASES, THREAT_PHRASES, TOXIC_WORDS } from './moderation-words.js';

export const HOLD = 0.5;

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '|': 'i',
  '3': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
  '8': 'b',
  '9': 'g',
  '€': 'e',
  '¡': 'i',
};

/**
 * Folds the usual disguises: accents and compatibility forms (NFKD), leetspeak, invisible
 * characters, runs of a repeated letter ("iiiidiot") and letters spaced or dotted apart
 * ("i d i o t", "i.d.i.o.t").
 */
export function normalizeForModeration(text: string): string {
  let s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u200b-\u200f\u2060\ufeff\u00ad]/g, '')
    .toLowerCase();
  s = s.replace(/[0-9!|@$+€¡]/g, (c) => LEET[c] ?? c);
  s = s.replace(/(\p{L})\1{2,}/gu, '$1$1');
  // punctuation inside a word goes: "sc*u*m", "i-d-i-o-t"
  s = s.replace(/(\p{L})[*._-]+(?=\p{L})/gu, '$1');
  // single letters separated by spaces or punctuation join up: "i d i o t" -> "idiot"
  s = s.replace(/\b(?:\p{L}[\s._*-]+){2,}\p{L}\b/gu, (run) => run.replace(/[\s._*-]+/g, ''));
  return s
    .replace(/[^\p{L}\p{N}\s']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** also collapses double letters ("idiiot" -> "idiot") for a second look */
const squeeze = (s: string): string => s.replace(/(\p{L})\1+/gu, '$1');

const TOXIC = new Set(TOXIC_WORDS);
const TOXIC_SQUEEZED = new Map(TOXIC_WORDS.map((w) => [squeeze(w), w]));

function hasPhrase(normalized: string, phrase: string): boolean {
  return ` ${normalized} `.includes(` ${phrase} `);
}

export interface ModerationInput {
  body: string;
  /** the author's recent comment bodies, for repeated-text checks */
  recent?: string[];
}

export function moderate(input: ModerationInput): ModerationVerdict {
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(reason);
  };
  const norm = normalizeForModeration(input.body);
  const words = norm.split(' ').filter(Boolean);

  // toxicity
  const toxic = new Set<string>();
  for (const w of words) {
    const hit = TOXIC.has(w) ? w : TOXIC_SQUEEZED.get(squeeze(w));
    if (hit) toxic.add(hit);
  }
  if (toxic.size > 0)
    add(0.5 + 0.15 * (toxic.size - 1), `toxic language: ${[...toxic].slice(0, 5).join(', ')}`);
  const threats = THREAT_PHRASES.filter((p) => hasPhrase(norm, p));
  if (threats.length > 0) add(0.8, `threat or incitement: ${threats.slice(0, 3).join(', ')}`);

  // spam
  const links = linksOf(input.body);
  if (links.length >= 3) add(0.2 + 0.1 * Math.min(5, links.length - 3), `${links.length} links`);
  const hosts = new Map<string, number>();
  for (const l of links) {
    try {
      const h = new URL(l).hostname.replace(/^www\./, '');
      hosts.set(h, (hosts.get(h) ?? 0) + 1);
    } catch {}
  }
  const prose = input.body.replace(/https?:\/\/\S+/g, '').replace(/\[[^\]]*\]/g, '');
  const proseWords = prose.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (links.length >= 2 && proseWords < links.length * 4) add(0.4, 'link farm: mostly links, little text');
  if ([...hosts.values()].some((n) => n >= 3)) add(0.2, 'the same site linked repeatedly');
  const spam = SPAM_PHRASES.filter((p) => hasPhrase(norm, normalizeForModeration(p)));
  if (spam.length > 0) add(0.3 * Math.min(2, spam.length), `spam phrases: ${spam.slice(0, 3).join(', ')}`);
  const letters = prose.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  if (letters.length >= 20 && upper / letters.length > 0.7) add(0.3, 'shouting (mostly capitals)');
  if (words.length >= 8) {
    const counts = new Map<string, number>();
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    const top = Math.max(...counts.values());
    if (top / words.length > 0.4) add(0.3, 'the same word repeated');
  }
  if (/(.{3,20}?)\1{4,}/su.test(input.body.slice(0, 2000))) add(0.3, 'repeated text');
  const same = (input.recent ?? []).filter(
    (r) => normalizeForModeration(r) === norm && norm.length > 0,
  ).length;
  if (same > 0) add(0.5, 'posted the same text before');

  return { score: Math.min(1, Math.round(score * 100) / 100), reasons };
}

export const isDoubtful = (v: ModerationVerdict): boolean => v.score >= HOLD;
