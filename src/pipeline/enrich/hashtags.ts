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
const LONG_WORDS = /\p{L}{4,}/gu;
/** Texts are read this far for topics. */
const TOPIC_SCAN = 100_000;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Whether a letter (one code point, so maybe two code units) ends just before `i`. */
function letterBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const from = isLow(text.charCodeAt(i - 1)) && i >= 2 && isHigh(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
  return LETTER.test(text.slice(from, i));
}
/** Whether a letter starts at `i`. */
function letterAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const to = isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? i + 2 : i + 1;
  return LETTER.test(text.slice(i, to));
}

/**
 * Calls `visit(word, lower)` for each run of at least four letters in `text` (what LONG_WORDS finds)
 * whose lower case is in `wanted`. When lower-casing the whole text keeps every offset (no letter
 * grows, no Greek capital sigma, whose lower case depends on the letters around it), each wanted
 * word is found with indexOf in it, instead of building every word of the text.
 */
function forEachWantedWord(
  text: string,
  wanted: Set<string>,
  visit: (word: string, lower: string) => void,
): void {
  const lower = text.toLowerCase();
  if (lower.length !== text.length || text.includes('Σ')) {
    for (const word of text.match(LONG_WORDS) ?? []) {
      const w = word.toLowerCase();
      if (wanted.has(w)) visit(word, w);
    }
    return;
  }
  for (const w of wanted) {
    for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
      // a whole run of letters, not a part of a longer word ("port" in "airport")
      if (!letterBefore(text, at) && !letterAt(text, at + w.length)) visit(text.slice(at, at + w.length), w);
    }
  }
}

/** Lower-case words repeated in the text and present in the title, outside any entity. */
function topicCandidates(input: EnrichInput, entities: Entity[]): Candidate[] {
  const title = new Set((input.title ?? '').toLowerCase().match(LONG_WORDS) ?? []);
  for (const w of title) if (STOPWORDS.has(w)) title.delete(w);
  if (title.size === 0) return [];
  let inEntity: Set<string> | null = null;
  const counts = new Map<string, number>();
  const common = new Set<string>(); // seen in lower case at least once: a common noun, not a name
  forEachWantedWord((input.text ?? '').slice(0, TOPIC_SCAN), title, (word, w) => {
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
