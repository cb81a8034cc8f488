// Choose the main content: the best-scored candidate, widened to an ancestor when the text is
// spread over several siblings, plus sibling blocks that score close to it; then a post-pass over
// its blocks drops link lists, boilerplate lines and the short lines that trail an article.
import type { Document, Element } from 'domhandler';
import { contentChars, type Marks, PROSE_INLINE } from './clean.js';
import { classId, findAll, isElement } from './dom.js';
import { type Scored, scoreDocument, textOf } from './score.js';
import { type Block, renderBlocks } from './text.js';

export interface BodyResult {
  root: Element | null;
  /** the top candidate and the siblings joined to it, in page order */
  parts: Element[];
  blocks: Block[];
  /** marked boilerplate inside the parts that the text left out (the HTML leaves it out too) */
  skip: (el: Element) => boolean;
}

function linkDensity(scored: Scored, el: Element): number {
  const s = scored.stats.get(el);
  return s?.text ? s.link / s.text : 0;
}

const WIDEN_RATIO = 1.5;

function countArticles(el: Element): number {
  return findAll(el, (e) => e.name === 'article').length;
}

function pickTop(scored: Scored): Element | null {
  let top: Element | null = null;
  let best = Number.NEGATIVE_INFINITY;
  for (const [el, score] of scored.scores) {
    if (score > best) {
      best = score;
      top = el;
    }
  }
  if (!top) return null;
  // Readability's widening: when the parent holds clearly more paragraph text with a score not
  // far below, the article is split across siblings (e.g. one <div> per paragraph group).
  let node = top;
  let probe = top;
  for (let i = 0; i < 5; i++) {
    const parent = probe.parent;
    if (!parent || !isElement(parent) || parent.name === 'body' || parent.name === 'html') break;
    const pStats = scored.stats.get(parent);
    const nStats = scored.stats.get(node);
    if (!pStats || !nStats) break;
    // a wrapper that adds no prose: look further up without moving the candidate
    if (pStats.para <= nStats.para * 1.05) {
      probe = parent;
      continue;
    }
    // a parent holding several <article>s is a list of teasers, not a bigger article
    if (countArticles(parent) > countArticles(node) + 1) break;
    const ps = scored.scores.get(parent) ?? 0;
    const ld = linkDensity(scored, parent);
    if (ps >= best * 0.66 && pStats.para > nStats.para * 1.25 && ld < 0.3) node = parent;
    // the article is chunked (one wrapper per few paragraphs): the parent has far more prose
    else if (pStats.para >= nStats.para * WIDEN_RATIO && ld < 0.2) node = parent;
    else break;
    probe = node;
  }
  return node;
}

