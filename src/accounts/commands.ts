// Account commands: sign-up, sign-in, sign-out, password reset, deletion, roles. Messages never
// say whether an address has an account (no enumeration); sign-in failures are throttled per
// account and per address.
import type { Role, Session, User } from '../domain/types.js';
import type { Store } from '../storage/store.js';
import type { Mailer } from './mailer.js';
import { burnVerify, hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import type { Throttle } from './throttle.js';
import { randomToken, sha256 } from './tokens.js';

export const SESSION_DAYS = 30;
export const RESET_MINUTES = 60;
const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}\.[^\s@<>"]{2,63}$/;
export const NAME_MAX = 60;

export interface AccountDeps {
  store: Store;
  throttle: Throttle;
  mailer: Mailer;
  now?: () => Date;
}

export type Result<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
const fail = <T>(code: string, message: string): Result<T> => ({ ok: false, code, message });

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** A display name: trimmed, control characters removed, capped. Escaped wherever shown. */
export function cleanName(name: string): string {
  return name
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, NAME_MAX);
}

export async function newSession(store: Store, userId: string, now: Date): Promise<Session> {
  const session: Session = {
    id: randomToken(),
    userId,
    csrf: randomToken(),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
  };
  await store.sessions.create(session);
  return session;
}

/** Creates an account directly (CLI, first account); the very first account is an admin. */
export async function createAccount(
  store: Store,
  input: { email: string; name: string; password: string; role?: Role },
): Promise<Result<User>> {
  const email = normalizeEmail(input.email);
  if (!EMAIL.test(email)) return fail('bad_email', 'Enter a valid email address.');
  const problem = passwordProblem(input.password);
  if (problem) return fail('bad_password', problem);
  const passwordHash = await hashPassword(input.password);
  const name = cleanName(input.name) || email.split('@')[0];
  const user = await store.transaction(async (tx) => {
    const role: Role = (await tx.users.count()) === 0 ? 'admin' : (input.role ?? 'reader');
    return tx.users.create({ email, name, passwordHash, role });
  });
  return user ? { ok: true, value: user } : fail('email_taken', 'That address already has an account.');
}

/**
 * Sign-up answers the same whether or not the address is taken: the page says "account ready,
 * sign in"; the owner of a taken address gets an email instead of a new account.
 */
export async function signUp(
  deps: AccountDeps,
  input: { email: string; name: string; password: string; address: string; origin: string },
): Promise<Result<User | null>> {
  const { store, throttle, mailer } = deps;
  if (!(await throttle.take('signUpAddress', input.address))) {
    return fail('throttled', 'Too many attempts. Try again later.');
  }
  const created = await createAccount(store, input);
  if (created.ok) return created;
  if (created.code !== 'email_taken') return created;
  await mailer.send({
    to: normalizeEmail(input.email),
    subject: 'Someone tried to create an account with your address',
    text: `Somebody tried to sign up at ${input.origin} with this address, which already has an account.\nIf it was you, sign in or reset your password at ${input.origin}/reset.`,
  });
  return { ok: true, value: null };
}

const WRONG = 'Email or password is not right.';
const THROTTLED = 'Too many failed attempts. Wait a few minutes and try again.';

/** Signs in; the caller drops the old session (rotation) and sets the new one. */
export async function signIn(
  deps: AccountDeps,
  input: { email: string; password: string; address: string },
): Promise<Result<{ user: User; session: Session }>> {
  const { store, throttle } = deps;
  const email = normalizeEmail(input.email);
  if (
    (await throttle.blocked('signInAccount', email)) ||
    (await throttle.blocked('signInAddress', input.address))
  ) {
    return fail('throttled', THROTTLED);
  }
  const user = await store.users.getByEmail(email);
  const hash = user ? await store.users.passwordHash(user.id) : null;
  let good = false;
  if (hash) good = await verifyPassword(hash, input.password);
  else await burnVerify(input.password);
  if (!user || !good) {
    await throttle.hit('signInAccount', email);
    await throttle.hit('signInAddress', input.address);
    return fail('wrong', WRONG);
  }
  await throttle.clear('signInAccount', email);
  const now = (deps.now ?? (() => new Date()))();
  // housekeeping on a few sign-ins: expired sessions and day-old rate events go
  if (Math.random() < 0.05) {
    await store.sessions.purge(now.toISOString());
    await store.rates.purge(new Date(now.getTime() - 86_400_000).toISOString());
  }
  const session = await newSession(store, user.id, now);
  return { ok: true, value: { user, session } };
}

/** Always "if the address has an account, a link is on its way". */
export async function requestReset(
  deps: AccountDeps,
  input: { email: string; address: string; baseUrl: string },
): Promise<void> {
  const { store, throttle, mailer } = deps;
  if (!(await throttle.take('resetAddress', input.address))) return;
  const user = await store.users.getByEmail(normalizeEmail(input.email));
  if (!user) return;
  const token = randomToken();
  const now = (deps.now ?? (() => new Date()))();
  await store.passwordResets.create({
    tokenHash: sha256(token),
    userId: user.id,
    expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
  });
  await mailer.send({
    to: user.email,
    subject: 'Reset your password',
    text: `Open this link within ${RESET_MINUTES} minutes to choose a new password:\n${input.baseUrl}/reset/${token}\n\nIf you did not ask for it, ignore this message.`,
  });
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPassword(
  deps: AccountDeps,
  input: { token: string; password: string },
): Promise<Result<User>> {
  const problem = passwordProblem(input.password);
  if (problem) return fail('bad_password', problem);
  const now = (deps.now ?? (() => new Date()))();
  const userId = await deps.store.passwordResets.take(sha256(input.token), now.toISOString());
  const user = userId ? await deps.store.users.get(userId) : null;
  if (!user) return fail('bad_token', 'This link has expired or was used already. Ask for a new one.');
  await deps.store.users.setPasswordHash(user.id, await hashPassword(input.password));
  await deps.store.sessions.removeForUser(user.id);
  return { ok: true, value: user };
}

/** Deletes the account after checking the password; the person's data goes with it. */
export async function deleteAccount(deps: AccountDeps, user: User, password: string): Promise<Result<true>> {
  const hash = await deps.store.users.passwordHash(user.id);
  if (!hash || !(await verifyPassword(hash, password))) return fail('wrong', 'That password is not right.');
  await deps.store.transaction((tx) => tx.users.remove(user.id));
  return { ok: true, value: true };
}

/** An admin changes someone's role; logged. The last admin cannot demote themself. */
export async function setRole(store: Store, actor: User, userId: string, role: Role): Promise<Result<User>> {
  if (actor.role !== 'admin') return fail('forbidden', 'Only admins change roles.');
  if (actor.id === userId && role !== 'admin')
    return fail('last_admin', 'You cannot remove your own admin role.');
  const user = await store.users.update(userId, { role });
  if (!user) return fail('not_found', 'No such account.');
  await store.moderationLog.add({
    actorId: actor.id,
    action: 'role',
    commentId: null,
    subjectUserId: userId,
    note: `role set to ${role}`,
    createdAt: new Date().toISOString(),
  });
  return { ok: true, value: user };
}
