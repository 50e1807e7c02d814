/**
 * @module `tokenize`: words, numbers, URLs and e-mail addresses with their offsets into the original text
 * (highlighting depends on them). Unicode classes, not ASCII ranges; one forward scan, no backtracking.
 */

export interface Token {
  /** `original.slice(start, end)`: never normalized. */
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'url' | 'email';
}

/**
 * Invisible characters that may stand inside a word without splitting it: soft hyphen, Arabic letter mark,
 * zero-width space, ZWNJ, ZWJ, LRM, RLM, bidi embeddings and isolates, word joiner, BOM. `normalize`
 * removes them; here they only must not cut a word in two (كلمة with a ZWSP inside is one word).
 */
const INVISIBLE = '\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF';
/**
 * Letters, marks and digits, and invisible characters when a letter, mark or digit follows them. Written
 * as runs (a plain class, then invisible-led runs) so the common word costs one character class per letter.
 */
const WORD_TAIL = `[\\p{L}\\p{M}\\p{N}]*(?:[${INVISIBLE}]+[\\p{L}\\p{M}\\p{N}]+)*`;
/** A run of letters, marks and digits (with invisible characters inside), starting on a letter or digit. */
const RUN = new RegExp(`[\\p{L}\\p{N}]${WORD_TAIL}`, 'gu');
const DIGITS_ONLY = /^\p{Nd}+$/u;
const DIGITS_AT = /\p{Nd}+/uy;
const LETTERS_AT = new RegExp(`[\\p{L}\\p{N}]${WORD_TAIL}`, 'uy');
/** URL body: anything up to whitespace or a bracket or quote that usually wraps it. */
const URL_BODY = /[^\s<>"'()[\]{}«»]+/y;
const URL_TRAILING = /[.,;:!?،؛؟…]+$/u;
const EMAIL_AT = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/uy;
const URL_SCHEMES = new Set(['http', 'https', 'ftp', 'www']);

/** ASCII, Arabic-Indic and Persian digits: the fast check before the Unicode one. */
function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9) || c >= 0x07c0;
}

/**
 * Splits `text` into tokens. Hyphenated words and words with an inner apostrophe are one token
 * ("Algeria-Russia", "Iran's"); numbers keep decimal separators and a following % or ٪.
 * @example tokenize('نحو ٧٦٪ من https://x.org/a.') // → نحو (word), ٧٦٪ (number), من (word), https://x.org/a (url)
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let nextAt = -2; // position of the next '@' at or after the scan, found lazily so the scan stays linear
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    const run = m[0];

    const after = text.charCodeAt(end);
    if ((after === 58 || after === 46) && run.length <= 5 && URL_SCHEMES.has(run.toLowerCase()) && (text.startsWith('://', end) || (run.length === 3 && after === 46))) {
      URL_BODY.lastIndex = start;
      const u = URL_BODY.exec(text);
      if (u) {
        const body = u[0].replace(URL_TRAILING, '');
        tokens.push({ text: body, start, end: start + body.length, kind: 'url' });
        RUN.lastIndex = start + body.length;
        continue;
      }
    }

    if (nextAt !== -1 && nextAt < start) nextAt = text.indexOf('@', start);
    if (nextAt !== -1 && nextAt - end < 64) {
      EMAIL_AT.lastIndex = start;
      const e = EMAIL_AT.exec(text);
      if (e) {
        tokens.push({ text: e[0], start, end: start + e[0].length, kind: 'email' });
        RUN.lastIndex = start + e[0].length;
        continue;
      }
    }

    if (isDigit(run.charCodeAt(0)) && DIGITS_ONLY.test(run)) {
      // 1,000.5 · ٣٫٥ · 76% · ٧٦٪
      for (;;) {
        const sep = text[end];
        if (sep !== '.' && sep !== ',' && sep !== '٫' && sep !== '٬') break;
        DIGITS_AT.lastIndex = end + 1;
        const more = DIGITS_AT.exec(text);
        if (!more) break;
        end = DIGITS_AT.lastIndex;
      }
      if (text[end] === '%' || text[end] === '٪') end++;
      tokens.push({ text: text.slice(start, end), start, end, kind: 'number' });
      RUN.lastIndex = end;
      continue;
    }

    for (;;) {
      const joiner = text[end];
      if (joiner !== '-' && joiner !== '\u2010' && joiner !== '\u2011' && joiner !== "'" && joiner !== '\u2019') break;
      LETTERS_AT.lastIndex = end + 1;
      const more = LETTERS_AT.exec(text);
      if (!more) break;
      end = LETTERS_AT.lastIndex;
    }
    tokens.push({ text: text.slice(start, end), start, end, kind: 'word' });
    RUN.lastIndex = end;
  }
  return tokens;
}
