/**
 * @module Mail settings from the environment, checked once at start with a message naming the bad
 * variable: MIZAN_SMTP_URL (the server), MIZAN_MAIL_FROM (the sender), MIZAN_MAIL_RATE (messages a
 * second, default 10), MIZAN_DKIM_DOMAIN + MIZAN_DKIM_SELECTOR + MIZAN_DKIM_KEY_FILE (DKIM signing,
 * all three or none), MIZAN_MAIL_LEASE_SECONDS (how long a claimed message is a worker's, default 300),
 * MIZAN_DIGEST_AT (the weekly digest's day and time, default "monday 07:00") in MIZAN_TIME_ZONE, else the
 * configuration's `timeZone`, else UTC.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../../lib/index.ts';
import { checkAddress } from './address.ts';
import { addressOf, type DkimSettings } from './smtp.ts';
import { DEFAULT_DIGEST, parseDigestAt, type DigestSchedule } from './digest-schedule.ts';

export interface MailConfig {
  smtpUrl: string;
  from: string;
  domain: string;
  ratePerSecond: number;
  leaseMs: number;
  dkim?: DkimSettings;
  digest: DigestSchedule;
}

/**
 * When the weekly digest goes out: MIZAN_DIGEST_AT in MIZAN_TIME_ZONE, else in `siteTimeZone` (the
 * configuration's), else UTC. Throws UsageError naming a bad variable.
 *
 * @example digestSchedule({ MIZAN_DIGEST_AT: 'sunday 08:30' }, 'Asia/Riyadh') // → { timeZone: 'Asia/Riyadh', weekday: 0, hour: 8, minute: 30 }
 */
export function digestSchedule(env: NodeJS.ProcessEnv = process.env, siteTimeZone?: string): DigestSchedule {
  const at = env.MIZAN_DIGEST_AT ? parseDigestAt(env.MIZAN_DIGEST_AT) : DEFAULT_DIGEST;
  if (!at) throw new UsageError(`MIZAN_DIGEST_AT must be a day and a 24-hour time such as "monday 07:00", not "${env.MIZAN_DIGEST_AT}"`);
  const timeZone = env.MIZAN_TIME_ZONE || siteTimeZone || 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new UsageError(`MIZAN_TIME_ZONE must be an IANA time zone such as Asia/Beirut, not "${timeZone}"`);
  }
  return { timeZone, weekday: at.weekday, hour: at.hour, minute: at.minute };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number, not "${raw}"`);
  return n;
}

/** The mail settings, or undefined when MIZAN_SMTP_URL is unset (mail is off). Throws UsageError naming a bad variable. */
export function mailConfig(env: NodeJS.ProcessEnv = process.env, siteTimeZone?: string): MailConfig | undefined {
  const smtpUrl = env.MIZAN_SMTP_URL;
  if (!smtpUrl) return undefined;
  let u: URL;
  try {
    u = new URL(smtpUrl);
  } catch {
    throw new UsageError('MIZAN_SMTP_URL must look like smtp://user:password@host:port');
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new UsageError(`MIZAN_SMTP_URL must start with smtp:// or smtps://, not ${u.protocol}//`);
  const from = env.MIZAN_MAIL_FROM;
  if (!from) throw new UsageError('MIZAN_MAIL_FROM is required with MIZAN_SMTP_URL (for instance "Institute <alerts@example.org>")');
  if (/[\r\n]/.test(from)) throw new UsageError('MIZAN_MAIL_FROM must be one line');
  let domain: string;
  try {
    domain = checkAddress(addressOf(from)).address.split('@')[1];
  } catch (err) {
    throw new UsageError(`MIZAN_MAIL_FROM: ${(err as Error).message}`);
  }
  const dkimVars = [env.MIZAN_DKIM_DOMAIN, env.MIZAN_DKIM_SELECTOR, env.MIZAN_DKIM_KEY_FILE];
  let dkim: DkimSettings | undefined;
  if (dkimVars.some(Boolean)) {
    if (!dkimVars.every(Boolean)) throw new UsageError('DKIM needs all of MIZAN_DKIM_DOMAIN, MIZAN_DKIM_SELECTOR and MIZAN_DKIM_KEY_FILE');
    let privateKey: string;
    try {
      privateKey = readFileSync(env.MIZAN_DKIM_KEY_FILE!, 'utf8');
    } catch (err) {
      throw new UsageError(`MIZAN_DKIM_KEY_FILE: cannot read ${env.MIZAN_DKIM_KEY_FILE}: ${(err as Error).message}`);
    }
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey)) throw new UsageError(`MIZAN_DKIM_KEY_FILE: ${env.MIZAN_DKIM_KEY_FILE} is not a PEM private key`);
    dkim = { domainName: env.MIZAN_DKIM_DOMAIN!, keySelector: env.MIZAN_DKIM_SELECTOR!, privateKey };
  }
  return {
    smtpUrl,
    from,
    domain,
    ratePerSecond: positive(env, 'MIZAN_MAIL_RATE', 10),
    leaseMs: positive(env, 'MIZAN_MAIL_LEASE_SECONDS', 300) * 1000,
    dkim,
    digest: digestSchedule(env, siteTimeZone),
  };
}
