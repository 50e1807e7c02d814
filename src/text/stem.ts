/**
 * @module `stem`: one stemmer per language behind one call, with a bounded memo (running text repeats
 * its words: Zipf's law makes the memo hit on most tokens).
 */
import { stemArabic } from './arabic-stemmer.ts';
import { snowballStemmer } from './english-stemmer.ts';
// Straight from its file: the stemmer is also bundled for the browser (the static copy's search), without lib's Node modules.
import { detached } from '../lib/detached.ts';

const MEMO_LIMIT = 200_000;
const memos = new Map<string, Map<string, string>>();

/**
 * Stems an already `normalize`d word: 'ar' with Mizan's light stemmer, 'en' (and other European
 * languages) with Snowball; a language without a stemmer returns the word.
 * @example stem('بالمدارس', 'ar') // → 'مدارس'
 * @example stem('relations', 'en') // → 'relat'
 */
export function stem(word: string, lang: string): string {
  let memo = memos.get(lang);
  if (!memo) memos.set(lang, (memo = new Map()));
  let s = memo.get(word);
  if (s === undefined) {
    // Copied before it is kept: a word of 13 letters or more is a slice of the text it was read in, and
    // kept as read (with its stem, a slice of it) it would keep that whole text alive.
    const own = detached(word);
    if (lang === 'ar') s = stemArabic(own);
    else {
      const stemmer = snowballStemmer(lang);
      s = stemmer ? stemmer.stem(own) : own;
    }
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(own, s);
  }
  return s;
}
