/**
 * @module Sessions stored in the database. The cookie holds a random token; the table holds only its
 * SHA-256, the account, a CSRF token, and the idle and absolute deadlines. A new token is issued at
 * every sign-in step (no session fixation), and signing out everywhere deletes every row of an account.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../store/index.ts';
import { edb, type SessionsTable, type UsersTable } from './tables.ts';

/** A session ends after this long without a request… */
export const IDLE_MS = 2 * 60 * 60 * 1000;
/** …and after this long in any case. */
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** A session owing its second factor has this long to give it. */
export const PENDING_MS = 5 * 60 * 1000;
/** last_seen_at is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  csrf: string;
}

export interface Where {
  ip: string;
  userAgent: string;
}

/**
 * Opens a session for an account.
 *
 * @example const { token, csrf } = await createSession(store, user.id, { ip, userAgent }, { pendingMfa: false })
 */
export async function createSession(store: Store, userId: string, where: Where, opts: { pendingMfa?: boolean; now?: Date } = {}): Promise<NewSession> {
  const now = opts.now ?? new Date();
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + (opts.pendingMfa ? PENDING_MS : ABSOLUTE_MS));
  await edb(store)
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      user_id: userId,
      csrf,
      pending_mfa: opts.pendingMfa ? 1 : 0,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expires.toISOString(),
      ip: where.ip.slice(0, 100),
      user_agent: where.userAgent.slice(0, 300),
    })
    .execute();
  return { token, csrf };
}

export interface ActiveSession {
  session: SessionsTable;
  user: UsersTable;
}

/**
 * The live session a token opens, or undefined when it is unknown, idle too long, past its absolute
 * deadline, or its account is disabled (dead sessions are deleted on the way).
 */
export async function readSession(store: Store, token: string | undefined, now = new Date()): Promise<ActiveSession | undefined> {
  if (!token || token.length > 200) return undefined;
  const db = edb(store);
  const idHash = hashToken(token);
  const session = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  if (!session) return undefined;
  const t = now.getTime();
  const dead = t >= Date.parse(session.expires_at) || t - Date.parse(session.last_seen_at) >= IDLE_MS;
  const user = dead ? undefined : await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (!user || user.disabled) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return undefined;
  }
  if (t - Date.parse(session.last_seen_at) >= TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
  }
  return { session, user };
}

/** Ends one session. */
export async function endSession(store: Store, token: string): Promise<void> {
  await edb(store).deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
}

/** Ends every session of an account ("sign out everywhere"); returns how many there were. */
export async function endAllSessions(store: Store, userId: string): Promise<number> {
  const r = await edb(store).deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes sessions past their idle or absolute deadline (they would be refused anyway); returns how many. */
export async function purgeSessions(store: Store, now = new Date()): Promise<number> {
  const idleSince = new Date(now.getTime() - IDLE_MS).toISOString();
  const r = await edb(store)
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleSince)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
