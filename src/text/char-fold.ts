/**
 * @module The per-character folding behind `normalize`: every code point maps to a fixed string
 * (often itself, sometimes empty), computed once and cached. Because the map works one code point at a
 * time and every output character maps to itself, folding is linear and idempotent by construction.
 */

/**
 * Arabic marks that carry no letter identity: harakat, tanwin, shadda, sukun, maddah, hamza marks,
 * superscript alef, Quranic marks and the small waw and yeh of Quranic spelling (U+06E5, U+06E6).
 */
function isArabicMark(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x08f0 || (c >= 0x08d3 && c <= 0x08ff);
}

/** Characters that change how text is shown but not what it says: bidi controls, zero-width characters, soft hyphen, BOM. */
function isInvisible(c: number): boolean {
  return (
    c === 0x00ad || c === 0x061c || c === 0x0640 || c === 0x180e || // soft hyphen, Arabic letter mark, tatweel, Mongolian vowel separator
    (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206f) || c === 0xfeff
  );
}

/** Combining accents folded away from Latin, Greek and Cyrillic letters (é → e). */
function isAccent(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f);
}

/** Letters whose folding is a decision rather than a Unicode decomposition (see docs/text-analysis.md). */
const EXPLICIT: Record<number, string> = {
  0x0671: 'ا', // alef wasla
  0x0672: 'ا', 0x0673: 'ا', 0x0675: 'ا', // alef with wavy hamza above/below, high hamza alef
  // A hamza on a seat folds to its seat, the letter readers type when they leave the hamza out (الجزايري,
  // الرييس, مسوول, موخرا): ؤ → و, ئ → ي, like أ إ آ → ا. Before و every seat folds to و (see `seatBeforeWaw`).
  0x0624: 'و', 0x0626: 'ي', 0x0676: 'و', 0x0677: 'و', 0x0678: 'ي', 0x0674: 'ء', 0x06c2: 'ه', 0x06d3: 'ي',
  // Letters of other languages written in Arabic script, folded to the Arabic letter readers would type:
  // ڤ (v) and ڨ (g in the Maghreb), پ چ ژ گ ڭ, Urdu ٹ ڈ ڑ ں ۃ ې ۓ, and dotless archaic forms.
  0x06a4: 'ف', 0x06a8: 'ق', 0x067e: 'ب', 0x0686: 'ج', 0x0698: 'ز', 0x06af: 'ك', 0x06ad: 'ك', 0x06b3: 'ك',
  0x0679: 'ت', 0x0688: 'د', 0x0691: 'ر', 0x06ba: 'ن', 0x06c3: 'ه', 0x06d0: 'ي', 0x06cd: 'ي', 0x06ce: 'ي',
  0x066e: 'ب', 0x066f: 'ق', 0x06a1: 'ف', 0x06c6: 'و', 0x06c7: 'و', 0x06c8: 'و', 0x06cb: 'و', 0x06c5: 'و',
  0x0649: 'ي', // alef maqsura
  0x0629: 'ه', // ta marbuta
  0x06cc: 'ي', 0x06d2: 'ي', // Persian and Urdu yeh
  0x06a9: 'ك', 0x06aa: 'ك', // keheh
  0x06c1: 'ه', 0x06be: 'ه', 0x06d5: 'ه', 0x06c0: 'ه', // heh variants
  0x066b: '.', 0x066c: ',', 0x066a: '%', 0x060c: ',', 0x061b: ';', 0x061f: '?', // Arabic punctuation
  0x00df: 'ss', 0x1e9e: 'ss', 0x00e6: 'ae', 0x00c6: 'ae', 0x0153: 'oe', 0x0152: 'oe', 0x00f8: 'o', 0x00d8: 'o',
  0x0111: 'd', 0x0110: 'd', 0x0142: 'l', 0x0141: 'l', 0x00fe: 'th', 0x00de: 'th', 0x00f0: 'd', 0x00d0: 'd', 0x0131: 'i',
  0x2019: "'", 0x2018: "'", 0x02bc: "'",
};

