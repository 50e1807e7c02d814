/**
 * @module `analyze`: THE analyzer. Indexing and querying both call it, so a query term and an indexed
 * term meet exactly when their analyses agree.
 */
import { tokenize } from './tokenize.ts';
import { normalize } from './normalize.ts';
import { stem } from './stem.ts';
import { isStopWord } from './stop-words.ts';
import { isArabicLetterCode } from './detect-lang.ts';
// Straight from its file: the analyzer is also bundled for the browser (the static copy's search), without lib's Node modules.
import { detached } from '../lib/detached.ts';

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

/** A word's analysis, whatever its place in the text. */
interface WordAnalysis {
  term: string;
  exact: string;
  stop: boolean;
}

/**
 * Words analyzed already, by language and spelling: text repeats its words, so each word's normalized
 * form, stem and stop flag are worked out once (the stemmer keeps a memo of its own; this one saves the
 * normalizing and the lookups). Emptied when full, so it stays a few megabytes.
 */
const analyzed = new Map<string, WordAnalysis | null>();
const ANALYZED_MAX = 50_000;

/** `word`'s analysis in language `l` (null: nothing left once normalized). */
function analyzeWord(word: string, l: string): WordAnalysis | null {
  const key = l + '\u0000' + word;
  let found = analyzed.get(key);
  if (found !== undefined) return found;
  // Copied (the key too): a word of 13 letters or more is a slice of the text it was read in, and kept
  // in this memo or the stemmer's it would keep that whole text alive.
  const exact = normalize(detached(word));
  found = exact ? { term: stem(exact, l), exact, stop: isStopWord(exact, l) } : null;
  if (analyzed.size >= ANALYZED_MAX) analyzed.clear();
  analyzed.set(detached(key), found);
  return found;
}

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
      const word = analyzeWord(tok.text, langOfWord(tok.text, lang));
      if (word) terms.push({ term: word.term, exact: word.exact, start: tok.start, end: tok.end, stop: word.stop });
      continue;
    }
    HYPHEN_PART.lastIndex = 0;
    for (let m = HYPHEN_PART.exec(tok.text); m; m = HYPHEN_PART.exec(tok.text)) {
      const word = analyzeWord(m[0], langOfWord(m[0], lang));
      if (!word) continue;
      const start = tok.start + m.index;
      terms.push({ term: word.term, exact: word.exact, start, end: start + m[0].length, stop: word.stop });
    }
  }
  return terms;
}
