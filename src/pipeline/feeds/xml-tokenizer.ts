// A small, fast, lenient XML tokenizer over a decoded string (no DOM, one pass, indexOf-driven).
// It recovers like a browser from what real feeds get wrong (bare "&", HTML entities, junk
// before the root, unquoted attributes, mismatched tags) and records each problem in `errors`
// so the caller can flag the document. Nesting depth is bounded; references and the DTD are
// xml-entities.ts's job.
import { LedeError } from '../../lib/errors.js';
import { EntityResolver } from './xml-entities.js';

export interface TokenHandler {
  /** attrs: flat [name, value, name, value…] with values decoded */
  open(name: string, attrs: string[], selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
  /** false when whitespace-only text at this point can be dropped (a speed-up, optional) */
  keepsWhitespace?(): boolean;
}

export interface TokenizerLimits {
  maxDepth: number;
  /** total characters produced by DTD entity expansion in one document */
  maxEntityExpansion: number;
}

export const DEFAULT_LIMITS: TokenizerLimits = { maxDepth: 256, maxEntityExpansion: 1_000_000 };

const MAX_ERRORS = 50;
/** shared by every tag without attributes (most of them); never written to */
const NO_ATTRS: string[] = Object.freeze([]) as unknown as string[];
const CONTROL_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c > 127;
}
function hasName(attrs: string[], name: string): boolean {
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return true;
  return false;
}
function allSpace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

export class XmlTokenizer {
  readonly errors: string[] = [];
  private readonly refs: EntityResolver;
  private stack: string[] = [];
  private rootSeen = false;
  private rootClosed = false;

  constructor(
    private readonly h: TokenHandler,
    private readonly limits: TokenizerLimits = DEFAULT_LIMITS,
  ) {
    this.refs = new EntityResolver(limits.maxEntityExpansion, (m) => this.error(m));
  }

  error(message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(message);
  }

  get depth(): number {
    return this.stack.length;
  }

