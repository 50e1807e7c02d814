/**
 * @module The characters Drupal core's transliteration gives for Arabic script (its table for U+0600–U+06FF,
 * no language override) and the generic fallback for other scripts. Facts from ../shared/ARABIC.md.
 * Punctuation such as ' and ` is returned as Drupal returns it: Pathauto removes it afterwards,
 * which is why ع and hamza-on-alef vanish from slugs.
 */

/** U+0600–U+06FF as Drupal writes them; absent entries are characters Drupal does not know ('?'). */
const ARABIC: Record<string, string> = {
  '،': ',', '؛': ';', '؟': '?', 'ء': '', 'آ': 'a', 'أ': 'a', 'ؤ': 'w', 'إ': 'a', 'ئ': 'y', 'ا': 'a',
  'ب': 'b', 'ة': 't', 'ت': 't', 'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'dh', 'ر': 'r',
  'ز': 'z', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'ع': '`', 'غ': 'gh', 'ـ': '',
  'ف': 'f', 'ق': 'q', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'و': 'w', 'ى': 'y', 'ي': 'y',
  '\u064B': 'an', '\u064C': 'un', '\u064D': 'in', '\u064E': 'a', '\u064F': 'u', '\u0650': 'i',
  '\u0651': 'W', '\u0652': '', '\u0653': '', '\u0654': "'", '\u0655': "'", '\u0670': '',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '٪': '%', '٫': '.', '٬': ',', '٭': '*', 'ٱ': "'",
  'پ': 'p', 'چ': 'ch', 'ژ': 'zh', 'ڤ': 'v', 'ک': 'k', 'گ': 'g', 'ی': 'y',
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9',
};

/** Latin letters whose ASCII form is not their base letter. */
const LATIN: Record<string, string> = {
  'ß': 'ss', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D',
  'ł': 'l', 'Ł': 'L', 'þ': 'th', 'Þ': 'TH', 'ð': 'd', 'Ð': 'D', 'ı': 'i',
  '\u2018': "'", '\u2019': "'", '\u201C': '"', '\u201D': '"', '\u2013': '-', '\u2014': '-', '\u00A0': ' ',
};

/**
 * One character as Drupal transliterates it: ASCII stays, Arabic by its table, accented Latin loses its
 * accent, anything unknown becomes '?'.
 * @example transliterateChar('ش') // → 'sh'
 */
export function transliterateChar(ch: string): string {
  if (ch.charCodeAt(0) < 0x80) return ch;
  const known = ARABIC[ch] ?? LATIN[ch];
  if (known !== undefined) return known;
  const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  if (base && /^[\x20-\x7e]+$/.test(base)) return base;
  if (/^\s$/u.test(ch)) return ' ';
  return '?';
}
