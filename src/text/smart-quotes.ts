/**
 * @module Typographic quotation marks for reader-facing prose. Imported and typed text keeps the
 * typewriter's straight quotes ("…", '…'); a publication prints its language's marks: «…» in Arabic, “…”
 * and ‘…’ in English, ’ for an apostrophe. One character becomes one character, so the offsets of a
 * block's links stay valid; addresses inside the text are left alone.
 */
import { Remembered } from '../lib/remembered.ts';
import { urlSpans } from './url-spans.ts';

interface Marks {
  open: string;
  close: string;
  openSingle: string;
  closeSingle: string;
}

const ARABIC: Marks = { open: '«', close: '»', openSingle: '‘', closeSingle: '’' };
const LATIN: Marks = { open: '“', close: '”', openSingle: '‘', closeSingle: '’' };

/** A quote after one of these (or at the start) opens; after anything else it closes. */
const OPENS_AFTER = /[\s([{\u2014\u2013\-/«“‘\u200E\u200F\u2066-\u2069]/u;
const LETTER = /[\p{L}\p{N}]/u;

/**
 * The text with straight quotes turned into the marks of `lang` (Arabic for `ar`, English marks otherwise).
 *
 * @example smartQuotes('وصف "الفرصة" بأنها سانحة', 'ar') // → 'وصف «الفرصة» بأنها سانحة'
 * @example smartQuotes(`the "window" wasn't open`, 'en') // → 'the “window” wasn’t open'
 */
export function smartQuotes(text: string, lang: string): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  // A page sets the same titles and summaries on every request (twice: head and body): remember short ones.
  if (text.length > 1000) return curled(text, lang);
  return remembered.get(`${lang}\u0000${text}`, () => curled(text, lang));
}

const remembered = new Remembered<string>(10_000);

function curled(text: string, lang: string): string {
  const marks = lang === 'ar' ? ARABIC : LATIN;
  const inUrl = urlSpans(text);
  let out = '';
  // Whether a double quote is open: decides a quote with letters on both sides (و"هذا": the conjunction
  // joins the opening mark in Arabic).
  let openDouble = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch !== '"' && ch !== "'") || inUrl(i)) {
      out += ch;
      continue;
    }
    const before = i === 0 ? ' ' : text[i - 1];
    const after = i + 1 < text.length ? text[i + 1] : ' ';
    const opens = OPENS_AFTER.test(before) && !/\s/u.test(after);
    if (ch === '"') {
      const between = LETTER.test(before) && LETTER.test(after);
      openDouble = between ? !openDouble : opens;
      out += openDouble ? marks.open : marks.close;
    }
    // An apostrophe inside a word (wasn't, Qur'an) or after one (the institutes') is the closing mark.
    else out += opens && !(LETTER.test(before) && LETTER.test(after)) ? marks.openSingle : marks.closeSingle;
  }
  return out;
}
