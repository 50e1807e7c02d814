/**
 * @module The first-run setup token: a random secret `mizan serve` prints when the database has no
 * account, which opens the page that creates the first admin. It lives only in the memory of the process
 * that printed it, is valid for an hour or until used, and can be held by one request at a time, so two
 * submissions of the same address cannot both create an account.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a printed setup address stays valid. */
export const SETUP_TOKEN_MS = 60 * 60 * 1000;

export class SetupToken {
  readonly value: string;
  readonly expiresAt: number;
  private state: 'open' | 'held' | 'used' = 'open';

  constructor(now = Date.now(), ttlMs = SETUP_TOKEN_MS, value = randomBytes(24).toString('base64url')) {
    this.value = value;
    this.expiresAt = now + ttlMs;
  }

  /**
   * The token another process made (`mizan serve --processes N`: the first process makes it, and each
   * server process holds a copy, so the address works whichever one answers). Only one account can come
   * of it: creating the first admin refuses once any account exists.
   */
  static from(value: string, expiresAt: number): SetupToken {
    return new SetupToken(expiresAt, 0, value);
  }

  /** Whether `candidate` is this token and it can still be used (compared in constant time). */
  matches(candidate: string | undefined, now = Date.now()): boolean {
    if (this.state === 'used' || now >= this.expiresAt || typeof candidate !== 'string') return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.value);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Takes the token for one attempt; false when it does not match or another attempt holds it. */
  hold(candidate: string | undefined, now = Date.now()): boolean {
    if (this.state !== 'open' || !this.matches(candidate, now)) return false;
    this.state = 'held';
    return true;
  }

  /** The attempt failed (a weak password, say): the token can be used again. */
  release(): void {
    if (this.state === 'held') this.state = 'open';
  }

  /** The first account exists: the token is spent for good. */
  spend(): void {
    this.state = 'used';
  }

  get used(): boolean {
    return this.state === 'used';
  }
}