  run(s: string): void {
    const len = s.length;
    let pos = 0;
    while (pos < len) {
      const lt = s.indexOf('<', pos);
      const end = lt < 0 ? len : lt;
      if (end > pos && !(this.h.keepsWhitespace?.() === false && allSpace(s, pos, end)))
        this.emitText(s.slice(pos, end));
      if (lt < 0) break;
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) pos = this.closeTag(s, lt);
      else if (c === 33 /* ! */) pos = this.bang(s, lt);
      else if (c === 63 /* ? */) {
        const e = s.indexOf('?>', lt + 2);
        pos = e < 0 ? len : e + 2;
      } else if (isNameStart(c)) pos = this.openTag(s, lt);
      else {
        this.error('"<" not starting a tag');
        this.emitText('<');
        pos = lt + 1;
      }
    }
    if (!this.rootSeen) throw new LedeError('feed_no_root', 'no XML root element');
    if (this.stack.length) {
      this.error(`unclosed element <${this.stack[this.stack.length - 1]}> at end of document`);
      while (this.stack.length) this.h.close(this.stack.pop() as string);
    }
  }

  private emitText(raw: string): void {
    if (this.stack.length === 0) {
      if (raw.trim()) this.error('text outside the root element');
      return;
    }
    if (CONTROL_CHARS.test(raw)) {
      this.error('control character in text');
      raw = raw.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g, '');
    }
    this.h.text(raw.indexOf('&') < 0 ? raw : this.refs.decode(raw));
  }

  private openTag(s: string, lt: number): number {
    const len = s.length;
    let i = lt + 1;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (isSpace(c) || c === 62 || c === 47) break;
      i++;
    }
    const name = s.slice(lt + 1, i);
    let attrs: string[] = NO_ATTRS;
    let selfClosing = false;
    for (;;) {
      while (i < len && isSpace(s.charCodeAt(i))) i++;
      if (i >= len) {
        this.error(`unterminated tag <${name}>`);
        break;
      }
      const c = s.charCodeAt(i);
      if (c === 62) {
        i++;
        break;
      }
      if (c === 47) {
        if (s.charCodeAt(i + 1) === 62) {
          selfClosing = true;
          i += 2;
          break;
        }
        i++;
        continue;
      }
      if (c === 60) {
        this.error(`unterminated tag <${name}>`);
        break;
      }
      const ns = i;
      while (i < len) {
        const d = s.charCodeAt(i);
        if (isSpace(d) || d === 61 || d === 62 || d === 47 || d === 60) break;
        i++;
      }
      const an = s.slice(ns, i);
      while (i < len && isSpace(s.charCodeAt(i))) i++;
      let value = '';
      if (s.charCodeAt(i) === 61) {
        i++;
        while (i < len && isSpace(s.charCodeAt(i))) i++;
        const q = s.charCodeAt(i);
        if (q === 34 || q === 39) {
          let e = s.indexOf(q === 34 ? '"' : "'", i + 1);
          if (e < 0) e = len;
          value = s.slice(i + 1, e);
          i = e + 1;
        } else {
          const vs = i;
          while (i < len && !isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== 62) i++;
          value = s.slice(vs, i);
          this.error(`unquoted attribute value in <${name}>`);
        }
        if (value.indexOf('<') >= 0) this.error(`"<" in attribute value in <${name}>`);
        if (value.indexOf('&') >= 0) value = this.refs.decode(value);
      } else this.error(`attribute without value in <${name}>`);
      if (!an) continue;
      if (attrs === NO_ATTRS) attrs = [an, value];
      else if (hasName(attrs, an)) this.error(`duplicate attribute ${an} in <${name}>`);
      else attrs.push(an, value);
    }
    if (this.stack.length === 0) {
      if (this.rootClosed) this.error('content after the root element');
      this.rootSeen = true;
    }
    if (this.stack.length >= this.limits.maxDepth) {
      throw new LedeError('feed_too_deep', `elements nest deeper than ${this.limits.maxDepth} levels`);
    }
    this.h.open(name, attrs, selfClosing);
    if (selfClosing) {
      this.h.close(name);
      if (this.stack.length === 0) this.rootClosed = true;
    } else this.stack.push(name);
    return i;
  }

  private closeTag(s: string, lt: number): number {
    const stack = this.stack;
    const top = stack[stack.length - 1];
    if (top !== undefined && s.charCodeAt(lt + 2 + top.length) === 62 && s.startsWith(top, lt + 2)) {
      // the usual case, </name> closing the open element, without slicing
      stack.pop();
      this.h.close(top);
      if (stack.length === 0) this.rootClosed = true;
      return lt + 3 + top.length;
    }
    const gt = s.indexOf('>', lt + 2);
    const next = s.indexOf('<', lt + 2);
    let end: number;
    if (gt < 0 || (next >= 0 && next < gt)) {
      this.error('unterminated end tag');
      end = next < 0 ? s.length : next;
    } else end = gt + 1;
    const name = s.slice(lt + 2, gt < 0 || end !== gt + 1 ? end : gt).trim();
    if (stack.length && stack[stack.length - 1] === name) {
      stack.pop();
      this.h.close(name);
    } else {
      const at = stack.lastIndexOf(name);
      if (at < 0) this.error(`end tag </${name}> without a start tag`);
      else {
        this.error(`element <${stack[stack.length - 1]}> closed by </${name}>`);
        while (stack.length > at) this.h.close(stack.pop() as string);
      }
    }
    if (stack.length === 0 && this.rootSeen) this.rootClosed = true;
    return end;
  }

  private bang(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      if (e < 0) {
        this.error('unterminated comment');
        return s.length;
      }
      return e + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      let e = s.indexOf(']]>', lt + 9);
      if (e < 0) {
        this.error('unterminated CDATA section');
        e = s.length;
      }
      if (this.stack.length === 0) this.error('CDATA outside the root element');
      else this.h.text(s.slice(lt + 9, e));
      return e + 3;
    }
    if (/^<!doctype/i.test(s.slice(lt, lt + 9))) return this.refs.doctype(s, lt + 9);
    this.error('unknown "<!" markup');
    const e = s.indexOf('>', lt);
    return e < 0 ? s.length : e + 1;
  }
}
