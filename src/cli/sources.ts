// `lede sources add URL | list | remove ID | enable ID | disable ID`
import { readFileSync, writeFileSync } from 'node:fs';
import { CATEGORIES, type Source } from '../domain/types.js';
import { parseOpml, writeOpml } from '../pipeline/feeds/index.js';
import { openStore } from '../storage/open.js';
import type { Store } from '../storage/store.js';
import { parseCommandArgs } from './args.js';
import { type CliContext, type Command, UsageError } from './command.js';

const usage = `Usage: lede sources list [--json]
       lede sources add FEED_URL [--name NAME] [--homepage URL] [--country CC] [--language LL] [--topics a,b]
       lede sources remove|enable|disable ID_OR_FEED_URL
       lede sources import-opml FILE      (folders become topics)
       lede sources export-opml [FILE]    (to stdout without FILE)`;

async function find(store: Store, key: string): Promise<Source> {
  const source = (await store.sources.get(key)) ?? (await store.sources.getByFeedUrl(key));
  if (!source) throw new UsageError(`no source "${key}": run lede sources list to see ids`);
  return source;
}

function checkUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `"${value}" is not a URL: give the feed's full address, e.g. https://example.org/feed.xml`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`"${value}" is not an http(s) URL`);
  }
  return url.href;
}

function line(s: Source): string {
  const health = !s.enabled
    ? 'disabled'
    : s.pausedReason
      ? `paused: ${s.pausedReason}`
      : s.errorCount
        ? `${s.errorCount} errors: ${s.lastError ?? ''}`
        : 'ok';
  return `${s.id}  ${s.name}  ${s.feedUrl}  [${s.country ?? '--'} ${s.language ?? '--'}]  ${health}`;
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    ctx.argv,
    {
      json: { type: 'boolean' },
      name: { type: 'string' },
      homepage: { type: 'string' },
      country: { type: 'string' },
      language: { type: 'string' },
      topics: { type: 'string' },
    },
    usage,
  );
  const [action, target] = positionals;
  if (!action) throw new UsageError(`missing action: ${usage.split('\n')[0].replace('Usage: ', '')}`);
  if (action !== 'list' && action !== 'export-opml' && !target)
    throw new UsageError(`lede sources ${action} needs a feed URL or source id`);
  const store = await openStore(ctx.config);
  try {
    switch (action) {
      case 'list': {
        const sources = await store.sources.list();
        if (values.json) ctx.stdout.write(`${JSON.stringify(sources, null, 2)}\n`);
        else for (const s of sources) ctx.stdout.write(`${line(s)}\n`);
        return 0;
      }
      case 'add': {
        const feedUrl = checkUrl(target);
        const { source, created } = await store.sources.add({
          feedUrl,
          name: values.name ?? new URL(feedUrl).hostname.replace(/^www\./, ''),
          homepage: values.homepage ? checkUrl(values.homepage) : new URL('/', feedUrl).href,
          country: values.country?.toUpperCase() ?? null,
          language: values.language?.toLowerCase() ?? null,
          topics: values.topics
            ? values.topics
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean)
            : [],
        });
        ctx.stdout.write(`${created ? 'added' : 'already there'}: ${line(source)}\n`);
        return 0;
      }
      case 'remove': {
        const source = await find(store, target);
        await store.sources.remove(source.id);
        ctx.stdout.write(`removed: ${source.name} (${source.feedUrl})\n`);
        return 0;
      }
      case 'enable':
      case 'disable': {
        const source = await find(store, target);
        const updated = await store.sources.update(source.id, {
          enabled: action === 'enable',
          ...(action === 'enable' ? { pausedReason: null, errorCount: 0, nextPollAt: null } : {}),
        });
        ctx.stdout.write(`${action}d: ${line(updated ?? source)}\n`);
        return 0;
      }
      case 'import-opml': {
        let xml: Buffer;
        try {
          xml = readFileSync(target);
        } catch {
          throw new UsageError(`cannot read ${target}: give the path of an OPML file`);
        }
        const { outlines } = parseOpml(xml);
        let added = 0;
        for (const outline of outlines) {
          const topics = outline.categories
            .map((c) => c.toLowerCase())
            .filter((c): c is (typeof CATEGORIES)[number] => (CATEGORIES as readonly string[]).includes(c));
          const { created } = await store.sources.add({
            feedUrl: outline.xmlUrl,
            name: outline.title || outline.xmlUrl,
            homepage: outline.htmlUrl,
            language: outline.language,
            topics,
          });
          if (created) added++;
        }
        ctx.stdout.write(`imported ${added} new sources of ${outlines.length} in ${target}\n`);
        return 0;
      }
      case 'export-opml': {
        const opml = writeOpml(await store.sources.list());
        if (target) writeFileSync(target, opml);
        else ctx.stdout.write(opml);
        return 0;
      }
      default:
        throw new UsageError(
          `unknown action "${action}": use list, add, remove, enable, disable, import-opml or export-opml`,
        );
    }
  } finally {
    await store.close();
  }
}

export const command: Command = {
  name: 'sources',
  summary: 'list, add, remove, enable or disable news sources',
  usage,
  run,
};
