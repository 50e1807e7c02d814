/**
 * @module `slugify`: URL slugs exactly as the site's Drupal makes them (core transliteration, then
 * Pathauto's default cleaning), so that paths survive a migration. Facts in ../shared/ARABIC.md.
 */
import { Remembered } from '../lib/remembered.ts';
import { transliterateChar } from './drupal-transliteration.ts';

/** Pathauto's default ignore words (English filler dropped from aliases). */
const IGNORE = new Set(
  'a an as at before but by for from is in into like of off on onto per since than the this that to up via with'.split(' '),
);

const MAX_LENGTH = 100;

/**
 * The slug Drupal + Pathauto give `text`: only `[a-z0-9-]`, '' when nothing is left.
 * Pathauto's steps in its order: transliterate; remove punctuation (hyphens become separators);
 * drop ignore words unless nothing would remain; whitespace to '-'; collapse and trim separators;
 * lower-case; cut at 100 characters on a word boundary.
 * @example slugify('سابينا هينبرج') // → 'sabyna-hynbrj'
 * @example slugify('Algeria-Russia Relations After the Ukraine Invasion') // → 'algeria-russia-relations-after-ukraine-invasion'
 */
export function slugify(text: string, opts: { maxLength?: number } = {}): string {
  const maxLength = Math.max(1, opts.maxLength ?? MAX_LENGTH);
  if (text.length > 500) return slugOf(text, maxLength);
  // Pages slug the same few titles on every request (recommended items, series): remember short ones.
  return remembered.get(maxLength === MAX_LENGTH ? text : `${maxLength}\u0000${text}`, () => slugOf(text, maxLength));
}

const remembered = new Remembered<string>(10_000);

function slugOf(text: string, maxLength: number): string {
  let ascii = '';
  for (const ch of text) ascii += transliterateChar(ch);
  // Pathauto's default punctuation setting removes every mark except the hyphen, which separates.
  // Whitespace and hyphens become word breaks; everything else that is not a letter or digit vanishes.
  const words = ascii
    .replace(/[\s-]+/g, ' ')
    .replace(/[^A-Za-z0-9 ]+/g, '')
    .split(' ')
    .filter(Boolean);
  const kept = words.filter((w) => !IGNORE.has(w.toLowerCase()));
  let slug = (kept.length ? kept : words).join('-').toLowerCase();
  if (slug.length > maxLength) {
    // Unicode::truncate(…, wordsafe): cut before the last boundary that fits, else hard.
    const cut = slug.lastIndexOf('-', maxLength);
    slug = cut > 0 ? slug.slice(0, cut) : slug.slice(0, maxLength);
    slug = slug.replace(/-+$/, '');
  }
  return slug;
}
