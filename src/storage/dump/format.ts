// `lede export` / `lede import-db` file format, backend-neutral: JSON Lines, a header, one line
// per row ({"t": table, "r": {column: value}}), then a trailer with per-table counts and
// checksums. Row values are SQLite's shapes (text, numbers, 0/1 booleans, JSON as text);
// derived columns (ordering copies, search vectors) are left out and rebuilt on import.
import { createHash } from 'node:crypto';

export const FORMAT = 'lede-export';
export const VERSION = 1;

/** Tables in an order that satisfies foreign keys on import; unknown tables follow, sorted. */
export const TABLE_ORDER = [
  'sources',
  'stories',
  'story_merges',
  'articles',
  'tags',
  'article_tags',
  'jobs',
  'users',
  'sessions',
  'password_resets',
  'comments',
  'comment_reports',
  'follows',
  'bookmarks',
  'mutes',
  'reading_history',
  'moderation_log',
  'site_settings',
  'rate_events',
];

/** Columns one backend derives from others: never exported. */
export const DERIVED: Record<string, string[]> = {
  articles: ['sort_at', 'seq', 'search_config', 'tsv'],
  stories: ['rank_at'],
};

export function orderTables(tables: string[]): string[] {
  const known = TABLE_ORDER.filter((t) => tables.includes(t));
  return [...known, ...tables.filter((t) => !TABLE_ORDER.includes(t)).sort()];
}

export type Row = Record<string, unknown>;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Row)[k])]),
    );
  }
  if (typeof value === 'string' && /^[[{]/.test(value)) {
    // JSON held as text (SQLite) and as jsonb (PostgreSQL) compare by content
    try {
      return { json: canonical(JSON.parse(value)) };
    } catch {
      return value;
    }
  }
  return value;
}

/** Order-independent checksum of a table: XOR of each row's SHA-256 over canonical JSON. */
export class TableChecksum {
  private readonly acc = Buffer.alloc(32);
  count = 0;
  add(row: Row): void {
    const digest = createHash('sha256')
      .update(JSON.stringify(canonical(row)))
      .digest();
    for (let i = 0; i < 32; i++) this.acc[i] ^= digest[i];
    this.count++;
  }
  hex(): string {
    return this.acc.toString('hex');
  }
}

export interface Trailer {
  end: true;
  counts: Record<string, number>;
  checksums: Record<string, string>;
}

/** What each backend offers to export and import. */
export interface Dumper {
  tables(): Promise<string[]>;
  rows(table: string): AsyncIterable<Row>;
  /** inserts neutral rows (the target must be empty) */
  insert(table: string, rows: Row[]): Promise<void>;
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
}
