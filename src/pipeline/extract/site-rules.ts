// Site rules as data: only for a whole site where the general method fails, never for one page.
// A rule names hosts (the host or any subdomain) and class/id tokens whose elements are
// boilerplate on that site although their names do not say so.
import type { Document } from 'domhandler';
import type { Marks } from './clean.js';
import { classId, walkElements } from './dom.js';

export interface SiteRule {
  hosts: string[];
  /** class or id tokens marking boilerplate on these hosts */
  drop?: string[];
  /** the article ends before the first block matching this (a boilerplate "about us" tail) */
  cutFrom?: RegExp;
  why: string;
}

export const SITE_RULES: SiteRule[] = [
  {
    hosts: ['ascom.com'],
    cutFrom: /^Ascom is a global solutions provider/,
    why: 'every press release ends with the same company profile, in the same container as the text',
  },
];

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

export function rulesFor(url: string, rules: SiteRule[] = SITE_RULES): SiteRule[] {
  const host = hostOf(url);
  if (!host) return [];
  return rules.filter((r) => r.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}

/** Mark the elements a site rule names (they are then treated like any class-marked boilerplate). */
export function applySiteRules(
  doc: Document,
  url: string,
  marked: Marks,
  rules: SiteRule[] = SITE_RULES,
): void {
  const active = rulesFor(url, rules);
  if (!active.length) return;
  const tokens = new Set(active.flatMap((r) => r.drop ?? []));
  if (!tokens.size) return;
  walkElements(doc, (el) => {
    const hint = classId(el);
    if (hint.split(/\s+/).some((t) => tokens.has(t))) {
      marked.set(el, 'role');
      return false;
    }
    return undefined;
  });
}

/** Cut the blocks at the first one a site rule names as the start of its boilerplate tail. */
export function cutSiteTail<T extends { text: string }>(
  blocks: T[],
  url: string,
  rules: SiteRule[] = SITE_RULES,
): T[] {
  const cuts = rulesFor(url, rules)
    .map((r) => r.cutFrom)
    .filter((r): r is RegExp => !!r);
  if (!cuts.length) return blocks;
  const i = blocks.findIndex((b) => cuts.some((re) => re.test(b.text)));
  return i < 0 ? blocks : blocks.slice(0, i);
}