/** One folding step for one code point, before reaching a fixed point. */
function foldOnce(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch;
  if (c >= 0xd800 && c <= 0xdfff) return ''; // an unpaired surrogate is noise, never text
  if (isArabicMark(c) || isInvisible(c) || isAccent(c)) return '';
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(48 + c - 0x0660);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(48 + c - 0x06f0);
  const explicit = EXPLICIT[c];
  if (explicit !== undefined) return explicit;
  let s = ch.normalize('NFKC').toLowerCase();
  // Decompose only to drop marks (أ → ا + hamza, é → e + acute); a decomposition without marks (Hangul) is kept whole.
  const d = s.normalize('NFD');
  let stripped = '';
  let dropped = false;
  for (const part of d) {
    const p = part.codePointAt(0)!;
    if (isArabicMark(p) || isAccent(p)) dropped = true;
    else stripped += part;
  }
  if (dropped) s = stripped.normalize('NFC');
  return s;
}

function foldString(s: string): string {
  let out = '';
  for (const ch of s) out += foldOnce(ch);
  return out;
}

const BMP: (string | undefined)[] = new Array(0x10000);
const ASTRAL = new Map<number, string>();

/**
 * The folded form of the code point `c` (`ch` is its string).
 * @example foldChar(0x0623, 'أ') // → 'ا'
 */
export function foldChar(c: number, ch: string): string {
  const hit = c < 0x10000 ? BMP[c] : ASTRAL.get(c);
  if (hit !== undefined) return hit;
  // Iterate to a fixed point so that every output character folds to itself (ﻷ → لأ → لا).
  let s = ch;
  for (let i = 0; i < 6; i++) {
    const next = foldString(s);
    if (next === s) break;
    s = next;
  }
  if (c < 0x10000) BMP[c] = s;
  else if (ASTRAL.size < 4096) ASTRAL.set(c, s);
  return s;
}

/** Code points of a hamza whose seat is written differently before و: ء, ئ and their rare and presentation forms. */
function isWawSeat(c: number): boolean {
  return c === 0x0621 || c === 0x0626 || c === 0x0678 || c === 0x0674 || c === 0xfe80 || (c >= 0xfe89 && c <= 0xfe8c);
}

/** What `seatBeforeWaw` found past a run of hamzas: up to where (exclusive) the answer holds, and whether و follows. */
export interface SeatRun {
  until: number;
  waw: boolean;
}

/**
 * How the hamza at `text[i]` folds when the next letter is و: to و, whatever its seat. Writers put a hamza
 * before و on و, on ي or on the line (مسؤول / مسئول / مسءول, الشؤون / الشئون, رؤوف / رءوف); on و it folds to
 * و, so all of them fold to و and meet the spelling typed without hamza (مسوول). Undefined when `text[i]`
 * is no such hamza or no و follows it (characters that fold to nothing, harakat and invisible ones, are
 * skipped: مسئُول). Both `normalize` and `foldWithOffsets` ask it, so they agree. `run` carries the answer
 * across the hamzas and marks it skipped, so a text is scanned once: folding stays linear.
 * @example seatBeforeWaw('مسئول', 2, { until: 0, waw: false }) // → 'و'
 */
export function seatBeforeWaw(text: string, i: number, run: SeatRun): string | undefined {
  if (!isWawSeat(text.charCodeAt(i))) return undefined;
  if (i >= run.until) {
    let j = i + 1;
    let waw = false;
    for (; j < text.length; j++) {
      // Another such hamza next (ءئو) is و exactly when this one is: look past it, so folding twice changes nothing.
      if (isWawSeat(text.charCodeAt(j))) continue;
      const cp = text.codePointAt(j)!;
      const len = cp > 0xffff ? 2 : 1;
      const f = foldChar(cp, text.slice(j, j + len));
      if (f === '') {
        j += len - 1;
        continue;
      }
      waw = f.charCodeAt(0) === 0x0648;
      break;
    }
    run.until = j;
    run.waw = waw;
  }
  return run.waw ? 'و' : undefined;
}

/** Per BMP code point: 0 not yet known, 1 folds to itself, 2 folds to something else. */
const SELF = new Uint8Array(0x10000);

/**
 * Whether the BMP code point `c` folds to itself: a table lookup once known, so the common case of
 * `normalize` (Arabic letters, which mostly stay) allocates nothing per character.
 */
export function foldsToSelf(c: number): boolean {
  let v = SELF[c];
  if (v === 0) {
    const f = foldChar(c, String.fromCharCode(c));
    v = f.length === 1 && f.charCodeAt(0) === c ? 1 : 2;
    SELF[c] = v;
  }
  return v === 1;
}
