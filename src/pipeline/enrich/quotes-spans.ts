// Finds quoted passages: “curly”, "straight", ‘single’, 'single', « guillemets », „German“.
// One linear scan per paragraph; a quote left open at a paragraph's end closes there (news style
// reopens a long quote in each paragraph without closing the previous one).

export interface QuoteSpan {
  /** the quoted words, without the marks */
  start: number;
  end: number;
  /** offsets of the marks themselves (open at start-1 .. close at end), end = paragraph end when unclosed */
  openAt: number;
  closeAt: number;
  closed: boolean;
}

const PAIRS: Record<string, string> = {
  '“': '”',
  '«': '»',
  '„': '“',
  '‹': '›',
  '‘': '’',
  '"': '"',
  "'": "'",
};

/** The characters the scan acts on (the marks and the line break): it jumps from one to the next. */
const MARKS = `[\n${[...new Set([...Object.keys(PAIRS), ...Object.values(PAIRS)])].join('')}]`;
/** A mark open this long (in characters) is a runaway: given up rather than swallow the article. */
const RUNAWAY = 3000;

function isWordChar(c: string | undefined): boolean {
  return !!c && /[\p{L}\p{N}]/u.test(c);
}

/** An opening mark must start a word: 'don't' and the ’ of "Clinton’s" are apostrophes. */
function canOpen(text: string, i: number): boolean {
  const c = text[i];
  const before = text[i - 1];
  const after = text[i + 1];
  if (!after) return false;
  // French sets guillemets off with spaces: « C'est fini »
  if (c === '«' || c === '‹') return true;
  if (/\s/.test(after)) return false;
  if (c === '“' || c === '„') return true;
  return !isWordChar(before);
}

function canClose(text: string, i: number, open: string): boolean {
  const c = text[i];
  if (c !== PAIRS[open] && !(open === '“' && c === '"') && !(open === '"' && c === '”')) {
    // straight and curly double marks are mixed by careless editing; accept either closer
    return false;
  }
  if (open === '‘' || open === "'") {
    // a closing single mark is not followed by a letter (that is an apostrophe: ‘I’d’)
    return !isWordChar(text[i + 1]);
  }
  return true;
}

export function findQuoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const n = text.length;
  let open: string | null = null;
  let openAt = -1;
  const push = (closeAt: number, closed: boolean) => {
    let s = openAt + 1;
    let e = closeAt;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /[\s,]/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, openAt, closeAt, closed });
  };
  const marks = new RegExp(MARKS, 'g');
  let i = -1;
  for (;;) {
    const mark = marks.exec(text);
    const next = mark ? mark.index : n;
    // the characters since the last mark are none: a mark left open past RUNAWAY of them is dropped
    if (open && next - 1 > i && next - 1 - openAt > RUNAWAY) open = null;
    if (!mark) break;
    i = next;
    const c = text[i];
    if (c === '\n') {
      if (open && (open === '“' || open === '"' || open === '«' || open === '„')) push(i, false);
      open = null;
      continue;
    }
    if (open) {
      if (canClose(text, i, open)) {
        push(i, true);
        open = null;
      } else if (c === open && (c === '“' || c === '«' || c === '„')) {
        openAt = i; // a second opening mark: the first one was never closed
      } else if (i - openAt > RUNAWAY) {
        open = null;
      }
      continue;
    }
    if (c in PAIRS && canOpen(text, i)) {
      open = c;
      openAt = i;
    }
  }
  if (open && (open === '“' || open === '"' || open === '«' || open === '„')) push(n, false);
  return out;
}
