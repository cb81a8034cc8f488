// Users, sessions and password-reset tokens.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Role, Session, User } from '../../domain/types.js';
import { limitOf, offsetOf, utc } from '../sql/util.js';
import type { NewUser, Page, PasswordResetRepo, SessionRepo, UserRepo } from '../store.js';
import type { UserRow } from './people-schema.js';
import type { DB } from './schema.js';

const toUser = (r: Selectable<UserRow>): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  createdAt: r.created_at,
});

const normEmail = (email: string): string => email.trim().toLowerCase();

export class SqliteUserRepo implements UserRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async create(input: NewUser): Promise<User | null> {
    const row = {
      id: randomUUID(),
      email: normEmail(input.email),
      name: input.name,
      password_hash: input.passwordHash,
      role: input.role,
      created_at: new Date().toISOString(),
    };
    const result = await this.db
      .insertInto('users')
      .values(row)
      .onConflict((oc) => oc.column('email').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? toUser(row) : null;
  }

  async get(id: string): Promise<User | null> {
    const r = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toUser(r) : null;
  }

  async getByEmail(email: string): Promise<User | null> {
    const r = await this.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', normEmail(email))
      .executeTakeFirst();
    return r ? toUser(r) : null;
  }

  async passwordHash(id: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', id)
      .executeTakeFirst();
    return r?.password_hash ?? null;
  }

  async setPasswordHash(id: string, hash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
  }

  async update(id: string, patch: { name?: string; role?: Role }): Promise<User | null> {
    const set: Partial<UserRow> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.role !== undefined) set.role = patch.role;
    if (Object.keys(set).length > 0)
      await this.db.updateTable('users').set(set).where('id', '=', id).execute();
    return this.get(id);
  }

  async list(page: Page = {}): Promise<User[]> {
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .limit(limitOf(page.limit))
      .offset(offsetOf(page.offset))
      .execute();
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async remove(id: string): Promise<boolean> {
    const db = this.db;
    for (const table of [
      'sessions',
      'password_resets',
      'follows',
      'bookmarks',
      'mutes',
      'reading_history',
      'comment_reports',
    ] as const) {
      await db.deleteFrom(table).where('user_id', '=', id).execute();
    }
    await db
      .updateTable('comments')
      .set({ user_id: null, author_name: '', body: '', status: 'deleted', idempotency_key: null })
      .where('user_id', '=', id)
      .execute();
    const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

export class SqliteSessionRepo implements SessionRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async create(s: Session): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: s.id,
        user_id: s.userId,
        csrf: s.csrf,
        created_at: utc(s.createdAt),
        expires_at: utc(s.expiresAt),
      })
      .execute();
  }

  async get(id: string, now: string): Promise<Session | null> {
    const r = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', id)
      .where('expires_at', '>', utc(now))
      .executeTakeFirst();
    return r
      ? { id: r.id, userId: r.user_id, csrf: r.csrf, createdAt: r.created_at, expiresAt: r.expires_at }
      : null;
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async removeForUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async purge(before: string): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('expires_at', '<', utc(before)).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

export class SqlitePasswordResetRepo implements PasswordResetRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async create(input: { tokenHash: string; userId: string; expiresAt: string }): Promise<void> {
    await this.db
      .insertInto('password_resets')
      .values({ token_hash: input.tokenHash, user_id: input.userId, expires_at: utc(input.expiresAt) })
      .execute();
  }

  async take(tokenHash: string, now: string): Promise<string | null> {
    const r = await this.db
      .deleteFrom('password_resets')
      .where('token_hash', '=', tokenHash)
      .returning(['user_id', 'expires_at'])
      .executeTakeFirst();
    if (!r || r.expires_at <= utc(now)) return null;
    return r.user_id;
  }
}
