/**
 * @module `stem`: one stemmer per language behind one call, with a bounded memo (running text repeats
 * its words: Zipf's law makes the memo hit on most tokens).
 */
import { stemArabic } from './arabic-stemmer.ts';
import { snowballStemmer } from './english-stemmer.ts';

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
    if (lang === 'ar') s = stemArabic(word);
    else {
      const stemmer = snowballStemmer(lang);
      s = stemmer ? stemmer.stem(word) : word;
    }
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, s);
  }
  return s;
}
