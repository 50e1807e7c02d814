/**
 * @module Partial ISO dates ('2023-05-18', '2022-10', '2020') and the arithmetic dates need: validity,
 * shifting by days, months or years, comparing a partial date with a full one.
 */

export type DatePrecision = 'day' | 'month' | 'year';

/** A date expression found in running text, with offsets into the original. */
export interface FoundDate {
  /** ISO form at its precision: '2023-05-18', '2022-10' or '2020' (a decade: its first year, '1990'). */
  date: string;
  precision: DatePrecision | 'decade';
  /** A span's last unit, at the same precision: a range (2019–2021 → '2021'), a decade ('1999'), a Hijri year or month. */
  until?: string;
  /** The calendar the text wrote it in, when not Gregorian; `hijri` is then the date as written (Umm al-Qura), '1444-09-15', '1444-09' or '1444'. */
  calendar?: 'hijri';
  hijri?: string;
  start: number;
  end: number;
  /** `original.slice(start, end)`. */
  text: string;
  /** Resolved against another date (relative or yearless expressions). */
  relative: boolean;
}

export interface CalendarDate {
  year: number;
  month?: number;
  day?: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the parts name a real day (no 30 February) in years 1000–2999. */
export function isValidDate(d: CalendarDate): boolean {
  if (!Number.isInteger(d.year) || d.year < 1000 || d.year > 2999) return false;
  if (d.month === undefined) return d.day === undefined;
  if (!Number.isInteger(d.month) || d.month < 1 || d.month > 12) return false;
  if (d.day === undefined) return true;
  return Number.isInteger(d.day) && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

export function precisionOf(d: CalendarDate): DatePrecision {
  return d.day !== undefined ? 'day' : d.month !== undefined ? 'month' : 'year';
}

/** `toIso({ year: 2022, month: 10 })` → `'2022-10'`. */
export function toIso(d: CalendarDate): string {
  if (d.month === undefined) return pad(d.year, 4);
  if (d.day === undefined) return `${pad(d.year, 4)}-${pad(d.month)}`;
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** Reads 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; null when it is not one of those or not a real date. */
export function fromIso(iso: string): CalendarDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const d: CalendarDate = { year: Number(m[1]) };
  if (m[2] !== undefined) d.month = Number(m[2]);
  if (m[3] !== undefined) d.day = Number(m[3]);
  return isValidDate(d) ? d : null;
}

/** Shifts `d` by `n` units of `unit`, keeping its precision (day shifts need a day). */
export function shift(d: CalendarDate, unit: DatePrecision, n: number): CalendarDate | null {
  if (unit === 'year') return { ...d, year: d.year + n };
  if (unit === 'month') {
    if (d.month === undefined) return null;
    const index = d.year * 12 + (d.month - 1) + n;
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
  }
  if (d.month === undefined || d.day === undefined) return null;
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The first day a partial date covers, as a comparable number (yyyymmdd). */
export function firstDay(d: CalendarDate): number {
  return d.year * 10000 + (d.month ?? 1) * 100 + (d.day ?? 1);
}
