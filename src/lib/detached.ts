/**
 * @module Strings kept for long that must not keep what they were cut from. V8 makes a substring of 13
 * characters or more a slice of its parent and keeps the whole parent alive while the slice lives: a
 * link kept by the static build kept its page's HTML, a long word kept by the stemmer's memo kept the
 * article it was read in.
 */

/**
 * `s` as a string of its own (joined to a space and cut again, so it is copied).
 *
 * @example memo.set(detached(word), stem) // the memo keeps the word, not the article it came from
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}
