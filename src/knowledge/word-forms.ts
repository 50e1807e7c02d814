/**
 * @module The few pieces of morphology the gazetteer needs: inflecting a nationality adjective
 * (جزائري → الجزائرية، الجزائريين …, Algerian → Algerians) and peeling proclitics off a word
 * (وللجزائر → الجزائر) so that a name matches however it is attached. Works on normalized words
 * (ة already folded to ه, أ to ا).
 */

const ARABIC_ADJECTIVE_ENDINGS = ['', 'ه', 'ين', 'ون', 'ات', 'ان', 'تين', 'تان'];

/**
 * Every form of a normalized Arabic masculine adjective, bare and with the article.
 * @example arabicAdjectiveForms('جزايري') // → ['جزايري', 'الجزايري', 'جزايريه', 'الجزايريه', …]
 */
export function arabicAdjectiveForms(base: string): string[] {
  const out: string[] = [];
  for (const ending of ARABIC_ADJECTIVE_ENDINGS) {
    // Dual forms of the feminine attach to ت: جزائريتين (normalized جزايريتين).
    const form = base + ending;
    out.push(form, 'ال' + form);
  }
  return out;
}

/**
 * An English nationality adjective and its plural as a demonym.
 * @example englishAdjectiveForms('Algerian') // → ['Algerian', 'Algerians']
 */
export function englishAdjectiveForms(adjective: string): string[] {
  return /(?:s|sh|ch|ese|x|z)$/i.test(adjective) ? [adjective] : [adjective, adjective + 's'];
}

export interface Peeled {
  /** The word with its proclitics removed (لل restored to ال). */
  key: string;
  /** How many characters of the normalized word were proclitics (0 when none). */
  clitics: number;
}

const CONJUNCTIONS = 'وف';
const PREPOSITIONS = 'بكل';

/**
 * The readings of a normalized Arabic word with 0, 1 or 2 proclitics removed: an optional و or ف, then an
 * optional ب, ك or ل; ل before ال contracts to لل, which is read back as ال. The article itself is never
 * peeled, so a name without it (مالي) never matches a word with it (المالي, 'the financial').
 * @example peelProclitics('وللجزاير') // → [{ key: 'وللجزاير', clitics: 0 }, { key: 'للجزاير', clitics: 1 }, { key: 'الجزاير', clitics: 2 }, …]
 */
export function peelProclitics(word: string): Peeled[] {
  const out: Peeled[] = [{ key: word, clitics: 0 }];
  if (word.length >= 3 && CONJUNCTIONS.includes(word[0])) {
    out.push({ key: word.slice(1), clitics: 1 });
    peelPreposition(out, word.slice(1), 1);
  }
  peelPreposition(out, word, 0);
  return out;
}

function peelPreposition(out: Peeled[], rest: string, offset: number): void {
  if (rest.length < 3 || !PREPOSITIONS.includes(rest[0])) return;
  if (rest.startsWith('لل') && rest.length >= 4) out.push({ key: 'ا' + rest.slice(1), clitics: offset + 1 });
  out.push({ key: rest.slice(1), clitics: offset + 1 });
}

/** Whether `word` contains an Arabic letter. */
export function isArabic(word: string): boolean {
  return /[\u0600-\u06ff]/.test(word);
}
