import { describe, expect, it } from 'vitest';
import { article, type CurrentStore, hoursAgo, newSource } from './fixtures.js';

const HOSTILE = [
  '"',
  '""',
  'AND OR NOT',
  '*',
  'title:',
  'title:desalination',
  '(desalination',
  'desalination)',
  'NEAR(a b)',
  '-desalination',
  '^desalination',
  'desal* OR "',
  '\u0000\u0002',
  "'; DROP TABLE articles; --",
  '{title text}: x',
  '   ',
  '',
];

export function searchContract(store: CurrentStore): void {
  describe('search', () => {
    it('finds by words in title or text, title matches ranked first, with total', async () => {
      await store().articles.upsert(
        article('body', { title: 'Water news', text: 'The desalination plant opened near the coast.' }),
      );
      await store().articles.upsert(
        article('title', { title: 'Desalination plant opens', text: 'A plant opened on the coast today.' }),
      );
      await store().articles.upsert(article('other', { title: 'Football', text: 'A match was played.' }));
      const { hits, total } = await store().search.search({ q: 'desalination' });
      expect(total).toBe(2);
      expect(hits.map((h) => h.article.id)).toEqual([article('title').id, article('body').id]);
      expect(hits[0].score).toBeGreaterThan(hits[1].score);
      expect(hits[0].article.title).toBe('Desalination plant opens');
    });

    it('ranks a fresh article above an equally relevant old one', async () => {
      await store().articles.upsert(
        article('old', {
          title: 'Tanker seized',
          text: 'A tanker was seized.',
          publishedAt: hoursAgo(24 * 60),
        }),
      );
      await store().articles.upsert(
        article('new', { title: 'Tanker seized', text: 'A tanker was seized.', publishedAt: hoursAgo(1) }),
      );
      const { hits } = await store().search.search({ q: 'tanker' });
      expect(hits.map((h) => h.article.id)).toEqual([article('new').id, article('old').id]);
    });

    it('matches all terms, "phrases", prefixes, and ignores case and accents', async () => {
      await store().articles.upsert(
        article('p1', { title: 'Café opens', text: 'The prime minister spoke.' }),
      );
      await store().articles.upsert(article('p2', { title: 'Minister', text: 'The minister was prime.' }));
      const ids = async (q: string) =>
        (await store().search.search({ q })).hits.map((h) => h.article.id).sort();
      expect(await ids('"prime minister"')).toEqual([article('p1').id]);
      expect(await ids('prime minister')).toEqual([article('p1').id, article('p2').id].sort());
      expect(await ids('minister cafe')).toEqual([article('p1').id]);
      expect(await ids('CAFÉ')).toEqual([article('p1').id]);
      expect(await ids('minis*')).toEqual([article('p1').id, article('p2').id].sort());
      expect(await ids('minister AND OR NOT')).toEqual([article('p1').id, article('p2').id].sort());
      // plural and singular forms find each other
      expect(await ids('ministers')).toEqual([article('p1').id, article('p2').id].sort());
    });

    it('Arabic: spelling variants, diacritics and proclitics find each other, highlighted in place', async () => {
      await store().articles.upsert(
        article('ar', {
          title: 'وزير الخارجية يزور القاهرة',
          text: 'كَتَبَ الوزير عن إسرائيل والأردن في بيان مطوّل.',
          language: 'ar',
        }),
      );
      const found = async (q: string) => (await store().search.search({ q })).total;
      expect(await found('اسرائيل')).toBe(1);
      expect(await found('الاردن')).toBe(1);
      expect(await found('أردن')).toBe(1);
      expect(await found('كتب')).toBe(1);
      expect(await found('قاهرة')).toBe(1);
      expect(await found('"الوزير عن اسرائيل"')).toBe(1);
      expect(await found('لندن')).toBe(0);
      const { hits } = await store().search.search({ q: 'الاردن' });
      expect(hits[0].snippet).toContain('<mark>والأردن</mark>');
      expect(hits[0].snippet).toContain('كَتَبَ');
    });

    it('snippets come from the body, or the description when the body is empty', async () => {
      await store().articles.upsert(
        article('s1', {
          title: 'Harbour reopens',
          description: 'The harbour is open.',
          text: 'Ships returned today.',
        }),
      );
      await store().articles.upsert(
        article('s2', { title: 'Quay', description: 'The harbour quay is busy.', text: '' }),
      );
      const { hits } = await store().search.search({ q: 'harbour' });
      const byId = new Map(hits.map((h) => [h.article.id, h.snippet]));
      expect(byId.get(article('s1').id)).toBe('Ships returned today.');
      expect(byId.get(article('s2').id)).toBe('The <mark>harbour</mark> quay is busy.');
    });

    it('snippets mark matched terms and HTML-escape everything else', async () => {
      await store().articles.upsert(
        article('xss', {
          title: 'Plain headline',
          text: 'Before <script>alert("x")</script> & the reactor \u0002trick\u0003 restarted after <b>tests</b>.',
        }),
      );
      const { hits } = await store().search.search({ q: 'reactor' });
      expect(hits).toHaveLength(1);
      const snippet = hits[0].snippet;
      expect(snippet).toContain('<mark>reactor</mark>');
      expect(snippet).toContain('&lt;script&gt;');
      expect(snippet).not.toContain('<script>');
      expect(snippet).not.toContain('<b>');
      expect(snippet).toContain('&amp;');
      // only <mark> tags remain, and they are balanced
      expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      expect(snippet.split('<mark>').length).toBe(snippet.split('</mark>').length);
    });

    it('never fails on hostile queries', async () => {
      await store().articles.upsert(article('h', { title: 'Desalination', text: 'Title text and more.' }));
      for (const q of HOSTILE) {
        const result = await store().search.search({ q });
        expect(Array.isArray(result.hits), q).toBe(true);
        expect(result.total, q).toBe(result.hits.length);
      }
      expect((await store().search.search({ q: 'desalination:' })).total).toBe(1);
      expect((await store().search.search({ q: 'desalination)' })).total).toBe(1);
      expect((await store().search.search({ q: '(desalination' })).total).toBe(1);
    });

    it('filters by source, category, language and time, and pages with a stable total', async () => {
      const s1 = (await store().sources.add(newSource(1))).source.id;
      for (let i = 0; i < 7; i++) {
        await store().articles.upsert(
          article(`f${i}`, {
            title: `Election update ${i}`,
            sourceId: i < 4 ? s1 : null,
            category: i % 2 === 0 ? 'politics' : 'world',
            language: i === 6 ? 'fr' : 'en',
            publishedAt: hoursAgo(i * 10),
          }),
        );
      }
      const q = 'election';
      expect((await store().search.search({ q })).total).toBe(7);
      expect((await store().search.search({ q, sourceId: s1 })).total).toBe(4);
      expect((await store().search.search({ q, category: 'politics' })).total).toBe(4);
      expect((await store().search.search({ q, language: 'fr' })).total).toBe(1);
      expect((await store().search.search({ q, since: hoursAgo(25) })).total).toBe(3);
      expect((await store().search.search({ q, before: hoursAgo(25) })).total).toBe(4);
      const page1 = await store().search.search({ q, limit: 3 });
      const page3 = await store().search.search({ q, limit: 3, offset: 6 });
      expect(page1.hits).toHaveLength(3);
      expect(page1.total).toBe(7);
      expect(page3.hits).toHaveLength(1);
      const all = await store().search.search({ q, limit: 10 });
      expect(new Set(all.hits.map((h) => h.article.id)).size).toBe(7);
    });

    it('follows updates: the old words stop matching, the new ones match', async () => {
      const a = article('upd', { title: 'Flood warning', text: 'Rivers rise.' });
      await store().articles.upsert(a);
      await store().articles.upsert({ ...a, title: 'Drought warning', text: 'Rivers fall.' });
      expect((await store().search.search({ q: 'flood' })).total).toBe(0);
      expect((await store().search.search({ q: 'drought' })).total).toBe(1);
      expect((await store().search.search({ q: 'warning' })).total).toBe(1);
    });
  });
}
