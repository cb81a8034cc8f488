// Character and entity references, and the DTD's internal subset. Safety: external entities
// are never read (a reference to one is dropped and flagged), internal entities expand within a
// total budget and a nesting bound (billion laughs, quadratic blowup), HTML entity names resolve
// leniently and flag the document.
import { LedeError } from '../../lib/errors.js';
import { HTML_ENTITIES } from './html-entities.js';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// references to C1 controls mean the windows-1252 characters in practice (&#146; = ’)
const CP1252_C1 = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'];

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** The ";" ending a reference that starts at `from`, or -1 at the first character no
 * reference can contain (so a bare "&" costs a character or two). */
function semicolonNear(s: string, from: number): number {
  const end = Math.min(s.length, from + 40);
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 59) return i;
    const nameChar =
      (c >= 48 && c <= 58) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 35 ||
      c === 95 ||
      c === 45 ||
      c === 46 ||
      c > 127;
    if (!nameChar) return -1;
  }
  return -1;
}

export class EntityResolver {
  private readonly entities = new Map<string, string | null>(); // null = external, never loaded
  private expanded = 0;

  constructor(
    private readonly maxExpansion: number,
    private readonly error: (message: string) => void,
  ) {}

  /** Resolves character and entity references; leniency for bare "&" and HTML entity names. */
  decode(raw: string, depth = 0): string {
    if (raw.indexOf(';') < 0 && raw.indexOf('&#') < 0) {
      // no reference can end here: every "&" is a bare one (URLs with query strings)
      this.error('bare "&" or unterminated reference');
      return raw;
    }
    // `pos` starts the pending literal run: bare "&"s stay in it, so text full of them is
    // copied once instead of piece by piece
    let out = '';
    let pos = 0;
    let from = 0;
    for (;;) {
      const amp = raw.indexOf('&', from);
      if (amp < 0) break;
      // look for the ";" a short way only: text full of bare "&" must stay linear
      const semi = semicolonNear(raw, amp + 1);
      const ref = semi > 0 ? raw.slice(amp + 1, semi) : '';
      if (!ref || !/^(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z_:][\w.:-]*)$/.test(ref)) {
        this.error('bare "&" or unterminated reference');
        // "&#x41" without ";" reads as the character, like HTML; anything else is a bare "&"
        const m =
          raw.charCodeAt(amp + 1) === 35
            ? /^&#([xX][0-9a-fA-F]+|[0-9]+)/.exec(raw.slice(amp, amp + 12))
            : null;
        if (m) {
          out += raw.slice(pos, amp) + this.charRef(`#${m[1]}`);
          pos = from = amp + m[0].length;
        } else from = amp + 1;
        continue;
      }
      out += raw.slice(pos, amp);
      pos = from = semi + 1;
      if (ref[0] === '#') out += this.charRef(ref);
      else out += XML_ENTITIES[ref] ?? this.namedEntity(ref, depth);
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
      if (this.expanded > this.maxExpansion) {
        throw new LedeError(
          'feed_entity_limit',
          `DTD entity expansion exceeds ${this.maxExpansion} characters`,
        );
      }
      return text;
    }
    const cp = HTML_ENTITIES.get(name);
    this.error(`undefined entity &${name};`);
    return cp === undefined ? `&${name};` : String.fromCodePoint(cp);
  }

  /** Reads the internal subset for entity declarations; external subsets are never fetched. */
  doctype(s: string, from: number): number {
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
