// Golden corpus of the extract stage (test/corpus/extract/<case>/: input.html, case.json, expected.json).
//   tsx scripts/extract-case.ts add NAME FILE|URL [--url URL] [--about TEXT]   add a case, write its expectation
//   tsx scripts/extract-case.ts regen [NAME…]                                  rewrite expectations (all by default)
// Review the diff of expected.json before committing: it is the extractor's answer, not the truth.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeHtml, extractArticle } from '../src/pipeline/extract/index.js';
import { createFetcher } from '../src/pipeline/fetch/index.js';

export const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'corpus', 'extract');

export interface CaseInfo {
  url: string;
  about: string;
}

export function readCase(name: string): { info: CaseInfo; html: string } {
  const dir = join(CORPUS, name);
  const info = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseInfo;
  return { info, html: decodeHtml(readFileSync(join(dir, 'input.html'))) };
}

function writeExpected(name: string): void {
  const { info, html } = readCase(name);
  const article = extractArticle(html, info.url);
  writeFileSync(join(CORPUS, name, 'expected.json'), `${JSON.stringify(article, null, 2)}\n`);
  console.log(
    `${name}: ${article.text ? `${article.text.split('\n').length} blocks` : `empty (${article.emptyReason})`}`,
  );
}

async function load(source: string): Promise<{ bytes: Buffer; url: string | null }> {
  if (!/^https?:\/\//i.test(source)) return { bytes: readFileSync(source), url: null };
  const fetcher = createFetcher({ allow: (process.env.LEDE_FETCH_ALLOW ?? '').split(',').filter(Boolean) });
  try {
    const res = await fetcher.fetch(source, { kind: 'page' });
    return { bytes: res.body, url: res.url };
  } finally {
    await fetcher.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { url: { type: 'string' }, about: { type: 'string' } },
    allowPositionals: true,
  });
  const [verb, ...rest] = positionals;
  if (verb === 'add' && rest.length === 2) {
    const [name, source] = rest;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error('case names are lower-case words joined by -');
    const dir = join(CORPUS, name);
    if (existsSync(dir)) throw new Error(`${dir} exists; edit its input and run regen`);
    const { bytes, url } = await load(source);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'input.html'), bytes);
    const info: CaseInfo = { url: values.url ?? url ?? 'https://example.com/', about: values.about ?? '' };
    writeFileSync(join(dir, 'case.json'), `${JSON.stringify(info, null, 2)}\n`);
    writeExpected(name);
    return 0;
  }
  if (verb === 'regen') {
    const names = rest.length
      ? rest
      : readdirSync(CORPUS).filter((n) => existsSync(join(CORPUS, n, 'case.json')));
    for (const name of names) writeExpected(name);
    return 0;
  }
  console.error(
    'usage: tsx scripts/extract-case.ts add NAME FILE|URL [--url URL] [--about TEXT] | regen [NAME…]',
  );
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
