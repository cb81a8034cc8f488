import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractFromBytes } from './decode.js';
import { extractArticle } from './extract.js';

const prose = (n: number) =>
  `<p>Paragraph ${n} is a sentence of ordinary news prose, with commas, names and numbers like ${n * 7}.</p>`;
const page = (inner: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body>${inner}</body></html>`;

describe('bad input never crashes', () => {
  it('extracts from truncated HTML', () => {
    const full = page(`<article>${prose(1)}${prose(2)}${prose(3)}<p>Cut in the mid`);
    const a = extractArticle(full.slice(0, full.length - 3), 'https://e.example/a');
    expect(a.text).toContain('Paragraph 3');
    const cutInTag = extractArticle(`${page(`<article>${prose(1)}${prose(2)}`)}<div class="x`, '');
    expect(cutInTag.text).toContain('Paragraph 2');
  });

  it('bounds a 20 MB page', () => {
    const filler = '<div class="row"><a href="/x">link</a> some words in a cell</div>'.repeat(330_000);
    const html = page(`<article>${prose(1)}${prose(2)}${prose(3)}</article>${filler}`);
    expect(html.length).toBeGreaterThan(20_000_000);
    const t = performance.now();
    const a = extractArticle(html, '');
    expect(performance.now() - t).toBeLessThan(10_000);
    expect(a.text).toContain('Paragraph 1');
  });

  it('survives 20,000 nested tables', () => {
    const html = page(
      `${'<table><tr><td>'.repeat(20_000)}deep text${'</td></tr></table>'.repeat(20_000)}${prose(1)}${prose(2)}`,
    );
    const a = extractArticle(html, '');
    expect(a.text).toContain('Paragraph 1');
    expect(a.html).not.toContain('<script');
  });

  it('decodes a declared legacy charset and survives a wrong one', () => {
    const body = page(
      `<article>${prose(1)}<p>Le café de la gare a rouvert ses portes, a annoncé la mairie, après des travaux.</p></article>`,
    );
    const latin = iconv.encode(body.replace('<head>', '<head><meta charset="windows-1252">'), 'windows-1252');
    expect(extractFromBytes(latin, 'https://e.example/').text).toContain('café de la gare');
    // declared UTF-8, actually windows-1252: replacement characters, no crash
    const lying = iconv.encode(body.replace('<head>', '<head><meta charset="utf-8">'), 'windows-1252');
    expect(extractFromBytes(lying, 'https://e.example/').text).toContain('de la gare');
    const sjis = iconv.encode(
      page(
        '<article><p>東京都は月曜日、新しい図書館を駅前に開館すると発表しました。開館は来年の春を予定しています。</p></article>',
      ).replace('<head>', '<head><meta charset="shift_jis">'),
      'shift_jis',
    );
    expect(extractFromBytes(sjis, '', 'text/html; charset=Shift_JIS').text).toContain('新しい図書館');
  });

  it('answers pages without an article with an empty text and a reason', () => {
    for (const input of [
      '',
      '   ',
      'just some words',
      '\u0000\u0001\u0002binary',
      page(''),
      page('<nav><a href="/">Home</a></nav>'),
    ]) {
      const a = extractArticle(input, 'https://e.example/');
      expect(a.text).toBe('');
      expect(a.html).toBe('');
      expect(a.emptyReason).toMatch(/^[a-z_]+$/);
    }
  });

  it('is deterministic', () => {
    const html = page(`<article>${prose(1)}${prose(2)}</article>`);
    expect(extractArticle(html, '')).toEqual(extractArticle(html, ''));
  });
});
