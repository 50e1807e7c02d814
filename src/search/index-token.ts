/**
 * @module The one spelling an analyzer term takes inside either engine's index: letters and digits
 * only. Both engines then see the same tokens, and no character can mean syntax to them.
 */

/** `indexToken("o'brien")` → `'obrien'`; `indexToken('علاق')` → `'علاق'`. */
export function indexToken(term: string): string {
  return term.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}
