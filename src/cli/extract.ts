// `lede extract FILE|URL [--json]` prints one article for a person; `lede extract --jsonl` is the
// batch contract of DESIGN.md: {id, url, html|base64} -> {id, title, byline, published, language,
// text, html, leadImage, images, siteName, canonicalUrl}. Batch pages run in a worker with a time
// limit, so one pathological page yields an error line instead of stalling the batch.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createExtractorPool,
  decodeHtml,
  type ExtractedArticle,
  extractFromBytes,
} from '../pipeline/extract/index.js';
import { createFetcher } from '../pipeline/fetch/index.js';
import { parseCommandArgs } from './args.js';
import { type CliContext, type Command, UsageError } from './command.js';
import { bytesOrText, runJsonl } from './jsonl.js';

const usage = `Usage: lede extract FILE|URL [--json] [--url URL]
       lede extract --jsonl   (stdin: {"id", "url", "html" | "base64"} per line; stdout: one article per line)`;

/** The fields of the --jsonl contract, in its order. */
export function contractFields(a: ExtractedArticle): Record<string, unknown> {
  return {
    title: a.title,
    byline: a.byline,
    published: a.published,
    language: a.language,
    text: a.text,
    html: a.html,
    leadImage: a.leadImage?.url ?? null,
    images: a.images.map((i) => ({ url: i.url, caption: i.caption, credit: i.credit })),
    siteName: a.siteName,
    canonicalUrl: a.canonicalUrl,
  };
}

export function formatArticle(a: ExtractedArticle, url: string): string {
  const lines: string[] = [];
  lines.push(a.title ?? '(no title)');
  const meta = [a.byline, a.published?.slice(0, 10), a.siteName].filter(Boolean).join(' · ');
  if (meta) lines.push(meta);
  lines.push(a.canonicalUrl ?? url);
  if (a.leadImage) lines.push(`image: ${a.leadImage.url}`);
  lines.push('');
  lines.push(a.text ? a.text.split('\n').join('\n\n') : `(no article: ${a.emptyReason ?? 'empty'})`);
  const figures = a.images.filter((i) => i.caption || i.credit);
  if (figures.length) {
    lines.push('', 'Figures:');
    for (const f of figures) lines.push(`- ${f.caption ?? ''}${f.credit ? ` (${f.credit})` : ''} <${f.url}>`);
  }
  return `${lines.join('\n')}\n`;
}

async function runBatch(ctx: CliContext): Promise<number> {
  const pool = createExtractorPool({ size: 1, timeoutMs: 30_000 });
  try {
    return await runJsonl(ctx.stdin, ctx.stdout, async (line) => {
      const url = typeof line.url === 'string' ? line.url : '';
      const input = bytesOrText(line, 'html');
      const html = typeof input === 'string' ? input : decodeHtml(input);
      return contractFields(await pool.extract(html, url));
    });
  } finally {
    await pool.close();
  }
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    ctx.argv,
    { jsonl: { type: 'boolean' }, json: { type: 'boolean' }, url: { type: 'string' } },
    usage,
  );
  if (values.jsonl) {
    if (positionals.length)
      throw new UsageError(`--jsonl reads stdin and takes no FILE (usage: ${usage.split('\n')[0]})`);
    return runBatch(ctx);
  }
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new UsageError(usage.split('\n')[0]);
  let article: ExtractedArticle;
  let url: string;
  if (/^https?:\/\//i.test(target)) {
    const fetcher = createFetcher({
      allow: ctx.config.fetchAllow,
      contactUrl: ctx.config.contactUrl,
      timeoutMs: ctx.config.fetchTimeoutMs,
    });
    try {
      const res = await fetcher.fetch(target, { kind: 'page' });
      url = res.url;
      article = extractFromBytes(res.body, url, res.contentType);
    } finally {
      await fetcher.close();
    }
  } else {
    let bytes: Buffer;
    try {
      bytes = await readFile(target);
    } catch (error) {
      throw new UsageError(`cannot read ${target}: ${(error as Error).message}`);
    }
    url = values.url ?? pathToFileURL(resolve(target)).href;
    article = extractFromBytes(bytes, url);
  }
  ctx.stdout.write(values.json ? `${JSON.stringify(article, null, 2)}\n` : formatArticle(article, url));
  return 0;
}

export const command: Command = {
  name: 'extract',
  summary: 'extract the article of a page (FILE or URL, --json), or --jsonl batch on stdin',
  usage,
  run,
};
