// Throttles and rate limits over the store's rate events, so that every web process shares
// them. A limit is `max` events per `windowMs` per key.
import type { Store } from '../storage/store.js';

export interface Limit {
  max: number;
  windowMs: number;
}

export const LIMITS = {
  /** failed sign-ins per account (the email typed, whether or not it exists) */
  signInAccount: { max: 5, windowMs: 15 * 60_000 },
  /** failed sign-ins per network address */
  signInAddress: { max: 20, windowMs: 15 * 60_000 },
  signUpAddress: { max: 10, windowMs: 60 * 60_000 },
  resetAddress: { max: 5, windowMs: 60 * 60_000 },
  commentAccount: { max: 5, windowMs: 60_000 },
  commentAccountHour: { max: 60, windowMs: 60 * 60_000 },
  commentAddress: { max: 20, windowMs: 60_000 },
  reportAccount: { max: 20, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

export class Throttle {
  constructor(
    private readonly store: Store,
    private readonly limits: Record<LimitName, Limit> = LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private key(name: LimitName, subject: string): string {
    return `${name}:${subject.toLowerCase()}`;
  }

  /** true when `subject` is over the limit (nothing is recorded) */
  async blocked(name: LimitName, subject: string): Promise<boolean> {
    const limit = this.limits[name];
    const since = new Date(this.now() - limit.windowMs).toISOString();
    return (await this.store.rates.count(this.key(name, subject), since)) >= limit.max;
  }

  async hit(name: LimitName, subject: string): Promise<void> {
    await this.store.rates.hit(this.key(name, subject), new Date(this.now()).toISOString());
  }

  /** records one event and says whether it went over the limit */
  async take(name: LimitName, subject: string): Promise<boolean> {
    if (await this.blocked(name, subject)) return false;
    await this.hit(name, subject);
    return true;
  }

  async clear(name: LimitName, subject: string): Promise<void> {
    await this.store.rates.clear(this.key(name, subject));
  }
}
