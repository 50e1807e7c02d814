/**
 * @module Hijri dates in the Umm al-Qura calendar, converted to Gregorian through Node's own
 * `Intl.DateTimeFormat` (the `islamic-umalqura` calendar ships with its ICU data): no tables of ours.
 */

const FORMAT = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
const DAY = 86_400_000;
/** 1 Muharram 1 AH (Julian 16 July 622) as a UTC time: the start of the count. */
const EPOCH = Date.UTC(622, 6, 19);
const YEAR_DAYS = 354.367;

export interface HijriDate {
  year: number;
  month: number;
  day: number;
}

function hijriOf(t: number): HijriDate {
  const parts = FORMAT.formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

const compare = (a: HijriDate, b: HijriDate) => a.year - b.year || a.month - b.month || a.day - b.day;

/**
 * The Gregorian day (YYYY-MM-DD) of a Hijri date, or null when that day does not exist (30 of a 29-day
 * month) or lies outside the years the calendar covers.
 * @example hijriToGregorian({ year: 1444, month: 9, day: 15 }) // → '2023-04-06'
 */
export function hijriToGregorian(h: HijriDate): string | null {
  if (!(h.year >= 1 && h.year <= 1600 && h.month >= 1 && h.month <= 12 && h.day >= 1 && h.day <= 30)) return null;
  // Estimate, then walk: the estimate is within a few days, so a handful of formatter calls suffice.
  let t = EPOCH + Math.round(((h.year - 1) * YEAR_DAYS + (h.month - 1) * 29.53 + (h.day - 1)) * DAY);
  for (let i = 0; i < 40; i++) {
    const c = compare(hijriOf(t), h);
    if (c === 0) return new Date(t).toISOString().slice(0, 10);
    const step = Math.max(1, Math.min(20, Math.abs(c) > 100 ? 20 : 1));
    const next = t + (c < 0 ? step : -step) * DAY;
    // Stepping over the wanted day (a month of 29 days asked for its 30th) means it does not exist.
    if (step === 1 && compare(hijriOf(next), h) * c < 0 && compare(hijriOf(next), h) !== 0) return null;
    t = next;
  }
  return null;
}

/** The last day of Hijri month `month` of `year`, in Gregorian (the day before the next month's first). */
export function hijriMonthEnd(year: number, month: number): string | null {
  const next = month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
  const first = hijriToGregorian(next);
  return first ? new Date(Date.parse(first) - DAY).toISOString().slice(0, 10) : null;
}