function isLeafProse(el: Element): boolean {
  if (el.name !== 'div' && el.name !== 'section') return false;
  for (const c of el.children) if (isElement(c) && !PROSE_INLINE.has(c.name)) return false;
  return /[.!?…"”»。]\s*$/.test(textOf(el));
}

function siblingsToJoin(scored: Scored, top: Element): Element[] {
  const parent = top.parent;
  if (!parent || !isElement(parent)) return [top];
  const topScore = scored.scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const out: Element[] = [];
  let before = true;
  for (const sib of parent.children) {
    if (!isElement(sib)) continue;
    if (sib === top) {
      out.push(sib);
      before = false;
      continue;
    }
    const score = scored.scores.get(sib) ?? 0;
    const st = scored.stats.get(sib);
    if (!st) continue;
    const ld = st.text ? st.link / st.text : 0;
    if (score >= threshold && ld < 0.3) out.push(sib);
    // a lone paragraph beside the article (a <p>, or a lead in a leaf <div> before it)
    else if (st.text > 80 && ld < 0.25 && (sib.name === 'p' || (before && isLeafProse(sib)))) out.push(sib);
  }
  return out;
}

const BOILERPLATE_LINE =
  /^(advertisement|advertisements|sponsored|read more|read next|related|related articles?|more on this|see also|share( this)?|share on \w+|follow us|sign up|subscribe|click here|continue reading|watch|listen|photo|image|video|getty images|ap photo|reuters|loading|comments?|\d+ comments?|tweet|email|print|copy link|copyright .*|© .*|all rights reserved.*|adverts?|tags|sharing is caring|\d+\s*shares?|tell us what you think|add (a )?(comment|review)|leave a (comment|reply)|back to top|top stories|more stories|you may also like|recommended|trending( now)?)[:.!\s]*$/i;

const CALL_TO_ACTION =
  /\b(sign up|subscribe|newsletter|follow us|download (the|our) app|all rights reserved|click here to|get the latest|share this (article|story)|read more:|related:|you might also like|recommended for you|our privacy policy|terms of (use|service)|this article (was|has been) (amended|updated)|unlimited access|affiliate links?|contains affiliate|commission (on|from) purchases)\b/i;

const RELATED_HEADING =
  /^(related|related (stories|articles|posts|content|coverage|news|reading)|more (from|on|in|about) .{1,40}|more stories|you (may|might) also (like|enjoy)|see also|recommended( for you| reading)?|most (read|popular|viewed)|trending( now)?|latest (news|stories)|what to read next)\s*[:.!…]?$/i;
const FOLLOW =
  /\bfollow (him|her|them|us|me)\b.{0,40}\b(twitter|facebook|instagram|linkedin)\b|\bjoin (our|the) .{0,30}(forums?|community|discussion)\b/i;
const PHOTO_CREDIT =
  /^(\(?(photo|image|picture|video)( credit)?:?\s.*|.*\b(getty images|ap photo|afp|reuters|shutterstock|epa|bloomberg|associated press|istock)\)?)$/i;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

const YEAR = /\b(19|20)\d\d\b/;

/** a headline repeated in the body, give or take a kicker ("BREAKING NEWS:") or a site suffix */
function sameAsTitle(text: string, title: string | null): boolean {
  if (!title || text.length > title.length * 1.3 + 15) return false;
  const words = new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const titleWords = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (titleWords.length < 3) return false;
  return titleWords.filter((w) => words.has(w)).length >= titleWords.length * 0.8;
}

const LEADING_META = /^(by|von|par|por|door|di|av|published|updated|posted|last updated|modified)\b/i;
const DATE_LINE =
  /^[\p{L}\s.,]*\b(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|(\d{1,2}\.?\s+)?\p{L}{3,}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+\p{L}{3,}\.?\s+\d{4})\b[\s\d:.,apmAPMUTCGMTEST|-]*$/u;

/** words, counting two CJK characters as one word (those scripts put no spaces between words) */
export function wordCount(s: string): number {
  const cjk = s.match(CJK)?.length ?? 0;
  return s.split(/\s+/).filter(Boolean).length + Math.floor(cjk / 2);
}

/** Post-pass: keep paragraphs, drop link-dense blocks and boilerplate lines. */
export function cleanBlocks(blocks: Block[], title: string | null): Block[] {
  const normTitle = title
    ? title
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
    : '';
  const kept = blocks.filter((b) => {
    const len = b.text.length;
    const ld = b.linkChars / Math.max(1, len);
    if (ld > 0.5 && (len < 400 || ld > 0.8)) return false;
    if (len < 120 && BOILERPLATE_LINE.test(b.text)) return false;
    if (len < 100 && PHOTO_CREDIT.test(b.text)) return false;
    if (len < 200 && CALL_TO_ACTION.test(b.text)) return false;
    if (
      normTitle &&
      b.text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim() === normTitle
    )
      return false;
    return true;
  });
  // Leading dates and bylines before the first paragraph ("Published March 3, 2024", "By …").
  let start = 0;
  while (start < kept.length && start < 4) {
    const b = kept[start];
    if (wordCount(b.text) > 8) break;
    if (
      b.tag === 'time' ||
      LEADING_META.test(b.text) ||
      DATE_LINE.test(b.text) ||
      (YEAR.test(b.text) && !/[.!?]$/.test(b.text)) ||
      sameAsTitle(b.text, title)
    )
      start++;
    else break;
  }
  kept.splice(0, start);
  // A "Related stories" style heading in the last part of the text starts a teaser list.
  const totalChars = kept.reduce((n, b) => n + b.text.length, 0);
  let seen = 0;
  for (let i = 0; i < kept.length; i++) {
    if (seen > totalChars * 0.6 && kept[i].text.length < 60 && RELATED_HEADING.test(kept[i].text)) {
      kept.length = i;
      break;
    }
    seen += kept[i].text.length;
  }
  // Author blurbs and calls to action that close an article ("Follow her on Twitter…").
  while (kept.length > 1) {
    const last = kept[kept.length - 1].text;
    if (last.length < 400 && (CALL_TO_ACTION.test(last) || FOLLOW.test(last))) kept.pop();
    else break;
  }
  // Trailing short lines (bylines, tags, "Photo: …", dates) after the last real paragraph.
  let end = kept.length;
  while (end > 0) {
    const b = kept[end - 1];
    const words = wordCount(b.text);
    const sentence = /[.!?…"”'’)»:。！？」]$/.test(b.text);
    if (words >= 10 || (sentence && words >= 5 && !/^[A-Z][a-z]+ [A-Z]/.test(b.text))) break;
    // an unlinked list closing the article (results, steps, facts) is content
    if (b.tag === 'li' && b.linkChars === 0 && end >= 2 && kept[end - 2].tag === 'li') break;
    end--;
  }
  return kept.slice(0, end);
}

const DISCUSSION = /comment|disqus|\brespon(d|ses)\b|discussion|related|recommend|more-from|newsletter/;

/** comments and related-story lists are long prose too: never a fallback article */
function inDiscussion(el: Element): boolean {
  for (
    let p: Element | null = el;
    p && p.name !== 'body';
    p = isElement(p.parent as Element) ? (p.parent as Element) : null
  )
    if (DISCUSSION.test(classId(p))) return true;
  return false;
}

function skipper(parts: Element[], marked: Marks): (el: Element) => boolean {
  let total = 0;
  for (const part of parts) total += contentChars(part);
  // a marked element that holds much of the candidate's text is part of the article after all
  const keep = new Map<Element, boolean>();
  const skip = (el: Element) => {
    const reason = marked.get(el);
    if (!reason) return false;
    if (reason === 'tag' || reason === 'role') return true;
    let k = keep.get(el);
    if (k === undefined) {
      k = !DISCUSSION.test(classId(el)) && contentChars(el) >= total * 0.5;
      keep.set(el, k);
    }
    return !k;
  };
  return skip;
}

function candidate(doc: Document, marked: Marks, ignore: ReadonlyMap<Element, unknown>): BodyResult {
  const scored = scoreDocument(doc, ignore);
  const top = pickTop(scored);
  if (!top) return { root: null, parts: [], blocks: [], skip: () => false };
  const parts = siblingsToJoin(scored, top);
  const skip = skipper(parts, marked);
  const blocks: Block[] = [];
  for (const part of parts) blocks.push(...renderBlocks(part, skip));
  return { root: top, parts, blocks, skip };
}

function weight(blocks: Block[]): { words: number; linkShare: number } {
  let words = 0;
  let chars = 0;
  let links = 0;
  for (const b of blocks) {
    words += wordCount(b.text);
    chars += b.text.length;
    links += b.linkChars;
  }
  return { words, linkShare: chars ? links / chars : 0 };
}

/**
 * The main candidate is scored with boilerplate-marked elements left out; the fallback scores the
 * whole page. The fallback wins when it finds clearly more text that is not a link list: the marks
 * then hid the article (a site naming its body "story-sidebar-layout", say).
 */
export function chooseBody(doc: Document, marked: Marks, title: string | null): BodyResult {
  const main = candidate(doc, marked, marked);
  const fallback = candidate(doc, marked, new Map());
  if (fallback.root === main.root || !fallback.root || inDiscussion(fallback.root)) return main;
  const a = weight(cleanBlocks(main.blocks, title));
  const b = weight(cleanBlocks(fallback.blocks, title));
  if (b.words > a.words * 1.5 + 25 && b.linkShare < 0.25) return fallback;
  return main;
}
