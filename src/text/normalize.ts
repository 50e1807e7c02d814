/**
 * @module `normalize`: the comparison key of a text for search and matching (never for display).
 * The decisions are in docs/text-analysis.md; the per-character work is in `char-fold.ts`.
 */
import { foldChar, foldsToSelf, seatBeforeWaw, type SeatRun } from './char-fold.ts';

/**
 * Folds `text` for comparison: harakat, tatweel, bidi and zero-width characters removed; أ إ آ ٱ → ا;
 * ى → ي; ة → ه; ؤ → و; ئ → ي, and any hamza before و → و (مسئول, مسؤول and مسوول meet); Arabic-Indic
 * and Persian digits → ASCII; presentation forms through NFKC; Latin lower-cased with accents folded.
 * Linear, idempotent, never throws (unpaired surrogates are dropped).
 * @example normalize('الجزائريّة ٢٠٢٣ Éclair') // → 'الجزايريه 2023 eclair'
 * @example normalize('المسئولين') // → 'المسوولين', as normalize('المسؤولين') and normalize('المسوولين')
 */
export function normalize(text: string): string {
  let out = '';
  let run = 0; // start of the pending run of characters that fold to themselves
  const seats: SeatRun = { until: 0, waw: false };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 65 && c <= 90) {
        out += text.slice(run, i) + String.fromCharCode(c + 32);
        run = i + 1;
      }
      continue;
    }
    if (c < 0xd800 || (c > 0xdfff && c < 0x10000)) {
      // ء folds to itself but for before و (seatBeforeWaw): the one letter that needs its neighbour.
      if (foldsToSelf(c) && c !== 0x0621) continue;
    }
    let cp = c;
    let len = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        len = 2;
      }
    }
    const folded = seatBeforeWaw(text, i, seats) ?? foldChar(cp, len === 1 ? text[i] : text.slice(i, i + 2));
    if (len === 1 ? folded.length !== 1 || folded.charCodeAt(0) !== c : folded !== text.slice(i, i + 2)) {
      out += text.slice(run, i) + folded;
      run = i + len;
    }
    i += len - 1;
  }
  return run === 0 ? text : out + text.slice(run);
}
