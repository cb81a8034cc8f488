// Bytes to text: BOM, then the HTTP charset, then what the document says about itself
// (XML declaration, <meta charset>, http-equiv), then a guess. Unknown labels are skipped.
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedBody {
  text: string;
  /** the encoding actually used, lower-case canonical name */
  encoding: string;
}

// WHATWG label aliases where browsers deliberately decode with a superset.
const SUPERSETS: Record<string, string> = {
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'x-cp1252': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  'euc-kr': 'cp949',
  'ks_c_5601-1987': 'cp949',
  shift_jis: 'shift_jis',
  'x-sjis': 'shift_jis',
  ms932: 'shift_jis',
  'windows-31j': 'shift_jis',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

/** Canonical encoding for a label, or null when iconv-lite cannot decode it. */
export function normalizeLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!cleaned || cleaned.length > 40) return null;
  const name = SUPERSETS[cleaned] ?? cleaned;
  // iconv-lite knows utf-7, utf-32…; browsers refuse those for security reasons and so do we.
  if (/^(utf-?7|utf-?32|x-user-defined|replacement)/.test(name)) return null;
  return iconv.encodingExists(name) ? name : null;
}

/** The charset parameter of a Content-Type header. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType ?? '');
  return match ? match[2] : null;
}

function bomEncoding(body: Buffer): { encoding: string; skip: number } | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (body[0] === 0xff && body[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (body[0] === 0xfe && body[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

function xmlDeclaration(head: string): string | null {
  return /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ?? null;
}

function metaCharset(head: string): string | null {
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct && !/\bcontent\s*=/i.test(tag)) return direct[1];
    if (/http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const value = content?.[2] ?? content?.[3] ?? content?.[4] ?? '';
      const cs = charsetFromContentType(`x;${value.slice(value.indexOf(';') + 1)}`);
      if (cs) return cs;
    }
    if (direct) return direct[1];
  }
  return null;
}

/** The encoding a document declares in its first bytes. */
export function declaredEncoding(body: Buffer, kind: 'html' | 'xml'): string | null {
  // Labels are ASCII; latin1 maps bytes 1:1, so nothing in the prescan can throw.
  const head = body.subarray(0, 2048).toString('latin1');
  const found =
    kind === 'xml' ? [xmlDeclaration(head), metaCharset(head)] : [metaCharset(head), xmlDeclaration(head)];
  for (const label of found) {
    let name = normalizeLabel(label);
    // An ASCII-compatible document cannot really be UTF-16; HTML treats that label as UTF-8.
    if (name?.startsWith('utf-16') || name === 'utf16') name = 'utf-8';
    if (name) return name;
  }
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(body: Buffer): boolean {
  try {
    strictUtf8.decode(body);
    return true;
  } catch {
    return false;
  }
}

/** How much of an undeclared body the statistical detector looks at (it is linear in size). */
const DETECT_SAMPLE = 64 * 1024;
const LATIN = /^(windows-125[0247]|ISO-8859-(1|2|3|4|9|10|13|14|15|16))$/i;
const WESTERN = /^(windows-1252|ISO-8859-1|ISO-8859-15)$/i;

/**
 * Guess for undeclared bytes: valid UTF-8 is UTF-8; otherwise chardet's frequency models pick
 * among the legacy encodings (Shift_JIS, EUC-KR, GB18030, KOI8-R, windows-125x…), and a weak
 * or unknown answer falls back to windows-1252, the commonest legacy Western encoding.
 */
export function detectEncoding(body: Buffer): string {
  if (isUtf8(body)) return 'utf-8';
  const matches = analyse(body.subarray(0, DETECT_SAMPLE)).filter((m) => !m.name.startsWith('UTF'));
  const best = matches[0];
  if (!best || best.confidence < 10) return 'windows-1252';
  if (LATIN.test(best.name)) {
    // Latin encodings differ in a few letters and short samples barely separate them: leave
    // windows-1252 only on a clear lead.
    const western = matches.find((m) => WESTERN.test(m.name))?.confidence ?? 0;
    if (best.confidence < 25 || best.confidence - western < 10) return 'windows-1252';
  }
  return normalizeLabel(best.name) ?? 'windows-1252';
}

function decode(body: Buffer, encoding: string): string {
  if (encoding === 'utf-8') return body.toString('utf8');
  return iconv.decode(body, encoding, { stripBOM: true });
}

/** Decodes a page or feed body. Never throws on odd input. */
export function decodeBody(body: Buffer, contentType: string | null, kind: 'html' | 'xml'): DecodedBody {
  const bom = bomEncoding(body);
  if (bom) return { text: decode(body.subarray(bom.skip), bom.encoding), encoding: bom.encoding };
  const encoding =
    normalizeLabel(charsetFromContentType(contentType)) ??
    declaredEncoding(body, kind) ??
    detectEncoding(body);
  return { text: decode(body, encoding), encoding };
}
