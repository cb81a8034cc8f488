// Follows, bookmarks, mutes, reading history, moderation log, site settings, rate events.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Follow, FollowKind, ModerationAction, Mute, MuteKind } from '../../domain/types.js';
import { limitOf, offsetOf, utc } from '../sql/util.js';
import type {
  BookmarkRepo,
  FollowRepo,
  HistoryRepo,
  ModerationLogRepo,
  MuteRepo,
  Page,
  RateRepo,
  SettingRepo,
} from '../store.js';
import type { DB } from './schema.js';

/** follows and mutes share a shape: (user, kind, value) */
class KindValueRepo<K extends string> {
  constructor(
    protected readonly db: Kysely<DB>,
    private readonly table: 'follows' | 'mutes',
  ) {}

  async add(userId: string, kind: K, value: string, at: string): Promise<void> {
    await this.db
      .insertInto(this.table)
      .values({ user_id: userId, kind, value, created_at: utc(at) })
      .onConflict((oc) => oc.columns(['user_id', 'kind', 'value']).doNothing())
      .execute();
  }

  async remove(userId: string, kind: K, value: string): Promise<void> {
    await this.db
      .deleteFrom(this.table)
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .where('value', '=', value)
      .execute();
  }

  async list(userId: string): Promise<Array<{ kind: K; value: string; createdAt: string }>> {
    const rows = await this.db
      .selectFrom(this.table)
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('kind')
      .orderBy('value')
      .execute();
    return rows.map((r) => ({ kind: r.kind as K, value: r.value, createdAt: r.created_at }));
  }
}

export class SqliteFollowRepo extends KindValueRepo<FollowKind> implements FollowRepo {
  constructor(db: Kysely<DB>) {
    super(db, 'follows');
  }
  override list(userId: string): Promise<Follow[]> {
    return super.list(userId);
  }
}

export class SqliteMuteRepo extends KindValueRepo<MuteKind> implements MuteRepo {
  constructor(db: Kysely<DB>) {
    super(db, 'mutes');
  }
  override list(userId: string): Promise<Mute[]> {
    return super.list(userId);
  }
}

export class SqliteBookmarkRepo implements BookmarkRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async add(userId: string, articleId: string, at: string): Promise<void> {
    await this.db
      .insertInto('bookmarks')
      .values({ user_id: userId, article_id: articleId, created_at: utc(at) })
      .onConflict((oc) => oc.columns(['user_id', 'article_id']).doNothing())
      .execute();
  }

  async remove(userId: string, articleId: string): Promise<void> {
    await this.db
      .deleteFrom('bookmarks')
      .where('user_id', '=', userId)
      .where('article_id', '=', articleId)
      .execute();
  }

  async list(userId: string, page: Page = {}): Promise<Array<{ articleId: string; createdAt: string }>> {
    const rows = await this.db
      .selectFrom('bookmarks')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('article_id')
      .limit(limitOf(page.limit))
      .offset(offsetOf(page.offset))
      .execute();
    return rows.map((r) => ({ articleId: r.article_id, createdAt: r.created_at }));
  }
}

export class SqliteHistoryRepo implements HistoryRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async record(userId: string, articleId: string, at: string): Promise<void> {
    await this.db
      .insertInto('reading_history')
      .values({ user_id: userId, article_id: articleId, read_at: utc(at) })
      .onConflict((oc) => oc.columns(['user_id', 'article_id']).doUpdateSet({ read_at: utc(at) }))
      .execute();
  }

  async recent(userId: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('reading_history')
      .select('article_id')
      .where('user_id', '=', userId)
      .orderBy('read_at', 'desc')
      .orderBy('article_id')
      .limit(limitOf(limit))
      .execute();
    return rows.map((r) => r.article_id);
  }
}

export class SqliteModerationLogRepo implements ModerationLogRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async add(entry: Omit<ModerationAction, 'id'>): Promise<ModerationAction> {
    const action: ModerationAction = { id: randomUUID(), ...entry, createdAt: utc(entry.createdAt) };
    await this.db
      .insertInto('moderation_log')
      .values({
        id: action.id,
        actor_id: action.actorId,
        action: action.action,
        comment_id: action.commentId,
        subject_user_id: action.subjectUserId,
        note: action.note,
        created_at: action.createdAt,
      })
      .execute();
    return action;
  }

  async list(page: Page = {}): Promise<ModerationAction[]> {
    const rows = await this.db
      .selectFrom('moderation_log')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limitOf(page.limit))
      .offset(offsetOf(page.offset))
      .execute();
    return rows.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      action: r.action,
      commentId: r.comment_id,
      subjectUserId: r.subject_user_id,
      note: r.note,
      createdAt: r.created_at,
    }));
  }
}

export class SqliteSettingRepo implements SettingRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async all(): Promise<Record<string, string>> {
    const rows = await this.db.selectFrom('site_settings').selectAll().execute();
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('site_settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}

export class SqliteRateRepo implements RateRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async hit(key: string, at: string): Promise<void> {
    await this.db
      .insertInto('rate_events')
      .values({ key, at: utc(at) })
      .execute();
  }

  async count(key: string, since: string): Promise<number> {
    const r = await this.db
      .selectFrom('rate_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('at', '>=', utc(since))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('rate_events').where('key', '=', key).execute();
  }

  async purge(before: string): Promise<number> {
    const r = await this.db.deleteFrom('rate_events').where('at', '<', utc(before)).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
