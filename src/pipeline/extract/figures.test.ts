import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { findFirst } from './dom.js';
import { extractArticle } from './extract.js';
import { collectImages, splitCaption } from './figures.js';

const root = (html: string) =>
  findFirst(parseDocument(`<div id="r">${html}</div>`), (el) => el.attribs.id === 'r')!;
const prose = (n: number) =>
  `<p>Paragraph ${n} has enough words, commas, and substance to be scored as the body text.</p>`;

describe('figures', () => {
  it('separates caption and credit by class, by "Photo:" and by ©', () => {
    const byClass = root(
      '<figcaption>Crowds gather. <span class="photo-credit">Jane Doe/AP</span></figcaption>',
    );
    expect(splitCaption(byClass)).toEqual({ caption: 'Crowds gather.', credit: 'Jane Doe/AP' });
    const byText = root('<figcaption>Crowds gather in the square. Photo: Hau Dinh, AP</figcaption>');
    expect(splitCaption(byText)).toEqual({ caption: 'Crowds gather in the square.', credit: 'Hau Dinh, AP' });
    const byCopy = root('<figcaption>The bridge at night © City Archive</figcaption>');
    expect(splitCaption(byCopy)).toEqual({ caption: 'The bridge at night', credit: 'City Archive' });
  });

  it('resolves lazy images to absolute URLs and skips pixels and data: URIs', () => {
    const images = collectImages(
      [
        root(`<figure><img src="data:image/gif;base64,R0lGOD" data-src="/big.jpg"><figcaption>Big</figcaption></figure>
          <img src="/pixel.gif" width="1" height="1"><img srcset="/s.jpg 1x, /l.jpg 2x" alt="Alt text">`),
      ],
      'https://e.example/news/a',
    );
    expect(images).toEqual([
      { url: 'https://e.example/big.jpg', caption: 'Big', credit: null, width: null, height: null },
      { url: 'https://e.example/s.jpg', caption: 'Alt text', credit: null, width: null, height: null },
    ]);
  });

  it('keeps captions out of the text but inside the HTML figure', () => {
    const a = extractArticle(
      `<html><body><article>${prose(1)}<figure><img src="/p.jpg"><figcaption>Caption words <span class="credit">Agency</span></figcaption></figure>${prose(2)}<div class="image-caption">A stray caption outside a figure</div>${prose(3)}</article></body></html>`,
      'https://e.example/a',
    );
    expect(a.text).not.toMatch(/Caption words|Agency|stray caption/);
    expect(a.html).toMatch(
      /<figure><img src="https:\/\/e.example\/p.jpg" \/><figcaption>Caption words <span>Agency<\/span>|<figcaption>Caption words.*Agency/s,
    );
    expect(a.images[0]).toMatchObject({
      url: 'https://e.example/p.jpg',
      caption: 'Caption words',
      credit: 'Agency',
    });
    expect(a.leadImage?.url).toBe('https://e.example/p.jpg');
  });
});
