// `lede enrich --jsonl`: the enrich stage as a batch filter (DESIGN.md contract), and
// `lede enrich FILE`: one text file enriched for a person to read.
// stdin {id, title, text, url?, published?} -> stdout {id, language, category, entities, hashtags,
// keyPoints, figures, quotes, events}.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Enrichment } from '../domain/types.js';
import { enrichArticle } from '../pipeline/enrich/index.js';
import type { EnrichInput } from '../pipeline/enrich/types.js';
import { parseCommandArgs } from './args.js';
import { type CliContext, type Command, UsageError } from './command.js';
import { runJsonl } from './jsonl.js';

const usage = `Usage: lede enrich --jsonl | lede enrich [--json] [--title T] [--published DATE] FILE
  --jsonl: stdin {"id", "title", "text", "url"?, "published"?} per line ->
           stdout {"id", "language", "category", "entities", "hashtags", "keyPoints", "figures", "quotes", "events"}
  FILE:    a UTF-8 text file (first line = title unless --title); prints the enrichment for a reader`;

function optionalString(line: Record<string, unknown>, field: string): string | null {
  const v = line[field];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new Error(`"${field}" must be a string`);
  return v;
}

export function toEnrichInput(line: Record<string, unknown>): EnrichInput {
  if (typeof line.id !== 'string' && typeof line.id !== 'number') throw new Error('missing "id"');
  const text = optionalString(line, 'text');
  if (text === null) throw new Error('missing "text"');
  return {
    title: optionalString(line, 'title') ?? '',
    text,
    url: optionalString(line, 'url'),
    published: optionalString(line, 'published'),
    language: optionalString(line, 'language'),
  };
}

/** The contract's fields, in the contract's order (readingMinutes is not part of it). */
export function contractFields(e: Enrichment): Record<string, unknown> {
  return {
    language: e.language,
    category: e.category,
    entities: e.entities.map(({ text, type, start, end }) => ({ text, type, start, end })),
    hashtags: e.hashtags,
    keyPoints: e.keyPoints,
    figures: e.figures,
    quotes: e.quotes,
    events: e.events,
  };
}

export function enrichHandler(line: Record<string, unknown>): Record<string, unknown> {
  return contractFields(enrichArticle(toEnrichInput(line)));
}

function human(title: string, e: Enrichment): string {
  const out = [
    `# ${title || '(untitled)'}`,
    `language: ${e.language ?? '?'}  category: ${e.category ?? '?'}  reading: ${e.readingMinutes} min`,
  ];
  if (e.hashtags.length) out.push(`tags: ${e.hashtags.map((h) => `#${h}`).join(' ')}`);
  const section = (name: string, lines: string[]) => {
    if (lines.length) out.push('', `${name}:`, ...lines.map((l) => `  - ${l}`));
  };
  section(
    'key points',
    e.keyPoints.map((k) => k.text),
  );
  section(
    'entities',
    e.entities.map((x) => `${x.text} (${x.type})`),
  );
  section(
    'figures',
    e.figures.map(
      (f) =>
        `${f.text}  [value ${f.value}${f.valueMax != null ? `..${f.valueMax}` : ''}${f.unit ? ` ${f.unit}` : ''}${f.counts ? `, counts ${f.counts}` : ''}${f.claimant ? `, per ${f.claimant}` : ''}]`,
    ),
  );
  section(
    'quotes',
    e.quotes.map(
      (q) =>
        `“${q.text}” — ${q.mention ?? '?'}${q.speaker && q.speaker !== q.mention ? ` (${q.speaker})` : ''}`,
    ),
  );
  section(
    'events',
    e.events.map((ev) => `${ev.date}: ${ev.text}`),
  );
  return out.join('\n');
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    ctx.argv,
    {
      jsonl: { type: 'boolean' },
      json: { type: 'boolean' },
      title: { type: 'string' },
      published: { type: 'string' },
    },
    usage,
  );
  if (values.jsonl) {
    if (positionals.length)
      throw new UsageError(`--jsonl reads stdin, not files (usage: ${usage.split('\n')[0]})`);
    return runJsonl(ctx.stdin, ctx.stdout, enrichHandler);
  }
  if (positionals.length !== 1)
    throw new UsageError(`give one text file or --jsonl (usage: ${usage.split('\n')[0]})`);
  const file = positionals[0];
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let title = typeof values.title === 'string' ? values.title : '';
  let text = raw.replace(/\r\n?/g, '\n');
  if (!title) {
    const nl = text.indexOf('\n');
    title = nl >= 0 ? text.slice(0, nl).trim() : basename(file);
    if (nl >= 0) text = text.slice(nl + 1).replace(/^\n+/, '');
  }
  const published = typeof values.published === 'string' ? values.published : null;
  const e = enrichArticle({ title, text, published });
  ctx.stdout.write(
    `${values.json ? JSON.stringify({ title, ...contractFields(e) }, null, 2) : human(title, e)}\n`,
  );
  return 0;
}

export const command: Command = {
  name: 'enrich',
  summary: 'Enrich articles offline (JSON Lines or one text file)',
  usage,
  run,
};
