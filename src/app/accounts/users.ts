/**
 * @module Accounts: create, list, disable, reset passwords, enrol a second factor. Emails are the
 * sign-in names, kept trimmed and lower-cased; passwords only ever as scrypt hashes.
 */
import { randomBytes } from 'node:crypto';
import { MizanError } from '../../lib/index.ts';
import type { Store } from '../../store/index.ts';
import { recordAudit, type Actor } from './audit.ts';
import { hashPassword, type ScryptCost } from './password.ts';
import { claimSetupToken } from './setup-token.ts';
import { isRole, ROLES, type Role } from './permissions.ts';
import { edb, type UsersTable } from './tables.ts';
import { newTotpSecret, verifyTotp } from './totp.ts';

export interface User {
  id: string;
  email: string;
  role: Role;
  totpEnabled: boolean;
  disabled: boolean;
  createdAt: string;
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export function toUser(row: UsersTable): User {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    totpEnabled: row.totp_enabled === 1,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}

/** `normalizeEmail(' Ana@Example.ORG ')` → `'ana@example.org'`; anything not shaped like an address throws. */
export function normalizeEmail(email: string): string {
  const clean = email.trim().toLowerCase();
  // ASCII only: bidi controls and look-alike letters have no place in a sign-in name.
  if (!/^[a-z0-9._%+'-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(clean) || clean.length > 254) {
    throw new MizanError('invalid-email', `not an email address: ${JSON.stringify(email)}`);
  }
  return clean;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new MizanError('weak-password', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) throw new MizanError('weak-password', `a password may have at most ${MAX_PASSWORD_LENGTH} characters`);
}

export interface AccountOptions {
  /** scrypt cost; the OWASP cost unless told (tests lower it to stay fast). */
  cost?: ScryptCost;
  actor?: Actor;
}

/**
 * For `addUser`: the first-run setup page's token. The account is created only if the database has no
 * account yet and the token is one of its live setup tokens (`claimSetupToken`), which it then spends.
 */
export interface AddUserOptions extends AccountOptions {
  setupToken?: string;
}

/**
 * Creates an account.
 *
 * @example await addUser(store, { email: 'ana@example.org', role: 'editor', password: '…12+ chars…' }) // → User
 */
export async function addUser(store: Store, input: { email: string; role: string; password: string }, opts: AddUserOptions = {}): Promise<User> {
  const email = normalizeEmail(input.email);
  if (!isRole(input.role)) throw new MizanError('invalid-role', `the role must be one of ${ROLES.join(', ')}, not "${input.role}"`);
  checkPassword(input.password);
  const hash = await hashPassword(input.password, opts.cost);
  return store.transaction(async (tx) => {
    const db = edb(tx);
    if (opts.setupToken !== undefined) await claimSetupToken(tx, opts.setupToken);
    const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw new MizanError('user-exists', `an account for ${email} already exists`);
    const now = new Date().toISOString();
    const row: UsersTable = {
      id: randomBytes(8).toString('hex'),
      email,
      role: input.role,
      password_hash: hash,
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: null,
      disabled: 0,
      created_at: now,
      updated_at: now,
      ui_lang: null,
    };
    await db.insertInto('users').values(row).execute();
    if (opts.actor) await recordAudit(tx, opts.actor, 'user.add', email, { role: input.role });
    return toUser(row);
  });
}

/** Whether any account exists (none: the first-run setup is open). */
export async function hasUsers(store: Store): Promise<boolean> {
  return (await edb(store).selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function listUsers(store: Store): Promise<User[]> {
  const rows = await edb(store).selectFrom('users').selectAll().orderBy('email').execute();
  return rows.map(toUser);
}

export async function findUser(store: Store, emailOrId: string): Promise<UsersTable | undefined> {
  const db = edb(store);
  const byId = await db.selectFrom('users').selectAll().where('id', '=', emailOrId).executeTakeFirst();
  if (byId) return byId;
  return db.selectFrom('users').selectAll().where('email', '=', emailOrId.trim().toLowerCase()).executeTakeFirst();
}

async function mustFind(store: Store, emailOrId: string): Promise<UsersTable> {
  const row = await findUser(store, emailOrId);
  if (!row) throw new MizanError('no-such-user', `no account for ${emailOrId}`, { status: 404 });
  return row;
}

/** Disables (or re-enables) an account; disabling ends all its sessions at once. */
export async function setDisabled(store: Store, emailOrId: string, disabled: boolean, opts: AccountOptions = {}): Promise<User> {
  return store.transaction(async (tx) => {
    const row = await mustFind(tx, emailOrId);
    const db = edb(tx);
    await db.updateTable('users').set({ disabled: disabled ? 1 : 0, updated_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    if (disabled) await db.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    if (opts.actor) await recordAudit(tx, opts.actor, disabled ? 'user.disable' : 'user.enable', row.email);
    return toUser({ ...row, disabled: disabled ? 1 : 0 });
  });
}

/** Sets a new password and ends every session of the account (a reset must lock out whoever had it). */
export async function setPassword(store: Store, emailOrId: string, password: string, opts: AccountOptions = {}): Promise<void> {
  checkPassword(password);
  const hash = await hashPassword(password, opts.cost);
  await store.transaction(async (tx) => {
    const row = await mustFind(tx, emailOrId);
    const db = edb(tx);
    await db.updateTable('users').set({ password_hash: hash, updated_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    await db.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    if (opts.actor) await recordAudit(tx, opts.actor, 'user.passwd', row.email);
  });
}

/** Changes an account's role. */
export async function setRole(store: Store, emailOrId: string, role: string, opts: AccountOptions = {}): Promise<void> {
  if (!isRole(role)) throw new MizanError('invalid-role', `the role must be one of ${ROLES.join(', ')}, not "${role}"`);
  await store.transaction(async (tx) => {
    const row = await mustFind(tx, emailOrId);
    await edb(tx).updateTable('users').set({ role, updated_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    if (opts.actor) await recordAudit(tx, opts.actor, 'user.role', row.email, { role });
  });
}

/**
 * Remembers the interface language an account chose, so what is sent to it (review notices) is
 * written in that language.
 *
 * @example await setInterfaceLanguage(store, userId, 'en')
 */
export async function setInterfaceLanguage(store: Store, userId: string, lang: string): Promise<void> {
  await edb(store).updateTable('users').set({ ui_lang: lang }).where('id', '=', userId).where((eb) => eb.or([eb('ui_lang', 'is', null), eb('ui_lang', '!=', lang)])).execute();
}

/** Starts TOTP enrolment: a new secret, not yet required until confirmed with a code. */
export async function beginTotp(store: Store, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await edb(store).updateTable('users').set({ totp_secret: secret, totp_enabled: 0 }).where('id', '=', userId).execute();
  return secret;
}

/**
 * Checks a code against the account's secret and, when right, remembers its step (no code works twice)
 * and turns the second factor on. Returns whether it was accepted.
 */
export async function acceptTotp(store: Store, userId: string, code: string, atMs = Date.now(), actor?: Actor): Promise<boolean> {
  return store.transaction(async (tx) => {
    const db = edb(tx);
    const row = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!row?.totp_secret) return false;
    const step = verifyTotp(row.totp_secret, code, atMs);
    if (step === null || (row.totp_last_step !== null && step <= Number(row.totp_last_step))) return false;
    // RFC 6238 §5.2: a code is accepted once. The step is taken by a conditional update, not by the
    // read above: on PostgreSQL parallel transactions all read the old step, and only one of them may
    // move it.
    const taken = await db
      .updateTable('users')
      .set({ totp_last_step: step, totp_enabled: 1 })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) return false;
    if (!row.totp_enabled && actor) await recordAudit(tx, actor, 'user.totp-enrol', row.email);
    return true;
  });
}

/** Removes the second factor (an admin resetting a lost phone). */
export async function resetTotp(store: Store, emailOrId: string, opts: AccountOptions = {}): Promise<void> {
  await store.transaction(async (tx) => {
    const row = await mustFind(tx, emailOrId);
    await edb(tx).updateTable('users').set({ totp_secret: null, totp_enabled: 0, totp_last_step: null }).where('id', '=', row.id).execute();
    if (opts.actor) await recordAudit(tx, opts.actor, 'user.totp-reset', row.email);
  });
}
