// Golden corpus of the extract stage: every case folder's input must give exactly its
// expected.json (regenerate with `tsx scripts/extract-case.ts regen` and review the diff), and
// every case must respect the rules no expectation may break (no boilerplate, safe HTML).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, readCase } from '../../../scripts/extract-case.js';
import { extractArticle } from '../../../src/pipeline/extract/index.js';

const cases = readdirSync(CORPUS).filter((name) => existsSync(join(CORPUS, name, 'case.json')));

describe('extract corpus', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of cases) {
    it(name, () => {
      const { info, html } = readCase(name);
      const got = extractArticle(html, info.url);
      const expected = JSON.parse(readFileSync(join(CORPUS, name, 'expected.json'), 'utf8'));
      expect(got).toEqual(expected);
      expect(got.text).not.toMatch(/\b(Advertisement|Share on|Sign up|Read more|Subscribe|says:)\b/);
      expect(got.html).not.toMatch(/<script|<style|<iframe|\son\w+=|style=/i);
      for (const m of got.html.matchAll(/\s(?:href|src)="([^"]*)"/g))
        expect(m[1]).toMatch(/^(https?:|mailto:)/);
      expect(Boolean(got.text) === (got.emptyReason === null)).toBe(true);
    });
  }

  it('keeps the seed page caption and credit apart from the text', () => {
    const { info, html } = readCase('seed-caption-credit');
    const a = extractArticle(html, info.url);
    expect(a.text).not.toContain('Open Source Centre/Airbus');
    expect(a.text).not.toContain('A satellite image taken');
    expect(a.text).not.toContain('Related Articles');
    expect(a.text.split('\n').slice(0, 2)).toEqual(['Kyiv', 'CNN —']);
    expect(a.images).toEqual([
      expect.objectContaining({
        url: 'https://daily8.example/img/port.jpg',
        caption: 'A satellite image taken on May 18 shows a ship docked at the port.',
        credit: 'Open Source Centre/Airbus',
      }),
    ]);
  });

  it('answers a front page with an empty text and a reason', () => {
    const { info, html } = readCase('no-article');
    const a = extractArticle(html, info.url);
    expect(a.text).toBe('');
    expect(a.emptyReason).toBeTruthy();
  });

  it('leaves out comments after a chunked article', () => {
    const { info, html } = readCase('chunked-comments');
    const a = extractArticle(html, info.url);
    expect(a.text.split('\n')).toHaveLength(4);
    expect(a.text).not.toContain('reader1');
  });
});
