// The subject of a sentence that carries a quote without a speech verb next to it
// ("Cruz says he is “tied”", "Smith thanked him for “…”"). Token loops over a short window.
import {
  BREAKS,
  DETERMINERS,
  isCap,
  isWord,
  type Mention,
  PRONOUNS,
  span,
  TITLE,
  tokens,
  VERB,
} from './quotes-speakers.js';

const LEADING =
  /^(?:But|And|So|Yet|Still|Now|Then|However|Meanwhile|Instead|Also|Later|Earlier|Indeed|Asked|Speaking|On|In|At|As|After|Before|When|While|During|If|Although|Though|Despite|Since|Because|With|Without|For|From|Under|Over|Hours|Minutes|Days|Last|This|Yesterday|Today|Amid|Amidst|Among|Following|Unlike|Like|Across|Throughout|Inside|Outside|Beyond|Within|Given|Thanks|Upon|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\p{Lu}\p{Ll}+(?:ing|ed))$/u;

/**
 * Words written with a capital inside sentences ("said Trump"), i.e. proper nouns of this text, read
 * on first use: a scan of the whole text that most articles never need.
 */
export function lazyProperNouns(text: string): () => Set<string> {
  let out: Set<string> | null = null;
  return () => {
    if (out) return out;
    out = new Set<string>();
    const re = /[\p{Ll},] (\p{Lu}[\p{L}’'-]*)/gu;
    for (let m = re.exec(text); m; m = re.exec(text)) out.add(m[1]);
    return out;
  };
}

/** The grammatical subject at the start of a sentence (before `to`): "Cruz", "The ad", "Republican pollster Daron Shaw". */
export function sentenceSubject(
  text: string,
  from: number,
  to: number,
  proper: () => Set<string>,
): Mention | null {
  let toks = tokens(text, from, Math.min(to, from + 300));
  // a dateline ("WASHINGTON —", "NEW YORK (AP) —")
  const dash = toks.findIndex((t) => /^[—–(]$/.test(t.w));
  if (dash > 0 && dash < 4 && toks.slice(0, dash).every((t) => t.w === t.w.toUpperCase())) {
    toks = toks.slice(dash + 1);
    while (toks.length && !isWord(toks[0].w)) toks = toks.slice(1);
  }
  // a leading adverbial clause ("On the subject of Israel, Trump added") or discourse word
  for (let round = 0; round < 2 && toks.length; round++) {
    const w = toks[0].w;
    if (LEADING.test(w)) {
      const comma = toks.findIndex((t) => t.w === ',');
      if (comma > 0 && comma < 16) toks = toks.slice(comma + 1);
      else if (/^(?:But|And|So|Yet|Now|Still|Then|Also)$/.test(w)) toks = toks.slice(1);
      else return null;
    } else if (
      isCap(w) &&
      !proper().has(w) &&
      // a word also written in lower case in this text is a common word, not a name ("Morris says")
      (text.includes(` ${w.toLowerCase()} `) ||
        /^(?:Maybe|Perhaps|Here|There|Nothing|Everyone|Yes|No|Wait)$/.test(w)) &&
      !DETERMINERS.has(w.toLowerCase()) &&
      !PRONOUNS.has(w.toLowerCase()) &&
      toks[1] &&
      !isCap(toks[1].w)
    ) {
      toks = toks.slice(1); // "Maybe he figures", "Here they are": not a name
    } else break;
    while (toks.length && !isWord(toks[0].w)) toks = toks.slice(1);
  }
  const first = toks[0];
  if (!first) return null;
  const lower = first.w.toLowerCase();
  if (PRONOUNS.has(lower)) return lower === 'who' || lower === 'it' ? null : span(text, first, first);
  let j = 0;
  if (isCap(first.w) && !DETERMINERS.has(lower)) {
    for (;;) {
      while (
        j + 1 < toks.length &&
        isWord(toks[j + 1].w) &&
        (isCap(toks[j + 1].w) || TITLE.test(toks[j + 1].w))
      )
        j++;
      // "Republican pollster Daron Shaw": a few lower-case words between two capitalised runs
      let k = j + 1;
      while (
        k < toks.length &&
        k - j <= 3 &&
        isWord(toks[k].w) &&
        !isCap(toks[k].w) &&
        !BREAKS.has(toks[k].w) &&
        !/ed$/.test(toks[k].w) &&
        !VERB.test(toks[k].w)
      )
        k++;
      if (k > j + 1 && k < toks.length && isCap(toks[k].w) && isWord(toks[k].w)) j = k;
      else break;
    }
    return span(text, first, toks[j]);
  }
  if (!DETERMINERS.has(lower) || lower === 'that' || lower === 'this') return null;
  while (j + 1 < toks.length && j < 5 && isWord(toks[j + 1].w)) {
    const w = toks[j + 1].w;
    const wl = w.toLowerCase();
    if (
      BREAKS.has(wl) ||
      DETERMINERS.has(wl) ||
      /^(?:these|those)$/.test(wl) ||
      VERB.test(w) ||
      (/(?:ed|s)$/.test(w) && j > 0 && !isCap(w))
    )
      break;
    j++;
  }
  return j > 0 ? span(text, first, toks[j]) : null;
}
