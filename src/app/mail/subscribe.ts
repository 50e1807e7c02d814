/**
 * @module Subscribing without an account, with double opt-in: a request stores the address as
 * `pending` and queues a confirmation in the same transaction; nothing else is ever sent to it until
 * the signed, expiring link in that mail is followed. Every later mail carries a signed link to a
 * preference page where everything can be changed, stopped, or deleted for good.
 *
 * A request never tells the requester anything about the address: a new address, a pending one, an
 * active one (which gets a "you are already subscribed" mail with its preference link instead of a
 * change nobody confirmed) and a throttled one all get the same answer.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { MizanError } from '../../lib/index.ts';
import { LANGS, seriesName } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { checkAddress } from './address.ts';
import { mdb, PRIORITY, type FollowKind, type Frequency, type MailSubscribersTable } from './tables.ts';
import { IP_LIMIT, MAILBOX_LIMIT, take } from './throttle.ts';
import { CONFIRM_TTL_MS, mailSecret, readToken, signToken, type TokenPurpose } from './tokens.ts';

export interface Follow {
  kind: FollowKind;
  ref: string;
}

export interface Preferences {
  /** The language of the interface and of the mails' own words. */
  uiLang: string;
  /** Languages of the articles wanted. */
  langs: string[];
  frequency: Frequency;
  /** What is followed; empty means everything. */
  follows: Follow[];
}

export interface SubscriptionRequest extends Preferences {
  email: string;
  /** The requester's IP address, for flood limits. */
  ip: string;
}

export interface Subscriber extends Preferences {
  id: string;
  email: string;
  status: MailSubscribersTable['status'];
  createdAt: string;
  confirmedAt: string | null;
  tokenVersion: number;
}

export const FOLLOW_KINDS: readonly FollowKind[] = ['all', 'topic', 'region', 'expert', 'series', 'search'];
export const MAX_FOLLOWS = 100;
export const MAX_SEARCH_CHARS = 200;

export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/** A fresh Message-ID local part for mails that are not tied to an article. */
export function newMessageId(kind: string): string {
  return `${kind}.${randomBytes(12).toString('base64url')}`;
}

/** Checks preferences against what exists (terms, experts, series); throws MizanError naming the bad one. */
export async function checkPreferences(store: Store, prefs: Preferences): Promise<Preferences> {
  if (!Object.hasOwn(LANGS, prefs.uiLang)) throw new MizanError('bad-preferences', `unknown interface language "${prefs.uiLang}"`, { data: { problem: 'ui-lang', value: String(prefs.uiLang).slice(0, 20) } });
  const langs = [...new Set(prefs.langs)].filter((l) => Object.hasOwn(LANGS, l));
  if (!langs.length || langs.length !== new Set(prefs.langs).size) throw new MizanError('bad-preferences', 'choose at least one language among ' + Object.keys(LANGS).join(', '), { data: { problem: 'langs', langs: Object.keys(LANGS).join(',') } });
  if (prefs.frequency !== 'instant' && prefs.frequency !== 'weekly') throw new MizanError('bad-preferences', 'frequency is instant or weekly', { data: { problem: 'frequency' } });
  if (prefs.follows.length > MAX_FOLLOWS) throw new MizanError('bad-preferences', `at most ${MAX_FOLLOWS} follows`, { data: { problem: 'too-many-follows', limit: MAX_FOLLOWS } });
  const follows: Follow[] = [];
  const seen = new Set<string>();
  const db = store.db;
  for (const f of prefs.follows) {
    if (!FOLLOW_KINDS.includes(f.kind) || typeof f.ref !== 'string') throw new MizanError('bad-preferences', `unknown follow "${String(f.kind)}"`, { data: { problem: 'follow-kind', value: String(f.kind).slice(0, 60) } });
    let ref = f.ref.trim();
    if (f.kind === 'all') ref = '';
    else if (f.kind === 'topic' || f.kind === 'region') {
      const term = await db.selectFrom('terms').select('id').where('id', '=', ref).where('kind', '=', f.kind).executeTakeFirst();
      if (!term) throw new MizanError('bad-preferences', `no ${f.kind} "${ref.slice(0, 60)}"`, { data: { problem: `no-${f.kind}`, value: ref.slice(0, 60) } });
    } else if (f.kind === 'expert') {
      if (!(await db.selectFrom('experts').select('id').where('id', '=', ref).executeTakeFirst())) throw new MizanError('bad-preferences', `no expert "${ref.slice(0, 60)}"`, { data: { problem: 'no-expert', value: ref.slice(0, 60) } });
    } else if (f.kind === 'series') {
      // A series is followed by its name in English, so PolicyWatch and المرصد السياسي are one follow.
      const names = (await db.selectFrom('articles').select('series_name').distinct().where('series_name', 'is not', null).execute()).map((r) => r.series_name!);
      const key = seriesName(ref, 'en');
      if (!names.some((n) => seriesName(n, 'en') === key)) throw new MizanError('bad-preferences', `no series "${ref.slice(0, 60)}"`, { data: { problem: 'no-series', value: ref.slice(0, 60) } });
      ref = key;
    } else if (f.kind === 'search') {
      ref = ref.replace(/\s+/g, ' ');
      if (!ref || ref.length > MAX_SEARCH_CHARS || /[\u0000-\u001f]/.test(ref)) throw new MizanError('bad-preferences', `a saved search has 1 to ${MAX_SEARCH_CHARS} characters`, { data: { problem: 'search', limit: MAX_SEARCH_CHARS } });
    }
    const key = `${f.kind}\u0000${ref}`;
    if (!seen.has(key)) follows.push({ kind: f.kind, ref });
    seen.add(key);
  }
  // Following everything makes every other follow moot.
  const all = follows.some((f) => f.kind === 'all') || !follows.length;
  return { uiLang: prefs.uiLang, langs, frequency: prefs.frequency, follows: all ? [{ kind: 'all', ref: '' }] : follows };
}

