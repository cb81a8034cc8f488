// Raw bytes -> text, the way an XML processor without HTTP headers must do it (XML 1.0
// appendix F): byte order mark, then the byte pattern of "<?xm", then the encoding declaration,
// then UTF-8, then windows-1252 as the last resort. A guess that had to be made is reported so
// the document can be flagged as not well-formed.
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  encoding: string;
  /** problems met while decoding (a document with any is not well-formed) */
  errors: string[];
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Byte order mark and "<?xm" patterns: encoding and the number of bytes to skip. */
function sniffBytes(b: Buffer): { encoding: string; skip: number } | null {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', skip: 4 };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return { encoding: 'utf-32be', skip: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', skip: 0 };
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return { encoding: 'utf-16be', skip: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return { encoding: 'utf-16le', skip: 0 };
  // "<r", "<f"… in UTF-16 without a BOM or declaration: a NUL beside every ASCII byte
  if (b0 === 0x3c && b1 === 0x00 && b2 !== 0x00 && b3 === 0x00) return { encoding: 'utf-16le', skip: 0 };
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 !== 0x00) return { encoding: 'utf-16be', skip: 0 };
  return null;
}

function decodeUtf32(b: Buffer, littleEndian: boolean): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 3 < b.length; i += 4) {
    const cp = littleEndian ? b.readUInt32LE(i) : b.readUInt32BE(i);
    chunk.push(cp > 0x10ffff ? 0xfffd : cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** The encoding named by an XML declaration at the start of ASCII-compatible bytes. */
export function declaredEncoding(head: string): string | null {
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? m[1].toLowerCase() : null;
}

// Latin-1 is a label browsers read as windows-1252; the 0x80-0x9F range differs only in that the
// latter maps it to printable characters, which is what real feeds mean.
const SINGLE_BYTE_WESTERN = new Set([
  'iso-8859-1',
  'latin1',
  'latin-1',
  'us-ascii',
  'ascii',
  'windows-1252',
  'cp1252',
]);

function hasHighBytes(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return true;
  return false;
}

function tryUtf8(b: Buffer): string | null {
  try {
    return utf8Strict.decode(b);
  } catch {
    return null;
  }
}

export function decodeBytes(input: Buffer): Decoded {
  const errors: string[] = [];
  const sniffed = sniffBytes(input);
  if (sniffed && sniffed.encoding !== 'utf-8') {
    const body = input.subarray(sniffed.skip);
    const text = sniffed.encoding.startsWith('utf-32')
      ? decodeUtf32(body, sniffed.encoding === 'utf-32le')
      : iconv.decode(body, sniffed.encoding, { stripBOM: false });
    return { text: stripBom(text), encoding: sniffed.encoding, errors };
  }
  const bytes = sniffed ? input.subarray(sniffed.skip) : input;
  const declared = declaredEncoding(bytes.subarray(0, 512).toString('latin1'))?.replace(/_/g, '-') ?? null;
  if (sniffed || !declared || declared === 'utf-8' || declared === 'utf8' || declared.startsWith('utf-16')) {
    // A "utf-16" declaration on bytes that are plainly 8-bit (no BOM, "<?xm" readable) is wrong;
    // the bytes win.
    const text = tryUtf8(bytes);
    if (text !== null) return { text, encoding: 'utf-8', errors };
    if (sniffed) {
      errors.push('invalid UTF-8 bytes after a UTF-8 byte order mark');
      return { text: utf8Lenient.decode(bytes), encoding: 'utf-8', errors };
    }
    errors.push(
      declared
        ? `declared ${declared} but the bytes are not valid UTF-8: read as windows-1252`
        : 'undeclared encoding and the bytes are not valid UTF-8: read as windows-1252',
    );
    return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252', errors };
  }
  const name = SINGLE_BYTE_WESTERN.has(declared) ? 'windows-1252' : declared;
  const decoder = decoderFor(name);
  if (!decoder) {
    errors.push(`unknown encoding "${declared}"`);
    const text = tryUtf8(bytes);
    return text !== null
      ? { text, encoding: 'utf-8', errors }
      : { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252', errors };
  }
  if (name === 'windows-1252' && hasHighBytes(bytes)) {
    // A Western single-byte label on bytes that form valid multi-byte UTF-8 is a mislabelled
    // UTF-8 feed: such byte runs are vanishingly rare in real windows-1252 text.
    const text = tryUtf8(bytes);
    if (text !== null) {
      errors.push(`declared ${declared} but the bytes are UTF-8`);
      return { text, encoding: 'utf-8', errors };
    }
  }
  return { text: decoder(bytes), encoding: name, errors };
}

const ALIASES: Record<string, string> = {
  'mac-centraleurope': 'maccenteuro',
  'x-mac-ce': 'maccenteuro',
  'mac-ce': 'maccenteuro',
};

/**
 * A decoder for an encoding label: iconv-lite's tables, then the WHATWG labels Node knows
 * (iso-2022-jp, x-mac-*), then Python-style spellings ("latin_1", "x-mac-roman" -> macroman).
 */
function decoderFor(label: string): ((b: Buffer) => string) | null {
  const candidates = [
    ALIASES[label] ?? label,
    label.replace(/^x-/, ''),
    label.replace(/^x-/, '').replace(/[-_]/g, ''),
  ];
  for (const c of candidates) if (iconv.encodingExists(c)) return (b) => iconv.decode(b, c);
  for (const c of candidates) {
    try {
      const d = new TextDecoder(c);
      return (b) => d.decode(b);
    } catch {
      // not a WHATWG label either
    }
  }
  return null;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
