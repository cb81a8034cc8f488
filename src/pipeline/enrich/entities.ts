/**
 * Entities enricher: people, organisations, places and other names in `text`, with exact UTF-16
 * offsets, one type per name, shorter mentions merged under a shared `canonical`, and places
 * linked to a country through the gazetteer.
 */
import type { Entity, EntityType } from '../../domain/types.js';
import { applyDatelineRule } from './entities-dateline.js';
import { dropCalendarNames, extendPersonNames, trimPersonTitles } from './entities-people.js';
import { applyOrgRules, resolveDocument } from './entities-rules.js';
import {
  applyFixtureRules,
  applyNationalityRule,
  applyScheduleRule,
  applyTableRules,
} from './entities-sports.js';
import { loadNer, type NerResources, type NerType, tagText } from './ner.js';
import type { Enricher } from './types.js';

const TYPES: Record<NerType, EntityType> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
  MISC: 'other',
};

export interface EntityOptions {
  /** keep MISC names (events, nationalities, works) as type `other` */
  other?: boolean;
}

/** Finds the entities of one article. Never throws on odd text; offsets always slice to `text`. */
export function extractEntities(
  text: string,
  res: NerResources = loadNer(),
  opts: EntityOptions = {},
): Entity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const { tokens, sentences, mentions } = tagText(text, res);
  const categories = (name: string) => res.gazetteer.lookup(name)?.categories;
  let sports = applyTableRules(tokens, sentences, applyDatelineRule(tokens, sentences, mentions), categories);
  sports = applyNationalityRule(tokens, applyFixtureRules(tokens, sports, categories), categories);
  sports = applyScheduleRule(tokens, sentences, sports, categories);
  let named = dropCalendarNames(tokens, applyOrgRules(tokens, sentences, sports));
  named = trimPersonTitles(tokens, extendPersonNames(tokens, sentences, named), categories);
  const resolved = resolveDocument(tokens, named);
  const out: Entity[] = [];
  for (const m of resolved) {
    if (m.type === 'MISC' && opts.other === false) continue;
    // "Russian", "Ukrainians": a nationality is not a place; the tagger was trained without MISC.
    const single = m.last - m.first === 1;
    const known = single ? res.gazetteer.lookup(m.canonical) : undefined;
    const cats = known?.categories;
    const demonym = /D/.test(cats ?? '') && !/[CKYyR]/.test(cats ?? '');
    const type = demonym ? 'other' : TYPES[m.type];
    const entity: Entity = { text: text.slice(m.start, m.end), type, start: m.start, end: m.end };
    entity.canonical = m.canonical;
    if (type === 'place')
      entity.country = (single ? known : res.gazetteer.lookup(m.canonical))?.country || null;
    out.push(entity);
  }
  return out;
}

export const entityEnricher: Enricher = {
  name: 'entities',
  enrich(input, result) {
    result.entities = extractEntities(input.text ?? '');
  },
};
