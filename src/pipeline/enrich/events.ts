// Events: dated statements for a timeline. chrono-node finds the date expressions; relative ones
// ("Thursday", "last year", "three days ago") resolve against the article's publication date.
// Without a valid publication date only dates that name their year are kept, so the output never
// depends on the day the enricher runs.
import * as chrono from 'chrono-node';
import type { DatedEvent } from '../../domain/types.js';
import { splitSentences } from './sentences.js';
import type { Enricher } from './types.js';

/**
 * Cheap test for a sentence that may hold a date, so chrono runs on few sentences. Case matters:
 * month names are capitalised ("In November," "October's"), so "market" or "may" do not wake
 * chrono, nor does a masthead like "USA TODAY".
 */
const DATEISH = new RegExp(
  [
    '\\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\b',
    '\\b(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day\\b',
    '\\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|ago|[Ll]ast (?:week|month|year|night)|[Nn]ext (?:week|month|year)|[Tt]his (?:week|month|year|morning|afternoon|evening))\\b',
    '\\b(?:1[89]\\d\\d|20\\d\\d)\\b',
  ].join('|'),
);
/** A year after a preposition ("in 2019"), which chrono leaves alone. */
const BARE_YEAR =
  /\b(?:in|since|by|until|from|during|before|after|of|early|late|mid-)\s?((?:1[89]|20)\d\d)\b(?![-/]\d)/;
const MAX_SENTENCES = 400;
const MAX_SENTENCE_CHARS = 600;

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(c: chrono.ParsedComponents, explicitOnly: boolean): string | null {
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  if (!y || !m || !d) return null;
  if (explicitOnly && !c.isCertain('year')) return null;
  // as precise as the text is: a day, a month or a year
  if (c.isCertain('day') || c.isCertain('weekday')) return `${y}-${pad(m)}-${pad(d)}`;
  if (c.isCertain('month')) return `${y}-${pad(m)}`;
  if (c.isCertain('year')) return String(y);
  return null;
}

function referenceOf(published: string | null | undefined): Date | null {
  if (!published) return null;
  const t = Date.parse(published);
  return Number.isFinite(t) ? new Date(t) : null;
}

const isWordChar = (text: string, i: number) => /\w/.test(text[i] ?? '');

/**
 * A cheap test that rules sentences out before DATEISH runs on each: DATEISH matches once over the
 * whole text, and a sentence can match on its own only where one of those matches touches it, or
 * where its edges sit inside a word (there \b reads differently in the sentence than in the text).
 */
function dateishFilter(text: string): (start: number, end: number) => boolean {
  const all = new RegExp(DATEISH.source, 'g');
  let match = all.exec(text);
  return (start, end) => {
    while (match && match.index + match[0].length <= start) match = all.exec(text);
    if (match && match.index < end) return true;
    return (start > 0 && isWordChar(text, start - 1)) || isWordChar(text, end);
  };
}

export function findEvents(text: string, published?: string | null): DatedEvent[] {
  const ref = referenceOf(published);
  const out: DatedEvent[] = [];
  const mayBeDateish = dateishFilter(text);
  let seen = 0;
  for (const s of splitSentences(text)) {
    if (++seen > MAX_SENTENCES) break;
    const end = Math.min(s.end, s.start + MAX_SENTENCE_CHARS);
    if (!mayBeDateish(s.start, end)) continue;
    const body = text.slice(s.start, end);
    if (!DATEISH.test(body)) continue;
    let date: string | null = null;
    const results = chrono.casual.parse(body, { instant: ref ?? new Date(0), timezone: 'UTC' });
    for (const r of results) {
      // "now", "10/12 people": not dates of events
      if (/^(?:now|right now|currently)$/i.test(r.text) || /^\d{1,2}[/.-]\d{1,2}$/.test(r.text)) continue;
      if (!ref && !/\b\d{4}\b/.test(r.text)) continue;
      date = isoOf(r.start, !ref);
      if (date) break;
    }
    if (!date) date = BARE_YEAR.exec(body)?.[1] ?? null;
    if (date) out.push({ date, text: text.slice(s.start, s.end), start: s.start, end: s.end });
  }
  return out;
}

export const eventEnricher: Enricher = {
  name: 'events',
  enrich(input, result) {
    result.events = findEvents(input.text, input.published);
  },
};
