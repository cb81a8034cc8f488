// JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/) -> the neutral Result.
import { LedeError } from '../../lib/errors.js';
import { parseDate } from './dates.js';
import type { Person, Result, ResultItem } from './result.js';
import { resolveUrl } from './urls.js';

type Json = Record<string, unknown>;

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;
}
function obj(v: unknown): Json | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function people(o: Json, base: string | null): Person[] {
  // 1.1 has "authors"; 1.0 had a single "author"
  const list = [...arr(o.authors), ...(o.author ? [o.author] : [])];
  const out: Person[] = [];
  for (const a of list) {
    const p = obj(a);
    if (!p) continue;
    const person = { name: str(p.name), email: null, url: link(p.url, base) };
    if ((person.name || person.url) && !out.some((q) => q.name === person.name && q.url === person.url))
      out.push(person);
  }
  return out;
}

function link(v: unknown, base: string | null): string | null {
  const s = str(v);
  return s ? resolveUrl(s, base) : null;
}

export function parseJsonFeed(text: string, url: string | null, errors: string[]): Result {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LedeError('feed_json', `invalid JSON feed: ${(error as Error).message}`);
  }
  const o = obj(data);
  const version = o ? str(o.version) : null;
  if (!o || !version?.startsWith('https://jsonfeed.org/version/')) {
    throw new LedeError('feed_unknown_format', 'JSON document is not a JSON Feed');
  }
  const base = str(o.feed_url) ?? url;
  const items: ResultItem[] = arr(o.items).flatMap((raw) => {
    const i = obj(raw);
    if (!i) return [];
    const image = link(i.image, base) ?? link(i.banner_image, base);
    const item: ResultItem = {
      id: str(i.id),
      title: str(i.title),
      link: link(i.url, base) ?? link(i.external_url, base),
      summary: str(i.summary),
      contentHtml:
        str(i.content_html) ?? (str(i.content_text) ? escapeHtml(str(i.content_text) as string) : null),
      published: parseDate(str(i.date_published)),
      updated: parseDate(str(i.date_modified)),
      authors: people(i, base),
      categories: arr(i.tags).flatMap((t) => (str(t) ? [{ term: str(t), scheme: null, label: null }] : [])),
      enclosures: arr(i.attachments).flatMap((a) => {
        const at = obj(a);
        const u = at ? link(at.url, base) : null;
        if (!at || !u) return [];
        const len = typeof at.size_in_bytes === 'number' ? at.size_in_bytes : null;
        return [{ url: u, type: str(at.mime_type), length: len }];
      }),
      comments: null,
      image: image ? { url: image } : null,
      language: str(i.language),
      otherLink: link(i.external_url, base),
    };
    return [item];
  });
  const icon = link(o.icon, base);
  return {
    format: 'json',
    version: version.slice('https://jsonfeed.org/version/'.length),
    wellFormed: errors.length === 0,
    errors,
    feed: {
      title: str(o.title),
      link: link(o.home_page_url, base),
      description: str(o.description),
      language: str(o.language),
      id: str(o.feed_url),
      copyright: null,
      generator: null,
      icon: link(o.favicon, base),
      updated: null,
      published: null,
      image: icon ? { url: icon, title: null, link: null, width: null, height: null } : null,
      authors: people(o, base),
      categories: [],
      hub:
        arr(o.hubs)
          .map((h) => obj(h)?.url)
          .find((u): u is string => typeof u === 'string') ?? null,
    },
    items,
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
