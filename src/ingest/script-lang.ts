/** @module Guesses a text's language from its script, for parts that do not say (related items, titles). */

/**
 * 'ar' when Arabic letters outnumber Latin ones, else 'en'.
 *
 * @example
 * scriptLang('استطلاع جديد') // → 'ar'
 */
export function scriptLang(text: string): string {
  const arabic = (text.match(/[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return arabic > latin ? 'ar' : 'en';
}
