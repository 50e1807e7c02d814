/**
 * @module Typo tolerance without a trie: every string one edit (insert, delete, substitute, swap two
 * neighbours) away from a word, over the letters of its own script. The index's vocabulary then says
 * which of them exist, in one indexed lookup.
 */

const ARABIC = [...'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي'];
const LATIN = [...'abcdefghijklmnopqrstuvwxyz'];

/** The shortest word (in letters) that gets typo tolerance. */
export const FUZZY_MIN_LENGTH = 5;
/** The longest: beyond it a word is no mistyped word, and its variants run into the thousands. */
export const FUZZY_MAX_LENGTH = 20;

/**
 * Strings one edit from `word` (the word itself excluded).
 *
 * @example
 * editVariants('house').has('horse') // → true
 * editVariants('house').has('hose')  // → true
 */
export function editVariants(word: string): Set<string> {
  const chars = [...word];
  const alphabet = /[\u0600-\u06FF]/u.test(word) ? ARABIC : LATIN;
  const out = new Set<string>();
  const n = chars.length;
  for (let i = 0; i <= n; i++) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i).join('');
    for (const a of alphabet) out.add(head + a + tail);
    if (i < n) {
      const rest = chars.slice(i + 1).join('');
      out.add(head + rest);
      for (const a of alphabet) if (a !== chars[i]) out.add(head + a + rest);
      if (i + 1 < n) out.add(head + chars[i + 1] + chars[i] + chars.slice(i + 2).join(''));
    }
  }
  out.delete(word);
  return out;
}
