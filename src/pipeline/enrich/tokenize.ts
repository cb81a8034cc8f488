/**
 * Word tokenizer for the entity tagger. Tokens are PTB-like (the training data splits "Japan 's" and
 * "do n't") and carry UTF-16 offsets into the input, so every span maps back exactly.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

export interface Tokenized {
  tokens: Token[];
  /** [first token, end token) of each sentence */
  sentences: Array<[number, number]>;
}

/** A sentence longer than this is cut: the tagger only looks two words around, so nothing is lost. */
const MAX_SENTENCE = 120;

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr st jr sr inc corp ltd co gen sen rep gov lt col sgt capt cmdr adm prof rev hon vs ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no mt ft est dept univ ave blvd'
  ).split(' '),
);

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const URL_RE = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/y;
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
const APOSTROPHE = /['’]/;
const CLITIC_RE = /^(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m))$/iu;
const BARE_CLITIC = /['’](?:[sSdDmM]|re|ve|ll)(?![\p{L}\p{N}])/uy;
const ACRONYM_RE = /^(?:\p{L}\.)+\p{L}$/u;
/** One character each (the sentence split tests the length first). */
const SENT_END = new Set(['.', '!', '?', '…', '。', '！', '？', '؟']);
const OPENERS = new Set(['"', '“', "'", '‘', '(', '[', '«']);

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0x2e80 && CJK_CHAR.test(text[i])) return false; // CJK: one character a token
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
  return WORD_CHAR.test(text[i]);
}
const isDigit = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const isUpper = (ch: string) => ch !== ch.toLowerCase();

/** - ' ’ & . · : marks that stay inside a word when a letter or digit follows them. */
const isInnerMark = (c: number) => c === 45 || c === 39 || c === 0x2019 || c === 38 || c === 46 || c === 0xb7;

/** Length of the word starting at `pos` (letters, marks, digits, inner ' - & . · and digit separators). */
function wordEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isWordChar(text, i)) {
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      continue;
    }
    if (i > pos && i + 1 < text.length && isWordChar(text, i + 1)) {
      if (isInnerMark(c)) {
        i++;
        continue;
      }
      if ((c === 44 || c === 58 || c === 47) && isDigit(text, i - 1) && isDigit(text, i + 1)) {
        i++; // , : / between digits
        continue;
      }
    }
    break;
  }
  return i;
}

/** The token starting at `pos` (not whitespace); never empty. */
function nextToken(text: string, pos: number): string {
  const c = text.charCodeAt(pos);
  if ((c === 104 || c === 72) && text.startsWith('http', pos)) {
    URL_RE.lastIndex = pos;
    const m = URL_RE.exec(text);
    if (m) return m[0];
  }
  if ((c === 64 || c === 35) && pos + 1 < text.length && isWordChar(text, pos + 1)) {
    return text[pos] + text.slice(pos + 1, wordEnd(text, pos + 1)).replace(/[-'’&.·].*$/s, '');
  }
  if (c === 39 || c === 0x2019) {
    BARE_CLITIC.lastIndex = pos;
    const m = BARE_CLITIC.exec(text);
    if (m) return m[0];
  }
  if (isWordChar(text, pos)) {
    const end = wordEnd(text, pos);
    const next = text.charCodeAt(end);
    if (next === 64) {
      EMAIL_RE.lastIndex = pos;
      const m = EMAIL_RE.exec(text);
      if (m) return m[0];
    }
    let word = text.slice(pos, end);
    if (word.charCodeAt(word.length - 1) === 46) word = word.slice(0, -1); // "end.", never inside a word
    if (next === 46 && word.length === 1 && isUpper(word) && /^\s+\p{Lu}/u.test(text.slice(end + 1, end + 4)))
      return `${word}.`; // an initial: "S. Campbell"
    if (next === 46 && (ACRONYM_RE.test(word) || ABBREVIATIONS.has(word.toLowerCase()))) return `${word}.`;
    return word;
  }
  return c >= 0xd800 && c <= 0xdbff && pos + 1 < text.length ? text.slice(pos, pos + 2) : text[pos];
}

function push(tokens: Token[], text: string, start: number): void {
  tokens.push({ text, start, end: start + text.length });
}

/** Splits `text` into tokens; never throws, and any input gives valid offsets. */
export function tokenize(text: string): Tokenized {
  const tokens: Token[] = [];
  const newlineBefore: boolean[] = [];
  let pos = 0;
  let sawNewline = false;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c > 0x1000 && /\s/.test(text[pos]))) {
      if (c === 10 || c === 13) sawNewline = true;
      pos++;
      continue;
    }
    const word = nextToken(text, pos);
    const before = tokens.length;
    const clitic = word.length > 2 && APOSTROPHE.test(word) ? CLITIC_RE.exec(word) : null;
    if (clitic && /\p{L}/u.test(clitic[1]) && !/['’]/u.test(clitic[1].slice(-1))) {
      push(tokens, clitic[1], pos);
      push(tokens, clitic[2], pos + clitic[1].length);
    } else push(tokens, word, pos);
    for (let i = before; i < tokens.length; i++) newlineBefore.push(i === before && sawNewline);
    sawNewline = false;
    pos += word.length;
  }
  return { tokens, sentences: splitSentences(tokens, newlineBefore) };
}

function splitSentences(tokens: Token[], newlineBefore: boolean[]): Array<[number, number]> {
  const sentences: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    let cut = i === tokens.length || newlineBefore[i] || i - start >= MAX_SENTENCE;
    const last = tokens[i - 1].text;
    if (!cut && last.length === 1 && SENT_END.has(last)) {
      const next = tokens[i].text;
      cut = OPENERS.has(next) || !/^\p{Ll}/u.test(next);
    }
    if (cut) {
      if (i > start) sentences.push([start, i]);
      start = i;
    }
  }
  return sentences;
}