async function writeFollows(tx: Store, id: string, follows: Follow[]): Promise<void> {
  const db = mdb(tx);
  await db.deleteFrom('mail_follows').where('subscriber_id', '=', id).execute();
  if (follows.length) await db.insertInto('mail_follows').values(follows.map((f) => ({ subscriber_id: id, kind: f.kind, ref: f.ref }))).execute();
}

/** Queues a mail to one subscriber that is not about an article (confirm, known). */
async function queueNotice(tx: Store, subscriberId: string, kind: 'confirm' | 'known', lang: string, now: Date): Promise<void> {
  await mdb(tx)
    .insertInto('mail_outbox')
    .values({
      id: `${kind}:${newId()}`,
      kind,
      subscriber_id: subscriberId,
      to_address: null,
      article_id: null,
      issue_id: null,
      lang,
      message_id: newMessageId(kind),
      priority: PRIORITY.transactional,
      status: 'queued',
      attempts: 0,
      due_at: now.toISOString(),
      lease_owner: null,
      lease_until: null,
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .execute();
}

export type RequestOutcome = 'accepted' | 'ip-limited';

/**
 * Records a subscription request and queues the mail it causes, in one transaction. Throws AddressError
 * or MizanError('bad-preferences') on bad input; `ip-limited` when the IP is over its limit.
 *
 * @example await requestSubscription(store, { email: 'reader@example.org', uiLang: 'ar', langs: ['ar'], frequency: 'instant', follows: [], ip }) // → 'accepted'
 */
export async function requestSubscription(store: Store, req: SubscriptionRequest, now = new Date()): Promise<RequestOutcome> {
  const address = checkAddress(req.email);
  const prefs = await checkPreferences(store, req);
  return store.transaction(async (tx) => {
    if (!(await take(tx, `ip:${req.ip}`, IP_LIMIT, now))) return 'ip-limited';
    const mayMail = await take(tx, `to:${address.key}`, MAILBOX_LIMIT, now);
    const db = mdb(tx);
    const row = await db.selectFrom('mail_subscribers').selectAll().where('email_key', '=', address.key).executeTakeFirst();
    const stamp = now.toISOString();
    if (row?.status === 'active') {
      if (mayMail) await queueNotice(tx, row.id, 'known', prefs.uiLang, now);
      return 'accepted';
    }
    if (!mayMail) return 'accepted';
    const values = { email: address.address, status: 'pending' as const, ui_lang: prefs.uiLang, langs: `,${prefs.langs.join(',')},`, frequency: prefs.frequency, updated_at: stamp };
    let id = row?.id;
    if (row) await db.updateTable('mail_subscribers').set(values).where('id', '=', row.id).execute();
    else {
      id = newId();
      await db.insertInto('mail_subscribers').values({ id, email_key: address.key, created_at: stamp, confirmed_at: null, stopped_reason: null, token_version: 1, ...values }).execute();
    }
    await writeFollows(tx, id!, prefs.follows);
    await queueNotice(tx, id!, 'confirm', prefs.uiLang, now);
    return 'accepted';
  });
}

function toSubscriber(row: MailSubscribersTable, follows: Follow[]): Subscriber {
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    uiLang: row.ui_lang,
    langs: row.langs.split(',').filter(Boolean),
    frequency: row.frequency,
    follows,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    tokenVersion: Number(row.token_version),
  };
}

export async function getSubscriber(store: Store, id: string): Promise<Subscriber | undefined> {
  const db = mdb(store);
  const row = await db.selectFrom('mail_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const follows = await db.selectFrom('mail_follows').select(['kind', 'ref']).where('subscriber_id', '=', id).orderBy('kind').orderBy('ref').execute();
  return toSubscriber(row, follows);
}

/** The subscriber a signed link is for, when the link is genuine, unexpired and not revoked. */
export async function subscriberFromToken(store: Store, token: unknown, purpose: TokenPurpose, now = new Date()): Promise<Subscriber | undefined> {
  const claims = readToken(await mailSecret(store), token, purpose, now.getTime());
  if (!claims) return undefined;
  const sub = await getSubscriber(store, claims.subscriberId);
  return sub && sub.tokenVersion === claims.version ? sub : undefined;
}

/** A signed link token for a subscriber. */
export async function tokenFor(store: Store, sub: Pick<Subscriber, 'id' | 'tokenVersion'>, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const expires = purpose === 'confirm' ? now.getTime() + CONFIRM_TTL_MS : 0;
  return signToken(await mailSecret(store), { purpose, subscriberId: sub.id, version: sub.tokenVersion, expires });
}

/**
 * Follows a confirmation link: a pending subscriber becomes active. Undefined when the link is
 * invalid, expired, or its subscriber has since stopped or been deleted.
 */
export async function confirmSubscription(store: Store, token: unknown, now = new Date()): Promise<Subscriber | undefined> {
  const sub = await subscriberFromToken(store, token, 'confirm', now);
  if (!sub || (sub.status !== 'pending' && sub.status !== 'active')) return undefined;
  if (sub.status === 'pending') {
    await mdb(store)
      .updateTable('mail_subscribers')
      .set({ status: 'active', confirmed_at: now.toISOString(), updated_at: now.toISOString(), stopped_reason: null })
      .where('id', '=', sub.id)
      .where('status', '=', 'pending')
      .execute();
  }
  return getSubscriber(store, sub.id);
}

/** Changes what an active subscriber receives. */
export async function updatePreferences(store: Store, id: string, prefs: Preferences, now = new Date()): Promise<Subscriber> {
  const checked = await checkPreferences(store, prefs);
  await store.transaction(async (tx) => {
    await mdb(tx)
      .updateTable('mail_subscribers')
      .set({ ui_lang: checked.uiLang, langs: `,${checked.langs.join(',')},`, frequency: checked.frequency, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await writeFollows(tx, id, checked.follows);
  });
  return (await getSubscriber(store, id))!;
}

/** Stops every mail to a subscriber (kept as `unsubscribed` or `bounced`); what was queued is cancelled. */
export async function stopSubscriber(store: Store, id: string, reason: 'unsubscribed' | 'bounced', detail: string, now = new Date()): Promise<void> {
  await store.transaction(async (tx) => {
    const db = mdb(tx);
    await db.updateTable('mail_subscribers').set({ status: reason, stopped_reason: detail.slice(0, 500), updated_at: now.toISOString() }).where('id', '=', id).execute();
    await db.updateTable('mail_outbox').set({ status: 'cancelled', last_error: reason }).where('subscriber_id', '=', id).where('status', '=', 'queued').execute();
  });
}

/** Deletes a subscriber and everything kept about them (follows, their mails in the outbox). */
export async function deleteSubscriber(store: Store, id: string): Promise<boolean> {
  return store.transaction(async (tx) => {
    const db = mdb(tx);
    await db.deleteFrom('mail_outbox').where('subscriber_id', '=', id).execute();
    await db.deleteFrom('mail_follows').where('subscriber_id', '=', id).execute();
    const row = await db.selectFrom('mail_subscribers').select('email_key').where('id', '=', id).executeTakeFirst();
    if (row) await db.deleteFrom('mail_bounces').where('email_key', '=', row.email_key).execute();
    const r = await db.deleteFrom('mail_subscribers').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}

/** Finds a subscriber by address (for editors acting on a deletion request). */
export async function findSubscriberByAddress(store: Store, email: string): Promise<Subscriber | undefined> {
  const key = checkAddress(email).key;
  const row = await mdb(store).selectFrom('mail_subscribers').select('id').where('email_key', '=', key).executeTakeFirst();
  return row ? getSubscriber(store, row.id) : undefined;
}

export async function countSubscribers(store: Store): Promise<Record<string, number>> {
  const rows = await mdb(store).selectFrom('mail_subscribers').select(['status', sql<number>`count(*)`.as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
