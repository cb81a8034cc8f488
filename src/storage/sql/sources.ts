import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DisplayPolicy, NewSource, Source, SourceKind } from '../../domain/types.js';
import { hexHash } from '../../lib/hash.js';
import type { SourceRepo } from '../store.js';
import type { SqlCodec } from './codec.js';
import { isTrue, type SourceTable, type SqlTables } from './tables.js';
import { utc, utcOrNull } from './util.js';

const DEFAULT_POLL_INTERVAL_SEC = 900;

type Patch = Parameters<SourceRepo['update']>[1];

/** The SourceRepo of both backends. */
export class SqlSourceRepo implements SourceRepo {
  constructor(
    private readonly db: Kysely<SqlTables>,
    private readonly codec: SqlCodec,
  ) {}

  async add(input: NewSource): Promise<{ source: Source; created: boolean }> {
    const first = await this.insert(input, hexHash(input.feedUrl));
    if (first) return first;
    // the stable id is taken by a source whose feed URL has since changed
    const second = await this.insert(input, hexHash(`${input.feedUrl}#${randomUUID()}`));
    if (second) return second;
    throw new Error(`source ${input.feedUrl} could not be added`);
  }

  private async insert(input: NewSource, id: string): Promise<{ source: Source; created: boolean } | null> {
    // a concurrent add of the same feed URL loses quietly and returns the winner's row
    const res = await this.db
      .insertInto('sources')
      .values({
        id,
        name: input.name,
        feed_url: input.feedUrl,
        homepage: input.homepage ?? null,
        country: input.country ?? null,
        language: input.language ?? null,
        topics: JSON.stringify(input.topics ?? []),
        kind: input.kind ?? 'feed',
        enabled: this.codec.bool(input.enabled ?? true),
        display_policy: input.displayPolicy ?? 'excerpt',
        etag: null,
        last_modified: null,
        next_poll_at: null,
        last_polled_at: null,
        last_success_at: null,
        poll_interval_sec: DEFAULT_POLL_INTERVAL_SEC,
        error_count: 0,
        last_error: null,
        last_error_at: null,
        paused_reason: null,
        websub_hub: null,
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    const created = Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
    const source = await this.getByFeedUrl(input.feedUrl);
    return source ? { source, created } : null;
  }

  async get(id: string): Promise<Source | null> {
    const r = await this.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? this.toSource(r) : null;
  }

  async getByFeedUrl(feedUrl: string): Promise<Source | null> {
    const r = await this.db
      .selectFrom('sources')
      .selectAll()
      .where('feed_url', '=', feedUrl)
      .executeTakeFirst();
    return r ? this.toSource(r) : null;
  }

  async list(filter: { enabled?: boolean } = {}): Promise<Source[]> {
    let q = this.db.selectFrom('sources').selectAll();
    if (filter.enabled !== undefined) q = q.where('enabled', '=', this.codec.bool(filter.enabled));
    const rows = await q.orderBy('name').orderBy('id').execute();
    return rows.map((r) => this.toSource(r));
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('sources')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    // a number on SQLite, a bigint's text on PostgreSQL
    return Number(r.n);
  }

  async update(id: string, patch: Patch): Promise<Source | null> {
    const cols = this.patchColumns(patch);
    if (Object.keys(cols).length > 0) {
      await this.db.updateTable('sources').set(cols).where('id', '=', id).execute();
    }
    return this.get(id);
  }

  async remove(id: string): Promise<boolean> {
    const res = await this.db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  async due(now: string, limit: number): Promise<Source[]> {
    const rows = await this.db
      .selectFrom('sources')
      .selectAll()
      .where('enabled', '=', this.codec.bool(true))
      .where('paused_reason', 'is', null)
      .where((eb) => eb.or([eb('next_poll_at', 'is', null), eb('next_poll_at', '<=', utc(now))]))
      // never polled first, then the longest overdue
      .orderBy('next_poll_at', (ob) => ob.asc().nullsFirst())
      .orderBy('created_at')
      .limit(Math.max(0, limit))
      .execute();
    return rows.map((r) => this.toSource(r));
  }

  private toSource(r: Selectable<SourceTable>): Source {
    return {
      id: r.id,
      name: r.name,
      feedUrl: r.feed_url,
      homepage: r.homepage,
      country: r.country,
      language: r.language,
      topics: this.codec.fromJson<string[]>(r.topics, []),
      kind: r.kind as SourceKind,
      enabled: isTrue(r.enabled),
      displayPolicy: r.display_policy as DisplayPolicy,
      etag: r.etag,
      lastModified: r.last_modified,
      nextPollAt: r.next_poll_at,
      lastPolledAt: r.last_polled_at,
      lastSuccessAt: r.last_success_at,
      pollIntervalSec: r.poll_interval_sec,
      errorCount: r.error_count,
      lastError: r.last_error,
      lastErrorAt: r.last_error_at,
      pausedReason: r.paused_reason,
      websubHub: r.websub_hub,
      createdAt: r.created_at,
    };
  }

  /** Column values for the fields present in a patch (undefined means "leave as is"). */
  private patchColumns(p: Patch): Updateable<SourceTable> {
    const c: Updateable<SourceTable> = {};
    if (p.name !== undefined) c.name = p.name;
    if (p.feedUrl !== undefined) c.feed_url = p.feedUrl;
    if (p.homepage !== undefined) c.homepage = p.homepage;
    if (p.country !== undefined) c.country = p.country;
    if (p.language !== undefined) c.language = p.language;
    if (p.topics !== undefined) c.topics = JSON.stringify(p.topics);
    if (p.kind !== undefined) c.kind = p.kind;
    if (p.enabled !== undefined) c.enabled = this.codec.bool(p.enabled);
    if (p.displayPolicy !== undefined) c.display_policy = p.displayPolicy;
    if (p.etag !== undefined) c.etag = p.etag;
    if (p.lastModified !== undefined) c.last_modified = p.lastModified;
    // times compared in SQL are stored in UTC ISO form
    if (p.nextPollAt !== undefined) c.next_poll_at = utcOrNull(p.nextPollAt);
    if (p.lastPolledAt !== undefined) c.last_polled_at = utcOrNull(p.lastPolledAt);
    if (p.lastSuccessAt !== undefined) c.last_success_at = utcOrNull(p.lastSuccessAt);
    if (p.pollIntervalSec !== undefined) c.poll_interval_sec = p.pollIntervalSec;
    if (p.errorCount !== undefined) c.error_count = p.errorCount;
    if (p.lastError !== undefined) c.last_error = p.lastError;
    if (p.lastErrorAt !== undefined) c.last_error_at = utcOrNull(p.lastErrorAt);
    if (p.pausedReason !== undefined) c.paused_reason = p.pausedReason;
    if (p.websubHub !== undefined) c.websub_hub = p.websubHub;
    return c;
  }
}
