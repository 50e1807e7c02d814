/**
 * @module The adapter for npm `snowball-stemmers` (Porter2 for English, Snowball for other European
 * languages): the only file that imports it, so it can be replaced.
 */
import { createRequire } from 'node:module';

interface SnowballStemmer { stem(word: string): string }
interface SnowballFactory { newStemmer(name: string): SnowballStemmer; algorithms(): string[] }

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as SnowballFactory;
const NAMES: Record<string, string> = { en: 'english', fr: 'french', de: 'german', es: 'spanish', it: 'italian', pt: 'portuguese', nl: 'dutch', ru: 'russian', tr: 'turkish' };
const cache = new Map<string, SnowballStemmer | null>();

/** The Snowball stemmer for a language code, or null when there is none. */
export function snowballStemmer(lang: string): SnowballStemmer | null {
  let s = cache.get(lang);
  if (s === undefined) {
    const name = NAMES[lang] ?? (lang === 'ar' ? 'arabic' : undefined);
    s = name ? snowball.newStemmer(name) : null;
    cache.set(lang, s);
  }
  return s;
}

/**
 * Porter2 (Snowball English).
 * @example stemEnglish('relations') // → 'relat'
 */
export function stemEnglish(word: string): string {
  return snowballStemmer('en')!.stem(word);
}
