// A small, fast, lenient XML tokenizer over a decoded string (no DOM, one pass, indexOf-driven).
// It recovers like a browser from what real feeds get wrong (bare "&", HTML entities, junk
// before the root, unquoted attributes, mismatched tags) and records each problem in `errors`
// so the caller can flag the document. Safety: external entities are never read, internal
// DTD entities expand within a total budget, and nesting depth is bounded.
import { LedeError } from '../../lib/errors.js';
import { HTML_ENTITIES } from './html-entities.js';

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

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const MAX_ERRORS = 50;
/** shared by every tag without attributes (most of them); never written to */
const NO_ATTRS: string[] = Object.freeze([]) as unknown as string[];
const CP1252_C1 = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'];
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
  private readonly entities = new Map<string, string | null>(); // null = external, never loaded
  private expanded = 0;
  private stack: string[] = [];
  private rootSeen = false;
  private rootClosed = false;

  constructor(
    private readonly h: TokenHandler,
    private readonly limits: TokenizerLimits = DEFAULT_LIMITS,
  ) {}

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
    this.h.text(raw.indexOf('&') < 0 ? raw : this.decode(raw, 0));
  }

  /** Resolves character and entity references; leniency for bare "&" and HTML entity names. */
  decode(raw: string, depth: number): string {
    let out = '';
    let pos = 0;
    for (;;) {
      const amp = raw.indexOf('&', pos);
      if (amp < 0) break;
      out += raw.slice(pos, amp);
      const semi = raw.indexOf(';', amp + 1);
      const ref = semi > amp && semi - amp <= 40 ? raw.slice(amp + 1, semi) : '';
      if (!ref || !/^(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z_:][\w.:-]*)$/.test(ref)) {
        // "&#x41" without ";" reads as the character, like HTML; anything else is a bare "&"
        const m = /^&#([xX][0-9a-fA-F]+|[0-9]+)/.exec(raw.slice(amp, amp + 12));
        if (m) {
          out += this.charRef(m[1][0] === 'x' || m[1][0] === 'X' ? `#${m[1]}` : `#${m[1]}`);
          pos = amp + m[0].length;
        } else {
          out += '&';
          pos = amp + 1;
        }
        this.error('bare "&" or unterminated reference');
        continue;
      }
      pos = semi + 1;
      if (ref[0] === '#') {
        out += this.charRef(ref);
        continue;
      }
      const xml = XML_ENTITIES[ref];
      if (xml !== undefined) {
        out += xml;
        continue;
      }
      out += this.namedEntity(ref, depth);
    }
    return out + raw.slice(pos);
  }

  private charRef(ref: string): string {
    const hex = ref[1] === 'x' || ref[1] === 'X';
    const cp = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) {
      this.error(`invalid character reference &${ref};`);
      return '\ufffd';
    }
    // references to C1 controls mean the windows-1252 characters in practice (&#146; = ’)
    if (cp >= 0x80 && cp <= 0x9f) return CP1252_C1[cp - 0x80] ?? String.fromCodePoint(cp);
    return String.fromCodePoint(cp);
  }

  private namedEntity(name: string, depth: number): string {
    if (this.entities.has(name)) {
      const value = this.entities.get(name);
      if (value === null || value === undefined) {
        this.error(`external entity &${name}; not loaded`);
        return '';
      }
      if (depth >= 16) throw new LedeError('feed_entity_limit', `entity &${name}; nests too deeply`);
      const text = value.indexOf('&') < 0 ? value : this.decode(value, depth + 1);
      this.expanded += text.length;
      if (this.expanded > this.limits.maxEntityExpansion) {
        throw new LedeError(
          'feed_entity_limit',
          `DTD entity expansion exceeds ${this.limits.maxEntityExpansion} characters`,
        );
      }
      return text;
    }
    const cp = HTML_ENTITIES.get(name);
    this.error(`undefined entity &${name};`);
    return cp === undefined ? `&${name};` : String.fromCodePoint(cp);
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
        if (value.indexOf('&') >= 0) value = this.decode(value, 0);
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
    if (/^<!doctype/i.test(s.slice(lt, lt + 9))) return this.doctype(s, lt + 9);
    this.error('unknown "<!" markup');
    const e = s.indexOf('>', lt);
    return e < 0 ? s.length : e + 1;
  }

  /** Reads the internal subset for entity declarations; external subsets are never fetched. */
  private doctype(s: string, from: number): number {
    let i = from;
    const len = s.length;
    while (i < len) {
      const c = s[i];
      if (c === '"' || c === "'") {
        const e = s.indexOf(c, i + 1);
        i = e < 0 ? len : e + 1;
      } else if (c === '[') {
        i = this.internalSubset(s, i + 1);
      } else if (c === '>') return i + 1;
      else i++;
    }
    this.error('unterminated DOCTYPE');
    return len;
  }

  private internalSubset(s: string, from: number): number {
    const decl =
      /\s*(?:<!--[\s\S]*?-->|<!ENTITY\s+(%\s+)?([^\s]+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)\s*>|<![A-Z]+(?:[^>"']|"[^"]*"|'[^']*')*>|<\?[\s\S]*?\?>|%[^;\s]+;)/y;
    let i = from;
    for (;;) {
      decl.lastIndex = i;
      const m = decl.exec(s);
      if (!m) break;
      i = decl.lastIndex;
      if (m[2] && !m[1] && !this.entities.has(m[2]))
        this.entities.set(m[2], m[5] ? null : (m[3] ?? m[4] ?? ''));
    }
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    if (s[i] === ']') return i + 1;
    this.error('malformed DOCTYPE internal subset');
    const e = s.indexOf(']', i);
    return e < 0 ? s.length : e + 1;
  }
}
