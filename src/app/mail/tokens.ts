/**
 * @module Signed links for subscribers, who have no account: a link says what it is for (confirm,
 * manage, unsubscribe), whom (the subscriber id and the version of their links) and until when, and
 * carries an HMAC-SHA-256 of that under the secret migration 050 stored in the database. Deleting a
 * subscriber, or bumping their `token_version`, kills every link they hold.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Store } from '../../store/index.ts';

export type TokenPurpose = 'confirm' | 'manage' | 'unsubscribe';

export interface TokenClaims {
  purpose: TokenPurpose;
  subscriberId: string;
  version: number;
  /** Milliseconds since the epoch; 0 for links that do not expire. */
  expires: number;
}

/** How long a confirmation link works. */
export const CONFIRM_TTL_MS = 48 * 3600_000;

const secrets = new WeakMap<object, Promise<Buffer>>();

/** The signing secret of this database (read once per store). */
export function mailSecret(store: Store): Promise<Buffer> {
  let got = secrets.get(store.db);
  if (!got) {
    got = store.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'mail_secret')
      .executeTakeFirstOrThrow()
      .then((r) => Buffer.from(r.value, 'base64url'));
    secrets.set(store.db, got);
  }
  return got;
}

function mac(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url').slice(0, 32);
}

/**
 * A link token for `claims`.
 *
 * @example signToken(secret, { purpose: 'manage', subscriberId: 's1', version: 1, expires: 0 }) // → 'manage.s1.1.0.Zk3…'
 */
export function signToken(secret: Buffer, claims: TokenClaims): string {
  const body = `${claims.purpose}.${claims.subscriberId}.${claims.version}.${claims.expires}`;
  return `${body}.${mac(secret, body)}`;
}

/** The claims of a token signed for `purpose` that is genuine and unexpired, else undefined. */
export function readToken(secret: Buffer, token: unknown, purpose: TokenPurpose, now = Date.now()): TokenClaims | undefined {
  if (typeof token !== 'string' || token.length > 200) return undefined;
  const parts = token.split('.');
  if (parts.length !== 5) return undefined;
  const [p, subscriberId, version, expires, sig] = parts;
  if (p !== purpose || !/^[A-Za-z0-9_-]{1,40}$/.test(subscriberId) || !/^\d{1,9}$/.test(version) || !/^\d{1,15}$/.test(expires)) return undefined;
  const want = Buffer.from(mac(secret, parts.slice(0, 4).join('.')));
  const got = Buffer.from(sig);
  if (got.length !== want.length || !timingSafeEqual(got, want)) return undefined;
  const exp = Number(expires);
  if (exp && exp < now) return undefined;
  return { purpose, subscriberId, version: Number(version), expires: exp };
}
