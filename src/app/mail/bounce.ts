/**
 * @module Bounces. A receiving server may refuse a message while we talk to it (the worker sees the
 * 5xx or 4xx) or accept it and fail later, sending a delivery status notification (RFC 3464: a
 * `multipart/report` whose `message/delivery-status` part has one group of fields per recipient). Both
 * end here: a hard bounce (5.x.x, a 5xx) stops mail to the address at once; a soft one (4.x.x, a
 * relay that gave up on a full mailbox) is recorded, and the third within 30 days with no mail
 * delivered in between stops the address too. Every bounce is kept in `mail_bounces` for the admin
 * and `mizan mail status`.
 */
import { randomBytes } from 'node:crypto';
import { MizanError } from '../../lib/index.ts';
import type { Store } from '../../store/index.ts';
import { stopSubscriber } from './subscribe.ts';
import { checkAddress } from './address.ts';
import { mdb } from './tables.ts';

/** Soft bounces within SOFT_WINDOW_MS (and none delivered since the first) that stop an address. */
export const SOFT_LIMIT = 3;
export const SOFT_WINDOW_MS = 30 * 86_400_000;

export interface DsnRecipient {
  /** The address the report is about (Final-Recipient, else Original-Recipient). */
  recipient: string;
  /** failed | delayed | delivered | relayed | expanded */
  action: string;
  /** The enhanced status code, e.g. 5.1.1. */
  status: string;
  diagnostic: string;
}

export interface Dsn {
  recipients: DsnRecipient[];
  /** The Message-ID of the message that bounced, when the report quotes its headers. */
  messageId?: string;
}

/** A file that is not a delivery status notification. */
export class NotADsnError extends MizanError {
  constructor(message: string) {
    super('not-a-dsn', message);
    this.name = 'NotADsnError';
  }
}

function unfold(block: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const line of block.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ').split('\n')) {
    const m = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (!m) continue;
    const k = m[1].toLowerCase();
    fields.set(k, [...(fields.get(k) ?? []), m[2].trim()]);
  }
  return fields;
}

/** The body of the `message/delivery-status` part, decoded. */
function statusPart(raw: string): string | undefined {
  const text = raw.replace(/\r\n/g, '\n');
  const at = text.search(/^content-type:[ \t]*message\/(global-)?delivery-status/im);
  if (at < 0) return undefined;
  const headerEnd = text.indexOf('\n\n', at);
  if (headerEnd < 0) return undefined;
  const headers = text.slice(at, headerEnd);
  let body = text.slice(headerEnd + 2);
  const boundary = body.search(/^--[^\n]+$/m);
  if (boundary >= 0) body = body.slice(0, boundary);
  if (/content-transfer-encoding:[ \t]*base64/i.test(headers)) body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (/content-transfer-encoding:[ \t]*quoted-printable/i.test(headers))
    body = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return body;
}

/**
 * Reads a delivery status notification.
 *
 * @example parseDsn(raw).recipients // → [{ recipient: 'gone@example.org', action: 'failed', status: '5.1.1', diagnostic: 'smtp; 550 5.1.1 No such user' }]
 * @throws NotADsnError when the text has no delivery-status part or no recipient in it
 */
export function parseDsn(raw: string): Dsn {
  const part = statusPart(raw);
  if (part === undefined) throw new NotADsnError('not a delivery status notification (no message/delivery-status part)');
  const groups = part.split(/\n[ \t]*\n/).map(unfold);
  const recipients: DsnRecipient[] = [];
  for (const g of groups) {
    const who = (g.get('final-recipient') ?? g.get('original-recipient'))?.[0];
    if (!who) continue;
    const recipient = who.replace(/^[^;]*;\s*/, '').replace(/^<|>$/g, '').trim();
    recipients.push({
      recipient,
      action: (g.get('action')?.[0] ?? '').toLowerCase(),
      status: /\d\.\d{1,3}\.\d{1,3}/.exec(g.get('status')?.[0] ?? '')?.[0] ?? '',
      diagnostic: (g.get('diagnostic-code')?.[0] ?? '').slice(0, 500),
    });
  }
  if (!recipients.length) throw new NotADsnError('a delivery status notification that names no recipient (no Final-Recipient field)');
  const rest = raw.slice(raw.search(/^content-type:[ \t]*message\/(global-)?delivery-status/im));
  const messageId = /^message-id:[ \t]*<([^<>\s]+)>/im.exec(rest)?.[1];
  return { recipients, messageId };
}

export interface BounceOutcome {
  email: string;
  kind: 'hard' | 'soft' | 'ignored';
  /** True when mail to the address stopped because of this bounce. */
  stopped: boolean;
  /** Why: the status and the server's words. */
  detail: string;
}

