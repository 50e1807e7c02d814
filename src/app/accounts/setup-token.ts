/**
 * @module The first-run setup token: a random secret `mizan serve` makes and prints when the database
 * has no account, which opens the page that creates the first admin. It is kept in the database (only
 * its SHA-256, with its expiry; migration 140), so the printed address works whichever server on that
 * database answers: several servers behind one proxy, or the processes of `mizan serve --processes N`.
 * Servers started together each make one; every one works for an hour, and none once an account exists.
 * Creating the first account takes one lock for its whole transaction, on both engines, so two uses at
 * once (of one token or of two) create one account, and it spends every token.
 */
import { randomBytes } from 'node:crypto';
import { MizanError } from '../../lib/index.ts';
import { lockTransaction, type Store } from '../../store/index.ts';
import { hashToken } from './sessions.ts';
import { edb } from './tables.ts';

/** How long a printed setup address stays valid. */
export const SETUP_TOKEN_MS = 60 * 60 * 1000;

/** The lock that makes the first account, and tokens for it, one at a time. */
const FIRST_ACCOUNT = 'first-account';

/** A token just made: its value (printed, never stored) and when it stops working (ms since the epoch). */
export interface NewSetupToken {
  value: string;
  expiresAt: number;
}

/** What a setup address can do now: create the first admin, nothing (wrong or expired), or nothing ever again (an account exists). */
export type SetupState = 'open' | 'refused' | 'closed';

const anyUser = async (store: Store) => (await edb(store).selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;

/** Whether `candidate` is a token of this database that has not expired at `now`. */
async function isLive(store: Store, candidate: string | undefined, now: number): Promise<boolean> {
  if (typeof candidate !== 'string' || candidate === '' || candidate.length > 256) return false;
  const row = await edb(store)
    .selectFrom('setup_tokens')
    .select('token_hash')
    .where('token_hash', '=', hashToken(candidate))
    .where('expires_at', '>', new Date(now).toISOString())
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Makes a setup token and keeps its hash in the database; undefined when an account exists already.
 * Expired tokens are cleared on the way.
 *
 * @example await createSetupToken(store) // → { value: 'pX3…', expiresAt: 1767225600000 } (an hour from now)
 */
export async function createSetupToken(store: Store, opts: { now?: number; ttlMs?: number } = {}): Promise<NewSetupToken | undefined> {
  const now = opts.now ?? Date.now();
  const expiresAt = now + (opts.ttlMs ?? SETUP_TOKEN_MS);
  const value = randomBytes(24).toString('base64url');
  return store.transaction(async (tx) => {
    await lockTransaction(tx.db, FIRST_ACCOUNT);
    if (await anyUser(tx)) return undefined;
    const db = edb(tx);
    await db.deleteFrom('setup_tokens').where('expires_at', '<=', new Date(now).toISOString()).execute();
    await db
      .insertInto('setup_tokens')
      .values({ token_hash: hashToken(value), created_at: new Date(now).toISOString(), expires_at: new Date(expiresAt).toISOString() })
      .execute();
    return { value, expiresAt };
  });
}

/**
 * What the setup address with `candidate` may do now (the page asks before showing its form).
 *
 * @example await setupTokenState(store, token) // → 'open'; after the first account: 'closed'
 */
export async function setupTokenState(store: Store, candidate: string | undefined, now = Date.now()): Promise<SetupState> {
  if (await anyUser(store)) return 'closed';
  return (await isLive(store, candidate, now)) ? 'open' : 'refused';
}

/**
 * Inside the transaction that creates the first account: takes the first-account lock, refuses unless
 * no account exists (`setup-closed`, 409) and `candidate` is a live token (`setup-refused`, 403), and
 * spends every token. The caller inserts the account in the same transaction; a transaction that rolls
 * back leaves the tokens as they were.
 *
 * @example await store.transaction(async (tx) => { await claimSetupToken(tx, token); … insert the admin … })
 */
export async function claimSetupToken(tx: Store, candidate: string | undefined, now = Date.now()): Promise<void> {
  await lockTransaction(tx.db, FIRST_ACCOUNT);
  if (await anyUser(tx)) throw new MizanError('setup-closed', 'an account exists already: sign in instead', { status: 409 });
  if (!(await isLive(tx, candidate, now))) {
    throw new MizanError('setup-refused', 'this setup address is wrong or has expired: restart `mizan serve` for a new one, or run `mizan user add EMAIL --role admin`', { status: 403 });
  }
  await edb(tx).deleteFrom('setup_tokens').execute();
}
