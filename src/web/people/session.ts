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
/** Not a secret: only tells app.js on cached pages to show "Account" rather than "Sign in". */
export const SIGNED_IN_COOKIE = 'lede_in';

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
  setCookie(c, SIGNED_IN_COOKIE, '1', {
    path: '/',
    sameSite: 'Lax',
    secure: isHttps(p, c),
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function endSession(p: People, c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(p, c) });
  deleteCookie(c, SIGNED_IN_COOKIE, { path: '/', secure: isHttps(p, c) });
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

/** largest form body accepted (a comment is at most 5,000 characters) */
export const MAX_FORM_BYTES = 64 * 1024;
const FORMS = new WeakMap<Context, Record<string, string>>();

/** Reads an urlencoded form, at most MAX_FORM_BYTES whatever the headers say; null when over. */
async function readForm(c: Context): Promise<Record<string, string> | null> {
  const declared = Number(c.req.header('Content-Length') ?? '0');
  if (declared > MAX_FORM_BYTES) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const body = c.req.raw.body;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_FORM_BYTES) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  }
  const out: Record<string, string> = {};
  const type = c.req.header('Content-Type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return out;
  for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
    if (!(k in out)) out[k] = v;
  return out;
}

/** Rejects a form post whose `_csrf` field is missing or wrong with 403 (and an oversized one with 413). */
export function csrf(p: People): MiddlewareHandler {
  return async (c, next) => {
    const form = await readForm(c);
    if (!form) return c.text('Payload too large', 413, { 'Cache-Control': 'no-store' });
    FORMS.set(c, form);
    if (!(await csrfValid(p, c, form._csrf))) {
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

/** The form fields read by csrf() (every people POST route runs it first). */
export async function fields(c: Context): Promise<Record<string, string>> {
  return FORMS.get(c) ?? {};
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
