/**
 * Hashtags enricher: the article's most salient entities (and a topic word or two) as stable slugs
 * for /tag/:slug. Salience = mentions, a place in the title, an early first mention; person and
 * organisation names weigh a little more than places, "other" names less.
 */
import type { Enrichment, Entity, EntityType, Tag } from '../../domain/types.js';
import type { Enricher, EnrichInput } from './types.js';

export const MAX_HASHTAGS = 8;

const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};
const LATIN = /\p{Script=Latin}/u;
const TYPE_WEIGHT: Record<EntityType, number> = { person: 1.2, organization: 1.1, place: 1, other: 0.6 };
const STOPWORDS = new Set(
  (
    'about above after again against also among been before being below between both could does doing ' +
    'down during each from further have having here into itself just more most much must only other ' +
    'over said says same should some such than that their them then there these they this those ' +
    'through under until very were what when where which while will with would your year years ' +
    'news new first last week month today told people time like make made many well back still'
  ).split(' '),
);

const slugs = new Map<string, string>();
/** "Kim Jong Un" -> "kim-jong-un", "Zürich" -> "zurich", "Москва" -> "москва"; "" when nothing is left. */
export function slugify(name: string): string {
  if (typeof name !== 'string') return makeSlug(name);
  // names recur across mentions and articles: memoised (pure function of the name)
  let slug = slugs.get(name);
  if (slug === undefined) {
    if (slugs.size > 50_000) slugs.clear();
    slug = makeSlug(name);
    slugs.set(name, slug);
  }
  return slug;
}

function makeSlug(name: string): string {
  let out = '';
  for (const ch of (name ?? '').normalize('NFC').toLowerCase()) {
    if (LATIN_SPECIAL[ch]) out += LATIN_SPECIAL[ch];
    else if (LATIN.test(ch)) out += ch.normalize('NFD').replace(/\p{M}/gu, '');
    else if (ch === "'" || ch === '’' || ch === '.')
      continue; // "McDonald's", "U.S." stay one word
    else out += ch;
  }
  return out
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

interface Candidate {
  name: string;
  type: EntityType | 'topic';
  score: number;
}

function entityCandidates(input: EnrichInput, entities: Entity[]): Map<string, Candidate> {
  const title = (input.title ?? '').toLowerCase();
  const length = Math.max(1, (input.text ?? '').length);
  const out = new Map<string, Candidate>();
  for (const e of entities) {
    const name = e.canonical ?? e.text;
    const slug = slugify(name);
    // One-word "other" names are mostly nationalities ("Russian"): not what an article is about.
    if (slug.length < 2 || (e.type === 'other' && !name.includes(' '))) continue;
    let c = out.get(slug);
    if (!c) {
      c = { name, type: e.type, score: title.includes(name.toLowerCase()) ? 3 : 0 };
      out.set(slug, c);
    }
    c.score += TYPE_WEIGHT[e.type] * (1 + 0.5 * (1 - e.start / length));
  }
  return out;
}

const LETTER = /^\p{L}$/u;
const LONG_WORD = 4;
/** Texts are read this far for topics. */
const TOPIC_SCAN = 100_000;

/** UTF-16 length of the letter at `i` (2 for an astral one), 0 when there is none before `end`. */
function letterAt(text: string, i: number, end: number): number {
  if (i >= end) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
  return LETTER.test(text.slice(i, i + pair)) ? pair : 0;
}

/**
 * Calls `visit` on each run of at least four letters in text[0, end) (what /\p{L}{4,}/gu finds), by
 * a character scan: `ascii` tells a run of ASCII letters, whose lower case has the same length.
 */
function forEachLongWord(
  text: string,
  end: number,
  visit: (start: number, stop: number, ascii: boolean) => void,
): void {
  let i = 0;
  while (i < end) {
    const start = i;
    let letters = 0;
    let ascii = true;
    for (let len = letterAt(text, i, end); len > 0; len = letterAt(text, i, end)) {
      if (text.charCodeAt(i) >= 128) ascii = false;
      letters++;
      i += len;
    }
    if (letters >= LONG_WORD) visit(start, i, ascii);
    if (i === start) i++;
  }
}

/** Lower-case words repeated in the text and present in the title, outside any entity. */
function topicCandidates(input: EnrichInput, entities: Entity[]): Candidate[] {
  const title = new Set((input.title ?? '').toLowerCase().match(/\p{L}{4,}/gu) ?? []);
  if (title.size === 0) return [];
  // an ASCII word whose length no title word has cannot be one: skipped without building it
  const lengths = new Set([...title].map((w) => w.length));
  let inEntity: Set<string> | null = null;
  const counts = new Map<string, number>();
  const common = new Set<string>(); // seen in lower case at least once: a common noun, not a name
  const text = input.text ?? '';
  forEachLongWord(text, Math.min(text.length, TOPIC_SCAN), (start, stop, ascii) => {
    if (ascii && !lengths.has(stop - start)) return;
    const word = text.slice(start, stop);
    const w = word.toLowerCase();
    if (!title.has(w) || STOPWORDS.has(w)) return;
    inEntity ??= new Set(entities.flatMap((e) => e.text.toLowerCase().split(/\s+/)));
    if (inEntity.has(w)) return;
    counts.set(w, (counts.get(w) ?? 0) + 1);
    if (w === word) common.add(w);
  });
  return [...counts]
    .filter(([w, n]) => n >= 3 && common.has(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 2)
    .map(([w, n]) => ({ name: w, type: 'topic' as const, score: 1 + n * 0.3 }));
}

export function hashtagsFor(input: EnrichInput, entities: Entity[]): string[] {
  const candidates = entityCandidates(input, entities);
  for (const t of topicCandidates(input, entities)) {
    const slug = slugify(t.name);
    if (slug && !candidates.has(slug)) candidates.set(slug, t);
  }
  // A name mentioned once, late, and not in the title is not what the article is about.
  return [...candidates]
    .filter(([, c]) => c.score >= 1.5)
    .sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_HASHTAGS)
    .map(([slug]) => slug);
}

/** The store's view of an enrichment's hashtags: slug, display name, type and country. */
export function tagsFromEnrichment(enrichment: Pick<Enrichment, 'hashtags' | 'entities'>): Tag[] {
  const bySlug = new Map<string, Entity>();
  for (const e of enrichment.entities ?? []) {
    const slug = slugify(e.canonical ?? e.text);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, e);
  }
  return (enrichment.hashtags ?? []).map((slug) => {
    const e = bySlug.get(slug);
    if (!e) return { slug, name: slug.replace(/-/g, ' '), type: 'topic' };
    const tag: Tag = { slug, name: e.canonical ?? e.text, type: e.type };
    if (e.country) tag.country = e.country;
    return tag;
  });
}

export const hashtagEnricher: Enricher = {
  name: 'hashtags',
  enrich(input, result) {
    result.hashtags = hashtagsFor(input, result.entities ?? []);
  },
};
