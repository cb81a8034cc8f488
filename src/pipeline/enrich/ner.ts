/**
 * Text -> raw entity mentions with the shipped perceptron model: tokenize, build features with
 * document evidence, tag each sentence, turn IOB2 tags into spans with UTF-16 offsets.
 */
import { existsSync } from 'node:fs';
import { isCapitalised } from './entities-rules.js';
import { Gazetteer } from './gazetteer.js';
import type { FeatureContext } from './ner-features.js';
import { NerModel } from './ner-model.js';
import { type Token, tokenize } from './tokenize.js';

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface Mention {
  start: number;
  end: number;
  type: NerType;
  /** token indices, end exclusive */
  first: number;
  last: number;
  /** weight of this mention's type in the article's vote per name; its length in words when unset */
  votes?: number;
}

export interface NerResources {
  model: NerModel;
  gazetteer: Gazetteer;
}

export interface Tagged {
  tokens: Token[];
  sentences: Array<[number, number]>;
  mentions: Mention[];
}

/** Documents are cut here: a runaway text must not stall the worker. */
export const MAX_TOKENS = 50_000;

const MODELS = new URL('./models/', import.meta.url);
let cached: NerResources | null = null;

export function modelPath(name: string): URL {
  return new URL(name, MODELS);
}

/** Loads (once) the shipped model and gazetteer. */
export function loadNer(): NerResources {
  if (cached) return cached;
  const modelUrl = modelPath('ner.json.gz');
  if (!existsSync(modelUrl)) throw new Error('ner model missing: run `npm run train:ner`');
  cached = {
    model: NerModel.fromFile(modelUrl),
    gazetteer: Gazetteer.fromFile(modelPath('gazetteer.json.gz')),
  };
  return cached;
}

/** Tags already tokenized text (used by the bench on pre-tokenized corpora and by tagText). */
export function tagTokens(
  tokens: Token[],
  sentences: Array<[number, number]>,
  res: NerResources = loadNer(),
): Mention[] {
  const ctx: FeatureContext = { gazetteer: res.gazetteer };
  const words = sentences.map(([a, b]) => tokens.slice(a, b).map((t) => t.text));
  const tagged = res.model.tagDocument(words, ctx);
  const mentions: Mention[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const [a] = sentences[s];
    const tags = tagged[s];
    let open: Mention | null = null;
    for (let i = 0; i <= tags.length; i++) {
      const tag = i < tags.length ? tags[i] : 'O';
      const inside = tag.startsWith('I-');
      // Greedy decoding can break a name: "Ty/B-ORG Detmer/I-PER", "Franco/B-PER Properzi/O Curti/I-PER".
      // An I- tag says the name goes on, so it takes the name's capitalised words before it.
      if (inside && !open) open = reopen(tokens, a, i, mentions, tag.slice(2) as NerType);
      else if (inside && open) open.type = tag.slice(2) as NerType;
      if (open && (tag === 'O' || tag.startsWith('B-'))) {
        mentions.push(open);
        open = null;
      }
      if (tag === 'O') continue;
      const tok = tokens[a + i];
      if (!open) {
        open = {
          start: tok.start,
          end: tok.end,
          type: tag.slice(2) as NerType,
          first: a + i,
          last: a + i + 1,
        };
      } else {
        open.end = tok.end;
        open.last = a + i + 1;
      }
    }
  }
  return mentions.flatMap((m) => trim(tokens, m));
}

/** Words of a name left outside it before an I- tag: at most this many, all capitalised. */
const MAX_GAP = 2;

/**
 * The mention an I- tag at sentence position i continues: the capitalised words just before it
 * (tagged O) and the mention they touch, or null when the word before is not part of a name.
 */
function reopen(tokens: Token[], a: number, i: number, mentions: Mention[], type: NerType): Mention | null {
  const prev = mentions[mentions.length - 1];
  const floor = prev && prev.first >= a ? prev.last : a;
  let first = a + i;
  while (first > floor && a + i - first < MAX_GAP && isNameWord(tokens[first - 1].text)) first--;
  if (prev && prev.last === first && prev.first >= a) {
    mentions.pop();
    return { ...prev, type };
  }
  if (first === a + i) return null;
  return { start: tokens[first].start, end: tokens[first].end, type, first, last: first + 1 };
}

function isNameWord(word: string): boolean {
  return isCapitalised(word) && HAS_LETTER.test(word);
}

const HAS_LETTER = /\p{L}/u;
/** Words that are no end of a name: no letter ("0", "9.4", "-") or all lower case ("east", "province"). */
const NOT_AN_END = /^(?:[^\p{L}]*|\p{Ll}+)$/u;
/** A lone lower-case letter splits two names: scorecards write "Blewett b Warne", "Murray c Healy". */
const LONE_LETTER = /^\p{Ll}$/u;

/**
 * A name neither starts nor ends with a number, a punctuation mark or a lower-case word
 * ("0 Queens Park", "Benjamin 9.4", "east Zaire", "Blida province"), nor runs over a lone letter.
 */
function trim(tokens: Token[], m: Mention): Mention[] {
  const out: Mention[] = [];
  let from = m.first;
  for (let i = m.first; i <= m.last; i++) {
    if (i < m.last && !LONE_LETTER.test(tokens[i].text)) continue;
    let first = from;
    let last = i;
    while (first < last && NOT_AN_END.test(tokens[first].text)) first++;
    while (last > first && NOT_AN_END.test(tokens[last - 1].text)) last--;
    if (first < last)
      out.push(first === m.first && last === m.last ? m : { ...m, ...ends(tokens, first, last) });
    from = i + 1;
  }
  return out;
}

function ends(tokens: Token[], first: number, last: number) {
  return { start: tokens[first].start, end: tokens[last - 1].end, first, last };
}

export function tagText(text: string, res: NerResources = loadNer()): Tagged {
  const { tokens, sentences } = tokenize(text);
  if (tokens.length > MAX_TOKENS) {
    tokens.length = MAX_TOKENS;
    const kept: Array<[number, number]> = [];
    for (const [a, b] of sentences) if (a < MAX_TOKENS) kept.push([a, Math.min(b, MAX_TOKENS)]);
    return { tokens, sentences: kept, mentions: tagTokens(tokens, kept, res) };
  }
  return { tokens, sentences, mentions: tagTokens(tokens, sentences, res) };
}
