/**
 * @module The one door to Nodemailer: an SMTP client for the server in MIZAN_SMTP_URL, one pooled
 * connection, DKIM signing when a key is configured, and its failures sorted into the two kinds the
 * worker acts on — permanent (the server refused this recipient or this message with a 5xx: stop
 * mail to the address) and temporary (4xx, a dropped or refused connection, a timeout, a bad login:
 * try again later, the address is not to blame).
 */
import type nodemailer from 'nodemailer';
import type { OutgoingMail } from './compose.ts';
import { onFirstUse } from '../../lib/index.ts';

const loadNodemailer = onFirstUse<typeof nodemailer>('nodemailer');

export interface DkimSettings {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

export interface MailerOptions {
  dkim?: DkimSettings;
  /** Milliseconds to wait for a connection, the greeting, and each reply (default 30 s). */
  timeoutMs?: number;
}

export interface SendResult {
  response: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

/** A failed send: `permanent` when the server refused the recipient or the message with a 5xx. */
export class SendError extends Error {
  readonly permanent: boolean;
  /** True when the server could not be reached at all (the worker pauses instead of burning retries). */
  readonly unreachable: boolean;
  readonly responseCode?: number;
  constructor(message: string, opts: { permanent: boolean; unreachable: boolean; responseCode?: number; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.name = 'SendError';
    this.permanent = opts.permanent;
    this.unreachable = opts.unreachable;
    this.responseCode = opts.responseCode;
  }
}

const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EGREETING']);

/** Sorts a Nodemailer error. Only a 5xx about this recipient or this message blames the address. */
export function classify(err: unknown): SendError {
  const e = err as { code?: string; responseCode?: number; response?: string; message?: string };
  const code = typeof e?.responseCode === 'number' ? e.responseCode : undefined;
  const text = (e?.response || e?.message || String(err)).slice(0, 500);
  const permanent = code !== undefined && code >= 500 && code < 600 && (e.code === 'EENVELOPE' || e.code === 'EMESSAGE');
  const unreachable = !permanent && (UNREACHABLE.has(e?.code ?? '') || code === 421);
  return new SendError(text, { permanent, unreachable, responseCode: code, cause: err });
}

/**
 * An SMTP mailer for `url` (smtp:// or smtps://, with user and password in it when the server needs them).
 *
 * @example const mailer = smtpMailer('smtp://127.0.0.1:2525'); await mailer.send(mail) // → { response: '250 OK' }
 */
export function smtpMailer(url: string, opts: MailerOptions = {}): Mailer {
  const timeout = opts.timeoutMs ?? 30_000;
  const u = new URL(url);
  const transport = loadNodemailer().createTransport({
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: Number(u.port) || (u.protocol === 'smtps:' ? 465 : 587),
    secure: u.protocol === 'smtps:',
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    // A local relay without TLS is common in tests and on one host; STARTTLS is still used when offered.
    ignoreTLS: u.searchParams.get('tls') === 'off',
    tls: u.searchParams.get('tls') === 'insecure' ? { rejectUnauthorized: false } : undefined,
    pool: true,
    maxConnections: 1,
    maxMessages: 500,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dkim: opts.dkim,
  });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          date: mail.date,
          // Prepared: written exactly as composed (Nodemailer would otherwise encode the List-Id's <id> into its phrase).
          headers: Object.fromEntries(Object.entries(mail.headers).map(([k, v]) => [k, { prepared: true, value: v }])),
          // The envelope is exactly the one checked address: no header can add a recipient.
          envelope: { from: addressOf(mail.from), to: [mail.to] },
          disableUrlAccess: true,
          disableFileAccess: true,
        });
        if (info.rejected?.length) throw Object.assign(new Error(`rejected: ${info.response}`), { code: 'EENVELOPE', responseCode: 550 });
        return { response: info.response };
      } catch (err) {
        throw err instanceof SendError ? err : classify(err);
      }
    },
    close: () => transport.close(),
  };
}

/** The bare address of a From header value: `Name <a@b.org>` → `a@b.org`. */
export function addressOf(from: string): string {
  const m = /<([^<>]+)>\s*$/.exec(from);
  return (m ? m[1] : from).trim();
}