/**
 * Records one bounce and stops mail to the address when it is hard, or the last of too many soft ones.
 *
 * @example await recordBounce(store, { email: 'gone@example.org', kind: 'hard', source: 'dsn', status: '5.1.1', detail: '550 No such user' }) // → { stopped: true, … }
 */
export async function recordBounce(
  store: Store,
  b: { email: string; kind: 'hard' | 'soft'; source: 'smtp' | 'dsn' | 'hook'; status?: string; detail: string; messageId?: string },
  now = new Date(),
): Promise<BounceOutcome> {
  const key = b.email.trim().toLowerCase();
  const db = mdb(store);
  await db
    .insertInto('mail_bounces')
    .values({ id: randomBytes(9).toString('base64url'), email_key: key, kind: b.kind, source: b.source, status: b.status ?? null, detail: b.detail.slice(0, 500), message_id: b.messageId ?? null, at: now.toISOString() })
    .execute();
  const sub = await db.selectFrom('mail_subscribers').select(['id', 'status']).where('email_key', '=', key).executeTakeFirst();
  const detail = [b.status, b.detail].filter(Boolean).join(' ');
  if (!sub || sub.status === 'bounced' || sub.status === 'unsubscribed') return { email: key, kind: b.kind, stopped: false, detail };
  let stop = b.kind === 'hard';
  if (!stop) {
    // Soft bounces count only while nothing reached the reader since: a delivered message starts the count again.
    const since = new Date(now.getTime() - SOFT_WINDOW_MS).toISOString();
    const lastSent = await db.selectFrom('mail_outbox').select('sent_at').where('subscriber_id', '=', sub.id).where('status', '=', 'sent').orderBy('sent_at', 'desc').limit(1).executeTakeFirst();
    const from = lastSent?.sent_at && lastSent.sent_at > since && b.source === 'smtp' ? lastSent.sent_at : since;
    const soft = await db.selectFrom('mail_bounces').select('id').where('email_key', '=', key).where('kind', '=', 'soft').where('at', '>=', from).execute();
    stop = soft.length >= SOFT_LIMIT;
  }
  if (stop) await stopSubscriber(store, sub.id, 'bounced', b.kind === 'hard' ? detail : `${SOFT_LIMIT} soft bounces in a row, the last: ${detail}`, now);
  return { email: key, kind: b.kind, stopped: stop, detail };
}

/**
 * Acts on a delivery status notification: a failed recipient with a 5.x.x status is a hard bounce, a
 * failed one with 4.x.x a soft one; `delayed`, `delivered` and `relayed` reports change nothing.
 *
 * @example await applyDsn(store, raw) // → [{ email: 'gone@example.org', kind: 'hard', stopped: true, detail: '5.1.1 smtp; 550 …' }]
 */
export async function applyDsn(store: Store, raw: string, now = new Date()): Promise<BounceOutcome[]> {
  const dsn = parseDsn(raw);
  const out: BounceOutcome[] = [];
  for (const r of dsn.recipients) {
    const kind = r.action === 'failed' ? (r.status.startsWith('5') ? 'hard' : r.status.startsWith('4') ? 'soft' : undefined) : undefined;
    if (!kind) {
      out.push({ email: r.recipient.toLowerCase(), kind: 'ignored', stopped: false, detail: `${r.action || 'no action'} ${r.status}`.trim() });
      continue;
    }
    out.push(await recordBounce(store, { email: r.recipient, kind, source: 'dsn', status: r.status, detail: r.diagnostic || r.action, messageId: dsn.messageId }, now));
  }
  return out;
}

/**
 * A bounce reported by a mail provider's webhook (`POST /hooks/mail/bounce`): `permanent` is a hard
 * bounce, `transient` a soft one, recorded as `mizan mail bounce` records a report's.
 *
 * @example await reportBounce(store, { address: 'gone@example.org', kind: 'permanent' }) // → { email: 'gone@example.org', kind: 'hard', stopped: true, … }
 * @throws AddressError for an address that is none (a line break, 10,000 characters, a look-alike)
 */
export async function reportBounce(store: Store, input: { address: string; kind: 'permanent' | 'transient'; status?: string; detail?: string }, now = new Date()): Promise<BounceOutcome> {
  const { key } = checkAddress(input.address);
  const status = input.status && /^[245]\.\d{1,3}\.\d{1,3}$/.test(input.status) ? input.status : undefined;
  return recordBounce(store, { email: key, kind: input.kind === 'permanent' ? 'hard' : 'soft', source: 'hook', status, detail: (input.detail ?? `${input.kind} bounce reported by the mail provider`).slice(0, 500) }, now);
}
