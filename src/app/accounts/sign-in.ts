/**
 * @module Signing in, as one use case: throttle check, password check (always run, so an unknown
 * address takes as long as a known one), then a session (pending its second factor when the account
 * has one), audited either way.
 */
import type { Store } from '../../store/index.ts';
import { recordAudit, type Actor } from './audit.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, endSession, readSession, type NewSession, type Where } from './sessions.ts';
import { accountKey, ACCOUNT_POLICY, addressKey, ADDRESS_POLICY, claimAttempt, clearFailures, releaseClaim } from './throttle.ts';
import { acceptTotp } from './users.ts';
import { edb } from './tables.ts';

export type SignInResult =
  | { kind: 'ok'; session: NewSession; pendingMfa: boolean }
  | { kind: 'failed' }
  | { kind: 'locked'; retryAfterMs: number };

let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password from `where`.
 *
 * @example await signIn(store, { email, password }, { ip: '203.0.113.9', userAgent: 'Firefox' }) // → { kind: 'ok', session, pendingMfa: false }
 */
export async function signIn(store: Store, creds: { email: string; password: string }, where: Where, now = new Date()): Promise<SignInResult> {
  const email = creds.email.trim().toLowerCase().slice(0, 254);
  const keys = [accountKey(email), addressKey(where.ip)];
  const actor: Actor = { id: null, email, ip: where.ip };
  // Each attempt is counted before the password is checked, so parallel guesses cannot all be checked.
  const account = await claimAttempt(store, keys[0], ACCOUNT_POLICY, now);
  const address = account.kind === 'claimed' ? await claimAttempt(store, keys[1], ADDRESS_POLICY, now) : account;
  if (account.kind === 'locked' || address.kind === 'locked') {
    if (account.kind === 'claimed') await releaseClaim(store, account.claim);
    const wait = account.kind === 'locked' ? account.retryAfterMs : (address as { retryAfterMs: number }).retryAfterMs;
    await recordAudit(store, actor, 'sign-in.locked', email, { retryAfterSeconds: Math.ceil(wait / 1000) });
    return { kind: 'locked', retryAfterMs: wait };
  }
  const user = await edb(store).selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const stored = user?.password_hash ?? (await (dummyHash ??= hashPassword('not a password of anyone')));
  const ok = (await verifyPassword(creds.password.slice(0, 1024), stored)) && !!user && !user.disabled;
  if (!ok || !user) {
    await recordAudit(store, actor, 'sign-in.failed', email, user?.disabled ? { reason: 'disabled' } : {});
    return { kind: 'failed' };
  }
  // A success is no failure: the account starts afresh; the address only gets its one attempt back.
  await clearFailures(store, keys[0]);
  await releaseClaim(store, address.claim);
  const pendingMfa = user.totp_enabled === 1;
  const session = await createSession(store, user.id, where, { pendingMfa, now });
  await recordAudit(store, { ...actor, id: user.id }, pendingMfa ? 'sign-in.password' : 'sign-in', email);
  return { kind: 'ok', session, pendingMfa };
}

/**
 * The second step: a code for a session that owes one. On success the pending session is replaced by a
 * new one (new token, new CSRF token); wrong codes count as failures for the account.
 */
export async function completeSignIn(store: Store, token: string, code: string, where: Where, now = new Date()): Promise<SignInResult> {
  const active = await readSession(store, token, now);
  if (!active || !active.session.pending_mfa) return { kind: 'failed' };
  const key = accountKey(active.user.email);
  const actor: Actor = { id: active.user.id, email: active.user.email, ip: where.ip };
  const claimed = await claimAttempt(store, key, ACCOUNT_POLICY, now);
  if (claimed.kind === 'locked') return claimed;
  if (!(await acceptTotp(store, active.user.id, code, now.getTime()))) {
    await recordAudit(store, actor, 'sign-in.code-failed', active.user.email);
    return { kind: 'failed' };
  }
  await clearFailures(store, key);
  await endSession(store, token);
  const session = await createSession(store, active.user.id, where, { now });
  await recordAudit(store, actor, 'sign-in', active.user.email, { secondFactor: true });
  return { kind: 'ok', session, pendingMfa: false };
}
