// Sentence splitter with UTF-16 offsets, shared by the enrichers. A single linear scan (no
// backtracking regexes), so a huge paragraph or a text without sentence ends cannot stall it.

export interface Sentence {
  start: number;
  end: number;
  /** index of the paragraph (block between line breaks) the sentence sits in */
  paragraph: number;
}

/** Words whose trailing period does not end a sentence (lower case, without the period). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms messrs mme mlle dr prof gen sen rep gov lt col sgt capt cmdr adm maj cpl pvt st ste ft mt jr sr ' +
    'rev hon pres supt insp det fr sec amb atty dept univ assn bros ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'no nos vol fig figs approx est ca cf vs al op pp ed eds ch art ' +
    'e.g i.e a.k.a u.s u.k u.n e.u u.s.a d.c p.o'
  ).split(' '),
);

/** Sentence-final marks that need no following space (CJK) or may be followed by one. */
const CLOSE_NO_SPACE = new Set(['。', '！', '？', '｡']);
const TERMINATORS = new Set(['.', '!', '?', '…', '؟', '۔', '।', '॥', ...CLOSE_NO_SPACE]);
/** The characters the split acts on (line breaks and terminators): it jumps from one to the next. */
const STOPS = `[\n${[...TERMINATORS].join('')}]`;
/** Closing quotes and brackets that belong to the sentence they follow. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '」', '』', '）']);

const MAX_SENTENCE = 1200;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u2009' || c === '\u202f' || c === '\u3000';
}

function isLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/** The word (letters and inner dots) just before position `i` (the period). */
function wordBefore(text: string, i: number): string {
  let k = i;
  while (k > 0 && k > i - 20) {
    const c = text[k - 1];
    if (isSpace(c) || c === '\n' || c === '(' || c === '"' || c === '“' || c === '‘') break;
    k--;
  }
  return text.slice(k, i);
}

function endsAbbreviation(text: string, dot: number): boolean {
  const word = wordBefore(text, dot);
  if (!word) return false;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  // an initial ("J. K. Rowling") or a dotted initialism ("U.S.", "a.m.")
  if (/^\p{Lu}$/u.test(word)) return true;
  return /^(?:\p{L}\.){1,4}\p{L}$/u.test(word) && word.length <= 9;
}

// Several enrichers split the same text in a row: keep the last answer (callers must not mutate it).
let lastText: string | null = null;
let lastSentences: readonly Sentence[] = [];

/** Splits `text` into sentences; spans are trimmed, never empty, in order and non-overlapping. */
export function splitSentences(text: string): readonly Sentence[] {
  if (text === lastText) return lastSentences;
  const out = Object.freeze(split(text));
  lastText = text;
  lastSentences = out;
  return out;
}

function split(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && (isSpace(text[s]) || text[s] === '\r' || text[s] === '\n')) s++;
    while (e > s && (isSpace(text[e - 1]) || text[e - 1] === '\r' || text[e - 1] === '\n')) e--;
    if (e <= s) return;
    // bound the length of a run without sentence ends: cut at the last space before the limit
    while (e - s > MAX_SENTENCE) {
      let cut = s + MAX_SENTENCE;
      const floor = s + (MAX_SENTENCE >> 1);
      while (cut > floor && !isSpace(text[cut])) cut--;
      if (cut === floor) cut = s + MAX_SENTENCE;
      // never cut inside a surrogate pair
      if (cut < text.length && /[\udc00-\udfff]/.test(text[cut])) cut--;
      out.push({ start: s, end: cut, paragraph });
      s = cut;
      while (s < e && isSpace(text[s])) s++;
    }
    if (e > s) out.push({ start: s, end: e, paragraph });
  };
  const n = text.length;
  const stops = new RegExp(STOPS, 'g');
  // each case ends by setting where the search for the next stop resumes
  for (let stop = stops.exec(text); stop; stop = stops.exec(text)) {
    const i = stop.index;
    const c = text[i];
    if (c === '\n') {
      push(start, i);
      let j = i;
      while (j < n && (text[j] === '\n' || text[j] === '\r' || isSpace(text[j]))) j++;
      if (out.length && out[out.length - 1].paragraph === paragraph) paragraph++;
      start = j;
      stops.lastIndex = j;
      continue;
    }
    let j = i + 1;
    while (j < n && (TERMINATORS.has(text[j]) || CLOSERS.has(text[j]))) j++;
    stops.lastIndex = j;
    if (CLOSE_NO_SPACE.has(c)) {
      push(start, j);
      start = j;
      continue;
    }
    // "3.5", "example.com", "Yahoo!'s": no boundary
    if (j < n && !isSpace(text[j]) && text[j] !== '\n' && text[j] !== '\r') continue;
    let k = j;
    while (k < n && isSpace(text[k])) k++;
    // the line break or the end closes it
    if (k >= n || text[k] === '\n' || text[k] === '\r') continue;
    // '"Why?" he asked' and 'Smith et al. found': a lower-case next word continues the sentence
    if (isLower(text[k])) continue;
    if (c === '.' && j === i + 1 && endsAbbreviation(text, i)) continue;
    push(start, j);
    start = k;
    stops.lastIndex = k;
  }
  push(start, n);
  return out;
}

/** The sentence containing offset `pos`, by binary search over `sentences`. */
export function sentenceAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= pos) lo = mid + 1;
    else if (sentences[mid].start > pos) hi = mid - 1;
    else return mid;
  }
  return Math.min(lo, sentences.length - 1);
}
