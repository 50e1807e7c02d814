/**
 * @module The folded text together with where each of its characters came from, so that patterns
 * matched on folded text (dates, quantities) report offsets into the original.
 */
import { foldChar, seatBeforeWaw, type SeatRun } from './char-fold.ts';

export interface FoldedText {
  /** `normalize(original)`. */
  text: string;
  /** For each UTF-16 index of `text`: the index in the original of the character it came from. */
  starts: Int32Array;
  /** For each UTF-16 index of `text`: the end (exclusive) in the original of the character it came from. */
  ends: Int32Array;
}

/**
 * Folds like `normalize`, keeping a map back to the original.
 * @example foldWithOffsets('أيّار').text // → 'ايار', and starts[2] === 3 (the shadda is gone)
 */
export function foldWithOffsets(original: string): FoldedText {
  const n = original.length;
  let starts = new Int32Array(n + 8);
  let ends = new Int32Array(n + 8);
  const parts: string[] = [];
  let k = 0;
  const seats: SeatRun = { until: 0, waw: false };
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    let cp = c;
    let len = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = original.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        len = 2;
      }
    }
    const folded = c < 0x80 ? (c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : original[i]) : (seatBeforeWaw(original, i, seats) ?? foldChar(cp, original.slice(i, i + len)));
    if (k + folded.length > starts.length) {
      // NFKC expansions (ﷺ) can outgrow the input; grow geometrically.
      const bigger = (m: Int32Array) => { const x = new Int32Array(m.length * 2 + folded.length); x.set(m); return x; };
      starts = bigger(starts);
      ends = bigger(ends);
    }
    for (let j = 0; j < folded.length; j++) {
      starts[k] = i;
      ends[k] = i + len;
      k++;
    }
    if (folded) parts.push(folded);
    i += len - 1;
  }
  return { text: parts.join(''), starts: starts.subarray(0, k), ends: ends.subarray(0, k) };
}
