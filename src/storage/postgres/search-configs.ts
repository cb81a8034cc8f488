// The text search configurations a store's articles use. Search parses a query once per
// configuration in use (search-terms.ts), so a site in three languages pays for three parses
// and at most three index probes, not one per language PostgreSQL can stem. Articles written
// by this process are noted at once; those written by other processes (workers) are found by
// re-reading the languages in use every REFRESH_MS, a loose scan of the language index.
import { type Kysely, sql } from 'kysely';
import { configFor, FALLBACK_CONFIG } from './fts.js';
import type { DB } from './schema.js';

const REFRESH_MS = 60_000;

export class SearchConfigs {
  private used = new Set<string>([FALLBACK_CONFIG]);
  /** bumped whenever `used` grows, so parsed queries can be cached per version */
  private version = 0;
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | null = null;

  /** `available`: the lede_* configurations of the schema */
  constructor(readonly available: ReadonlySet<string>) {}

  /** The configuration for an article in `language`, noted as in use. */
  forLanguage(language: string | null): string {
    const config = configFor(language, this.available);
    this.note(config);
    return config;
  }

  /** The configurations in use and a version that changes when they do. */
  async inUse(db: Kysely<DB>): Promise<{ configs: ReadonlySet<string>; version: number }> {
    if (performance.now() - this.readAt >= REFRESH_MS) {
      this.reading ??= this.read(db).finally(() => {
        this.reading = null;
      });
      await this.reading;
    }
    return { configs: this.used, version: this.version };
  }

  private note(config: string): void {
    if (this.used.has(config)) return;
    this.used = new Set([...this.used, config]);
    this.version++;
  }

  /** Distinct languages, one index probe each (articles_language is on (language, sort_at)). */
  private async read(db: Kysely<DB>): Promise<void> {
    const { rows } = await sql<{ language: string | null }>`
      WITH RECURSIVE l(language) AS (
        (SELECT language FROM articles WHERE language IS NOT NULL ORDER BY language LIMIT 1)
        UNION ALL
        SELECT (SELECT a.language FROM articles a WHERE a.language > l.language ORDER BY a.language LIMIT 1)
        FROM l WHERE l.language IS NOT NULL)
      SELECT language FROM l WHERE language IS NOT NULL`.execute(db);
    for (const r of rows) this.note(configFor(r.language, this.available));
    this.readAt = performance.now();
  }
}
