// Password hashing with argon2id (OWASP's first choice). The parameters are argon2's defaults
// (64 MiB, 3 passes, 4 lanes), above OWASP's minimum (19 MiB, 2 passes).
import argon2 from 'argon2';

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 200;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** Spends the same time as a real check when there is no such account (no timing oracle). */
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hashPassword('lede-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}

/** null when acceptable, else the reason shown to the person */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD) return `Use at least ${MIN_PASSWORD} characters.`;
  if (password.length > MAX_PASSWORD) return `Use at most ${MAX_PASSWORD} characters.`;
  return null;
}
