import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody, normalizeLabel } from './charset.js';

const SAMPLES: Array<[label: string, text: string, expected: string]> = [
  ['windows-1252', 'Café – “quotes” cost 5 €', 'windows-1252'],
  ['iso-8859-1', 'Café au lait, naïve façade', 'windows-1252'],
  ['iso-8859-2', 'Zażółć gęślą jaźń', 'iso-8859-2'],
  ['iso-8859-5', 'Привет, мир', 'iso-8859-5'],
  ['iso-8859-7', 'Καλημέρα κόσμε', 'iso-8859-7'],
  ['iso-8859-15', 'Œuvre à 10 €', 'iso-8859-15'],
  ['windows-1256', 'مرحبا بالعالم', 'windows-1256'],
  ['shift_jis', '日本語のニュース', 'shift_jis'],
  ['euc-kr', '한국어 뉴스 기사', 'cp949'],
  ['gb18030', '中文新闻报道', 'gb18030'],
  ['gb2312', '中文新闻', 'gb18030'],
  ['koi8-r', 'Новости дня', 'koi8-r'],
];

const html = (head: string, text: string) =>
  `<!doctype html><html><head>${head}</head><body><p>${text}</p></body></html>`;

describe('decodeBody', () => {
  it.each(SAMPLES)('reads %s from the HTTP charset', (label, text, expected) => {
    const bytes = iconv.encode(html('', text), label);
    const out = decodeBody(bytes, `text/html; charset=${label}`, 'html');
    expect(out.encoding).toBe(expected);
    expect(out.text).toContain(text);
  });

  it.each(SAMPLES)('reads %s from <meta charset>', (label, text, expected) => {
    const bytes = iconv.encode(html(`<meta charset="${label}">`, text), label);
    const out = decodeBody(bytes, 'text/html', 'html');
    expect(out.encoding).toBe(expected);
    expect(out.text).toContain(text);
  });

  it.each(SAMPLES)('reads %s from <meta http-equiv>', (label, text) => {
    const meta = `<meta http-equiv="Content-Type" content="text/html; charset=${label}">`;
    const out = decodeBody(iconv.encode(html(meta, text), label), null, 'html');
    expect(out.text).toContain(text);
  });

  it.each(SAMPLES)('reads %s from the XML declaration', (label, text) => {
    const xml = `<?xml version="1.0" encoding="${label}"?><rss><channel><title>${text}</title></channel></rss>`;
    const out = decodeBody(iconv.encode(xml, label), 'application/rss+xml', 'xml');
    expect(out.text).toContain(text);
  });

  it('lets the BOM win over a wrong HTTP charset', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Grüße</p>', 'utf16le')]);
    const out = decodeBody(bytes, 'text/html; charset=iso-8859-1', 'html');
    expect(out).toEqual({ text: '<p>Grüße</p>', encoding: 'utf-16le' });
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Grüße')]);
    expect(decodeBody(utf8, null, 'xml')).toEqual({ text: 'Grüße', encoding: 'utf-8' });
  });

  it('lets the HTTP charset win over the document', () => {
    const bytes = iconv.encode(html('<meta charset="utf-8">', 'Новости'), 'koi8-r');
    expect(decodeBody(bytes, 'text/html; charset="KOI8-R"', 'html').text).toContain('Новости');
  });

  it('skips invalid labels without crashing', () => {
    const bytes = iconv.encode(html('<meta charset="x-bogus-9">', 'Café'), 'windows-1252');
    const out = decodeBody(bytes, 'text/html; charset=nonsense', 'html');
    expect(out.encoding).toBe('windows-1252');
    expect(out.text).toContain('Café');
    expect(decodeBody(Buffer.from('hé'), 'text/html; charset=utf-7', 'html').encoding).toBe('utf-8');
    expect(decodeBody(Buffer.alloc(0), 'text/html; charset=', 'html').text).toBe('');
  });

  it('guesses UTF-8 or windows-1252 when nothing is declared', () => {
    expect(decodeBody(Buffer.from('<p>naïve — ok</p>'), null, 'html')).toEqual({
      text: '<p>naïve — ok</p>',
      encoding: 'utf-8',
    });
    expect(decodeBody(iconv.encode('<p>naïve — ok</p>', 'windows-1252'), null, 'html').text).toBe(
      '<p>naïve — ok</p>',
    );
  });

  const UNDECLARED: Array<[string, string, string]> = [
    ['shift_jis', '日本語のニュース。政府は本日、新しい経済対策を発表しました。', 'shift_jis'],
    ['euc-kr', '한국어 뉴스 기사. 정부는 오늘 새로운 경제 대책을 발표했습니다.', 'cp949'],
    ['gb18030', '中文新闻报道。政府今天宣布了新的经济措施，以支持国内经济发展。', 'gb18030'],
    ['koi8-r', 'Новости дня. Правительство сегодня объявило о новых мерах поддержки экономики.', 'koi8-r'],
    ['windows-1256', 'مرحبا بالعالم. أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد الوطني.', 'windows-1256'],
    ['windows-1252', 'Le café était très agréable — «voilà» 5 €. Les élèves ont été reçus.', 'windows-1252'],
  ];
  it.each(UNDECLARED)('detects undeclared %s', (label, text, expected) => {
    const out = decodeBody(iconv.encode(html('<title>x</title>', text), label), 'text/html', 'html');
    expect(out.encoding).toBe(expected);
    expect(out.text).toContain(text);
  });

  it('treats a UTF-16 label inside an ASCII document as UTF-8', () => {
    const out = decodeBody(Buffer.from('<meta charset="utf-16"><p>é</p>'), null, 'html');
    expect(out.encoding).toBe('utf-8');
    expect(out.text).toContain('é');
  });
});

describe('labels', () => {
  it('parses the charset parameter', () => {
    expect(charsetFromContentType('text/html; Charset="Shift_JIS"')).toBe('Shift_JIS');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });
  it('normalizes to a decodable encoding or null', () => {
    expect(normalizeLabel('  "Latin1" ')).toBe('windows-1252');
    expect(normalizeLabel('GBK')).toBe('gb18030');
    expect(normalizeLabel('x'.repeat(100))).toBeNull();
    expect(normalizeLabel('utf-32')).toBeNull();
  });
});
