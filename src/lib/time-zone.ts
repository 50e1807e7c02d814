/**
 * @module Wall-clock times in a named time zone: what an editor types into a schedule form ("publish at
 * 09:00") means 09:00 where the institute is, not in UTC, and DST changes where it happens.
 */

/** How far `zone` is ahead of UTC at `utcMs` (ms); Intl knows the zone's history, DST included. */
function offsetAt(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** Arabic-Indic and Persian digits as ASCII digits (what an Arabic keyboard types into a date field). */
export function latinDigits(text: string): string {
  return text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** Whether `zone` is an IANA zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTC instant of a wall-clock time (`YYYY-MM-DD HH:mm[:ss]` or with a `T`, in any of Arabic's digits) in
 * `zone`. A time the clocks skip (spring forward) is read with the offset before the change, so it lands
 * after the gap; a time that happens twice (fall back) is the first of the two. Undefined when `local`
 * is not such a time.
 *
 * @example wallTimeToUtc('2026-03-29T09:00', 'Europe/Berlin') // → '2026-03-29T07:00:00.000Z' (summer time)
 */
export function wallTimeToUtc(local: string, zone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(latinDigits(local.trim()));
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(asUtc);
  // Date.UTC rolls 2026-02-30 over to March: a date that does not exist is not a time.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  const before = offsetAt(asUtc - 86_400_000, zone);
  const after = offsetAt(asUtc + 86_400_000, zone);
  // The earlier reading when both offsets give this wall time (fall back); the pre-change offset in a gap.
  const candidates = [asUtc - Math.max(before, after), asUtc - Math.min(before, after)];
  const exact = candidates.filter((t) => offsetAt(t, zone) === asUtc - t).sort((a, b) => a - b);
  return new Date(exact[0] ?? asUtc - before).toISOString();
}
