/**
 * @module `analyze`: THE analyzer. Indexing and querying both call it, so a query term and an indexed
 * term meet exactly when their analyses agree.
 */
import { tokenize } from './tokenize.ts';
import { normalize } from './normalize.ts';
import { stem } from './stem.ts';
import { isStopWord } from './stop-words.ts';
import { isArabicLetterCode } from './detect-lang.ts';

export interface Term {
  /** The stem: what index and query match on. */
  term: string;
  /** The normalized, lower-cased word: for exact-match boosts. */
  exact: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
  stop: boolean;
}

const HYPHEN_PART = /[^-\u2010\u2011]+/g;

function langOfWord(word: string, lang: string | undefined): string {
  // A word is Arabic when its first letter is (a token never mixes scripts except in rare junk).
  if (isArabicLetterCode(word.charCodeAt(0))) return 'ar';
  for (let i = 1; i < word.length; i++) if (isArabicLetterCode(word.charCodeAt(i))) return 'ar';
  return lang && lang !== 'ar' ? lang : 'en';
}

/**
 * Tokens of `text` as terms. Each word's language comes from its script (Arabic letters → 'ar'; other
 * words → `lang` when it is not 'ar', else 'en'), so mixed text stems right. Hyphenated words give one
 * term per part; numbers lose a trailing %; URLs and e-mail addresses are kept whole, lower-cased.
 * @example analyze('والمعلمون بالمدارس').map((t) => t.term) // → ['معلم', 'مدارس']
 */
export function analyze(text: string, lang?: string): Term[] {
  const terms: Term[] = [];
  for (const tok of tokenize(text)) {
    if (tok.kind === 'url' || tok.kind === 'email') {
      const exact = normalize(tok.text);
      terms.push({ term: exact, exact, start: tok.start, end: tok.end, stop: false });
      continue;
    }
    if (tok.kind === 'number') {
      const exact = normalize(tok.text);
      terms.push({ term: exact.replace(/%$/, ''), exact, start: tok.start, end: tok.end, stop: false });
      continue;
    }
    if (!/[-\u2010\u2011]/.test(tok.text)) {
      const exact = normalize(tok.text);
      if (!exact) continue;
      const l = langOfWord(tok.text, lang);
      terms.push({ term: stem(exact, l), exact, start: tok.start, end: tok.end, stop: isStopWord(exact, l) });
      continue;
    }
    HYPHEN_PART.lastIndex = 0;
    for (let m = HYPHEN_PART.exec(tok.text); m; m = HYPHEN_PART.exec(tok.text)) {
      const exact = normalize(m[0]);
      if (!exact) continue;
      const l = langOfWord(m[0], lang);
      const start = tok.start + m.index;
      terms.push({ term: stem(exact, l), exact, start, end: start + m[0].length, stop: isStopWord(exact, l) });
    }
  }
  return terms;
}
