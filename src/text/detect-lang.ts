/**
 * @module `detectLang`: Arabic or English, by the share of Arabic letters among all letters.
 */

/**
 * 'ar' when at least 30% of the letters are Arabic script (Arabic pages quote English names and URLs),
 * else 'en'. Text with no letters is 'en'.
 * @example detectLang('العلاقات الجزائرية الروسية (Algeria-Russia)') // → 'ar'
 */
export function detectLang(text: string): 'ar' | 'en' {
  let arabic = 0;
  let letters = 0;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const word = m[0];
    letters += word.length;
    for (let i = 0; i < word.length; i++) if (isArabicLetterCode(word.charCodeAt(i))) arabic++;
  }
  return letters > 0 && arabic / letters >= 0.3 ? 'ar' : 'en';
}

/** Arabic-script letters: the Arabic blocks and the presentation forms. */
export function isArabicLetterCode(c: number): boolean {
  return (c >= 0x0620 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
}
