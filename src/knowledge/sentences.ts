/**
 * @module Sentence (and clause) boundaries in a block of text, with offsets. Events and figures are read
 * one sentence at a time, so a date, an actor and a source count together only when one sentence holds them.
 */

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations whose full stop does not end a sentence (U.S. and single initials are handled apart). */
const ABBREVIATIONS = new Set(['st', 'gen', 'col', 'capt', 'lt', 'maj', 'sgt', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'jr', 'sr', 'no', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

const END = /[.!?؟;؛…\n]/g;

/**
 * Splits `text` into sentences: at . ! ? ؟ ; ؛ … followed by a space or the end, and at line breaks;
 * never after an abbreviation (Gen., St.) or an initial (U.S.). Leading and trailing spaces are trimmed.
 * @example sentences('Putin called. Tebboune answered.') // → [{ start: 0, end: 13 }, { start: 14, end: 32 }]
 */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  END.lastIndex = 0;
  for (let m = END.exec(text); m; m = END.exec(text)) {
    let cut = m.index + 1;
    if (m[0] !== '\n') {
      while (cut < text.length && /[.!?؟…"'”’»)\]]/.test(text[cut])) cut++;
      if (cut < text.length && !/\s/.test(text[cut])) continue;
      if (m[0] === '.') {
        const word = /([\p{L}.]+)\.$/u.exec(text.slice(Math.max(0, m.index - 12), m.index + 1))?.[1] ?? '';
        if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())) continue;
      }
    }
    push(out, text, from, cut);
    from = cut;
    END.lastIndex = cut;
  }
  push(out, text, from, text.length);
  return out;
}

function push(out: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}
