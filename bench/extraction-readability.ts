// The baseline of `npm run bench:extraction`: @mozilla/readability on linkedom, as a harness
// extractor module (../shared/bench/extraction/README.md).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export const name = 'readability+linkedom';
export const version = '0.6.0/0.18';

export function extract(html: string, _url: string): { text: string } {
  const { document } = parseHTML(html);
  const article = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
  ).parse();
  return { text: article?.textContent?.trim() ?? '' };
}
