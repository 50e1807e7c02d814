/**
 * @module The one spelling an analyzer term takes inside either engine's index: letters and digits
 * only. Both engines then see the same tokens, and no character can mean syntax to them.
 */

/**
 * Lower-case ASCII letters and digits, Arabic letters (with tatweel) and Arabic-Indic digits: letters or
 * digits already in their index spelling, which is nearly every character the analyzer hands over.
 */
function isPlain(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x0621 && c <= 0x063a) || (c >= 0x0640 && c <= 0x064a) || (c >= 0x0660 && c <= 0x0669);
}

/** `indexToken("o'brien")` → `'obrien'`; `indexToken('علاق')` → `'علاق'`. */
export function indexToken(term: string): string {
  // Checked before the Unicode expression, which cost more than the rest of indexing a word.
  let plain = true;
  for (let i = 0; i < term.length && plain; i++) plain = isPlain(term.charCodeAt(i));
  return plain ? term : term.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}
