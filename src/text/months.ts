/**
 * @module Month names as pages write them: Levantine (Syriac) and Egyptian/Gulf Arabic names, which the
 * site pairs ('أيار/مايو'), the Maghrebi names Algerian and Moroccan sources use, and English.
 * Facts from ../shared/ARABIC.md. Names are stored as written; matching uses their `normalize`d form.
 */
import { normalize } from './normalize.ts';

export const LEVANTINE_MONTHS = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];
export const EGYPTIAN_MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
export const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface MonthName {
  /** 1–12. */
  month: number;
  script: 'ar' | 'en';
  /** A word that is also an ordinary word (آب "father", English "may", "march"): a date only next to a day, a year or its pair. */
  ambiguous: boolean;
}

const EXTRA_AR: [string, number][] = [
  ['إبريل', 4], ['ابريل', 4], ['يونيه', 6], ['يوليه', 7], ['أغسطس', 8],
  ['جانفي', 1], ['فيفري', 2], ['أفريل', 4], ['جوان', 6], ['جويلية', 7], ['ماي', 5], ['أوت', 8],
  // Moroccan: يوليوز, غشت, شتنبر, نونبر, دجنبر (the other months as in Egypt).
  ['يوليوز', 7], ['غشت', 8], ['شتنبر', 9], ['نونبر', 11], ['دجنبر', 12],
];
const EXTRA_EN: [string, number][] = [
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
];
const AMBIGUOUS = new Set(['اب', 'ماي', 'اوت', 'غشت', 'may', 'march', 'august', 'jan', 'mar', 'dec']);

/** Hijri month names (Umm al-Qura), with the variants pages write. */
const HIJRI: [string, number][] = [
  ['محرم', 1], ['صفر', 2], ['ربيع الأول', 3], ['ربيع الاول', 3], ['ربيع الآخر', 4], ['ربيع الثاني', 4], ['جمادى الأولى', 5], ['جمادى الاولى', 5],
  ['جمادى الآخرة', 6], ['جمادى الثانية', 6], ['جمادى الاخرة', 6], ['رجب', 7], ['شعبان', 8], ['رمضان', 9], ['شوال', 10], ['ذو القعدة', 11], ['ذي القعدة', 11],
  ['ذو الحجة', 12], ['ذي الحجة', 12],
];

/** Hijri month names, normalized → 1–12. */
export const HIJRI_MONTHS: ReadonlyMap<string, number> = new Map(HIJRI.map(([n, m]) => [normalize(n), m]));

/** A regex source matching any Hijri month name in normalized text. */
export const HIJRI_PATTERN: string = [...HIJRI_MONTHS.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, '\\s+')).join('|');

/** Every known month name, normalized, with what it means. */
export const MONTH_NAMES: ReadonlyMap<string, MonthName> = (() => {
  const map = new Map<string, MonthName>();
  const add = (name: string, month: number, script: 'ar' | 'en') => {
    const key = normalize(name);
    map.set(key, { month, script, ambiguous: AMBIGUOUS.has(key) });
  };
  LEVANTINE_MONTHS.forEach((n, i) => add(n, i + 1, 'ar'));
  EGYPTIAN_MONTHS.forEach((n, i) => add(n, i + 1, 'ar'));
  for (const [n, m] of EXTRA_AR) add(n, m, 'ar');
  ENGLISH_MONTHS.forEach((n, i) => add(n, i + 1, 'en'));
  for (const [n, m] of EXTRA_EN) add(n, m, 'en');
  return map;
})();

/** A regex source matching any month name in normalized text, longest first, inner spaces flexible. */
export const MONTH_PATTERN: string = [...MONTH_NAMES.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/ /g, '\\s+'))
  .join('|');
