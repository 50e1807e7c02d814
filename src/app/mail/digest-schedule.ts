/**
 * @module When the weekly digest goes out: a day and a wall-clock time in the institute's time zone
 * (MIZAN_DIGEST_AT, default "monday 07:00"; the zone is MIZAN_TIME_ZONE, else the configuration's
 * `timeZone`, else UTC). Digest items are queued waiting for "the next digest" rather than for an
 * instant fixed when the article was published, and the worker, which knows the zone, releases
 * them once a digest time has passed. So Monday 07:00 in Berlin is 06:00 UTC in winter and 05:00 UTC
 * in summer, and a change of zone or of day applies to items already waiting.
 */
import { sql } from 'kysely';
import type { Store } from '../../store/index.ts';

export interface DigestSchedule {
  /** An IANA time zone, e.g. Asia/Riyadh. */
  timeZone: string;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  hour: number;
  minute: number;
}

export const DEFAULT_DIGEST: DigestSchedule = Object.freeze({ timeZone: 'UTC', weekday: 1, hour: 7, minute: 0 });

/** The `due_at` of a digest item waiting for the next digest (later than any real instant). */
export const NEXT_DIGEST = '9999-12-31T23:59:59.999Z';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * Reads "monday 07:00" (or "mon 7:00"); undefined when it is not a day and a 24-hour time.
 *
 * @example parseDigestAt('friday 16:30') // → { weekday: 5, hour: 16, minute: 30 }
 */
export function parseDigestAt(text: string): Pick<DigestSchedule, 'weekday' | 'hour' | 'minute'> | undefined {
  const m = /^\s*([a-z]+)\s+(\d{1,2}):(\d{2})\s*$/i.exec(text);
  if (!m) return undefined;
  const word = m[1].toLowerCase();
  const weekday = DAYS.findIndex((d) => d === word || (word.length >= 3 && d.startsWith(word)));
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (weekday < 0 || hour > 23 || minute > 59) return undefined;
  return { weekday, hour, minute };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of instant `t` in `timeZone`. */
function wall(t: number, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

/** How far `timeZone` is ahead of UTC at instant `t`, in milliseconds. */
function offsetAt(t: number, timeZone: string): number {
  const w = wall(t, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `timeZone` names. A time that happens twice (clocks going back) is
 * its first occurrence; one that never happens (clocks going forward) is moved past the gap, as the
 * clock on the wall would show it.
 *
 * @example zonedInstant(2026, 3, 30, 7, 0, 'Europe/Berlin').toISOString() // → '2026-03-30T05:00:00.000Z'
 */
export function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetAt(guess - 86_400_000, timeZone);
  const after = offsetAt(guess + 86_400_000, timeZone);
  const fits = (t: number) => {
    const w = wall(t, timeZone);
    return w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute;
  };
  const candidates = [...new Set([guess - before, guess - after])].filter(fits).sort((a, b) => a - b);
  return new Date(candidates[0] ?? guess - before);
}

function slotOn(s: DigestSchedule, year: number, month: number, day: number): Date {
  return zonedInstant(year, month, day, s.hour, s.minute, s.timeZone);
}

/** The digest times around `now`: the last at or before it, and the next after it. */
function around(s: DigestSchedule, now: Date): { last: Date; next: Date } {
  const today = wall(now.getTime(), s.timeZone);
  let last: Date | undefined;
  let next: Date | undefined;
  for (let k = -8; k <= 8; k++) {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day + k));
    if (d.getUTCDay() !== s.weekday) continue;
    const t = slotOn(s, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    if (t.getTime() <= now.getTime()) last = t;
    else if (!next) next = t;
  }
  return { last: last!, next: next! };
}

/**
 * The next digest time after `now`.
 *
 * @example nextDigestAt(new Date('2026-03-25T12:00Z'), { timeZone: 'Asia/Riyadh', weekday: 1, hour: 7, minute: 0 }).toISOString() // → '2026-03-30T04:00:00.000Z'
 */
export function nextDigestAt(now: Date, s: DigestSchedule = DEFAULT_DIGEST): Date {
  return around(s, now).next;
}

/** The last digest time at or before `now`. */
export function lastDigestAt(now: Date, s: DigestSchedule = DEFAULT_DIGEST): Date {
  return around(s, now).last;
}

/**
 * Makes due every waiting digest item queued before the last digest time; returns how many. Run by
 * every worker (the update is the same whoever runs it first).
 */
export async function releaseDigests(store: Store, s: DigestSchedule, now = new Date()): Promise<number> {
  const last = lastDigestAt(now, s).toISOString();
  const r = await sql`update mail_outbox set due_at = ${last}
    where kind = 'digest' and status = 'queued' and due_at = ${NEXT_DIGEST} and created_at <= ${last}`.execute(store.db);
  return Number(r.numAffectedRows ?? 0);
}
