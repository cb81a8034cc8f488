// Per-request identity: the session cookie, the signed-in user, the CSRF token of every form,
// the client's address and scheme. No global middleware: each people route asks for what it
// needs, so that the reader's public pages (cached for everyone) never touch a session.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_DAYS } from '../../accounts/commands.js';
import { isAdmin, isModerator } from '../../accounts/policy.js';
import { hmac, randomToken, sameToken } from '../../accounts/tokens.js';
import type { Session, User } from '../../domain/types.js';
import type { People } from './options.js';

export const SESSION_COOKIE = 'lede_session';
export const PRE_COOKIE = 'lede_csrf';

export interface Who {
  session: Session | null;
  user: User | null;
}

const WHO = Symbol('who');
type WithWho = Context & { [WHO]?: Promise<Who> };

export function isHttps(p: People, c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (p.trustProxy && c.req.header('X-Forwarded-Proto')?.split(',')[0].trim() === 'https') return true;
  return p.publicUrl?.startsWith('https:') ?? false;
}

export function clientAddress(p: People, c: Context): string {
  if (p.trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0].trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

export function who(p: People, c: Context): Promise<Who> {
  const cx = c as WithWho;
  cx[WHO] ??= (async () => {
    const id = getCookie(c, SESSION_COOKIE);
    if (!id || id.length > 100) return { session: null, user: null };
    const session = await p.web.store.sessions.get(id, new Date().toISOString());
    const user = session ? await p.web.store.users.get(session.userId) : null;
    return user ? { session, user } : { session: null, user: null };
  })();
  return cx[WHO];
}

export function startSession(p: People, c: Context, session: Session, user: User): void {
  (c as WithWho)[WHO] = Promise.resolve({ session, user });
  setCookie(c, SESSION_COOKIE, session.id, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(p, c),
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function endSession(p: People, c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(p, c) });
}

/** The token every form carries: the session's own, or (signed out) an HMAC of a cookie nonce. */
export async function csrfToken(p: People, c: Context): Promise<string> {
  const { session } = await who(p, c);
  if (session) return session.csrf;
  let nonce = getCookie(c, PRE_COOKIE);
  if (!nonce || nonce.length > 100) {
    nonce = randomToken();
    setCookie(c, PRE_COOKIE, nonce, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(p, c) });
  }
  return hmac(await p.secret(), nonce);
}

async function csrfValid(p: People, c: Context, token: string | undefined): Promise<boolean> {
  const { session } = await who(p, c);
  if (session) return sameToken(token, session.csrf);
  const nonce = getCookie(c, PRE_COOKIE);
  return !!nonce && sameToken(token, hmac(await p.secret(), nonce));
}

/** Rejects a form post whose `_csrf` field is missing or wrong with 403. */
export function csrf(p: People): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('Content-Type') ?? '';
    const form =
      type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
        ? await c.req.parseBody()
        : {};
    const token = typeof form._csrf === 'string' ? form._csrf : undefined;
    if (!(await csrfValid(p, c, token))) {
      return c.text(
        'Forbidden: this form has expired or did not come from this site. Go back, reload and try again.',
        403,
        {
          'Cache-Control': 'no-store',
        },
      );
    }
    await next();
  };
}

/** Form fields as strings (files and repeated fields ignored). */
export async function fields(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

export type Gate = 'user' | 'moderator' | 'admin';

export function allowed(user: User | null, gate: Gate): boolean {
  if (gate === 'admin') return isAdmin(user);
  if (gate === 'moderator') return isModerator(user);
  return user !== null;
}

/** Sends signed-out people to sign in (GET) and refuses others with 403. */
export function gate(p: People, level: Gate): MiddlewareHandler {
  return async (c, next) => {
    const { user } = await who(p, c);
    if (!user) {
      if (c.req.method === 'GET')
        return c.redirect(`/signin?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303);
      return c.text('Forbidden: sign in first.', 403, { 'Cache-Control': 'no-store' });
    }
    if (!allowed(user, level)) return c.text('Forbidden.', 403, { 'Cache-Control': 'no-store' });
    await next();
  };
}

/** A local path to go back to after a form; anything else becomes "/". */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/';
}

export const newIdempotencyKey = randomToken;
