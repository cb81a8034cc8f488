import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.js';
import { parseFeed } from './parse.js';

const doc = (decl: string) =>
  `${decl}<rss version="2.0"><channel><title>Ünïcödé — 東京</title></channel></rss>`;

describe('character decoding from raw bytes', () => {
  it.each([
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc(''))])],
    [
      'utf-16le with BOM',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode(doc('<?xml version="1.0" encoding="utf-16"?>'), 'utf-16le'),
      ]),
    ],
    [
      'utf-16be with BOM',
      Buffer.concat([
        Buffer.from([0xfe, 0xff]),
        iconv.encode(doc('<?xml version="1.0" encoding="utf-16"?>'), 'utf-16be'),
      ]),
    ],
    ['utf-16le without BOM', iconv.encode(doc('<?xml version="1.0" encoding="utf-16"?>'), 'utf-16le')],
    ['utf-16be without BOM', iconv.encode(doc('<?xml version="1.0"?>'), 'utf-16be')],
    ['utf-16le without BOM or declaration', iconv.encode(doc(''), 'utf-16le')],
    ['utf-16be without BOM or declaration', iconv.encode(doc(''), 'utf-16be')],
  ])('%s', (_name, bytes) => {
    const r = parseFeed(bytes);
    expect(r.wellFormed).toBe(true);
    expect(r.feed.title).toBe('Ünïcödé — 東京');
  });

  it('utf-32 with and without BOM', () => {
    const text = doc('<?xml version="1.0"?>');
    const cps = [...text].map((c) => c.codePointAt(0) as number);
    for (const le of [true, false]) {
      const b = Buffer.alloc(cps.length * 4);
      for (const [i, cp] of cps.entries()) {
        if (le) b.writeUInt32LE(cp, i * 4);
        else b.writeUInt32BE(cp, i * 4);
      }
      expect(parseFeed(b).feed.title).toBe('Ünïcödé — 東京');
      const bom = Buffer.alloc(4);
      le ? bom.writeUInt32LE(0xfeff) : bom.writeUInt32BE(0xfeff);
      expect(parseFeed(Buffer.concat([bom, b])).feed.title).toBe('Ünïcödé — 東京');
    }
  });

  it('honours the declared encoding (windows-1251, iso-8859-1, shift_jis)', () => {
    const ru = iconv.encode(
      '<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>Новости</title></channel></rss>',
      'windows-1251',
    );
    expect(parseFeed(ru)).toMatchObject({ wellFormed: true, feed: { title: 'Новости' } });
    const fr = iconv.encode(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Ça été</title></channel></rss>',
      'latin1',
    );
    expect(parseFeed(fr)).toMatchObject({ wellFormed: true, feed: { title: 'Ça été' } });
    const jp = iconv.encode(
      '<?xml version="1.0" encoding="Shift_JIS"?><rss><channel><title>日本語</title></channel></rss>',
      'shift_jis',
    );
    expect(parseFeed(jp).feed.title).toBe('日本語');
  });

  it('falls back to windows-1252 for undeclared non-UTF-8 bytes, and flags it', () => {
    const bytes = iconv.encode(
      '<rss><channel><title>Caf\u00e9 \u201cquoted\u201d</title></channel></rss>',
      'windows-1252',
    );
    const r = parseFeed(bytes);
    expect(r.wellFormed).toBe(false);
    expect(r.feed.title).toBe('Café “quoted”');
  });

  it('reads a latin-1 label on UTF-8 bytes as UTF-8 (no mojibake), flagged', () => {
    const d = decodeBytes(Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><a>é</a>'));
    expect(d.text).toContain('<a>é</a>');
    expect(d.errors.length).toBe(1);
  });

  it('knows Python-style and WHATWG-only labels (latin_1, x-mac-roman, iso-2022-jp)', () => {
    const latin = iconv.encode(
      '<?xml version="1.0" encoding="latin_1"?><rss><channel><title>é</title></channel></rss>',
      'latin1',
    );
    expect(parseFeed(latin)).toMatchObject({ wellFormed: true, feed: { title: 'é' } });
    const mac = iconv.encode(
      '<?xml version="1.0" encoding="x-mac-roman"?><rss><channel><title>ü</title></channel></rss>',
      'macroman',
    );
    expect(parseFeed(mac)).toMatchObject({ wellFormed: true, feed: { title: 'ü' } });
    const jis = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="iso-2022-jp"?><rss><channel><title>'),
      Buffer.from([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42]), // 日本 in ISO-2022-JP
      Buffer.from('</title></channel></rss>'),
    ]);
    expect(parseFeed(jis)).toMatchObject({ wellFormed: true, feed: { title: '日本' } });
    expect(decodeBytes(Buffer.from('<?xml version="1.0" encoding="no-such-thing"?><a/>')).errors).toEqual([
      'unknown encoding "no-such-thing"',
    ]);
  });
});
