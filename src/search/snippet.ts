/**
 * @module Snippets: a short passage of an article's original text around the words a query matched,
 * escaped, with those words in `<mark>`. Matches are found on the analyzer's terms and marked with
 * its token offsets, so `بالأسلحة` lights up for a query `اسلحة` while the reader still sees the
 * text as written (hamza, harakat and all).
 */
import { analyze, normalize, tokenize } from '../text/index.ts';
import { indexToken } from './index-token.ts';

/** How long a snippet runs, in characters of original text. */
export const SNIPPET_CHARS = 240;
/** Text past this point is not scanned: long reports keep snippets cheap. */
const SCAN_LIMIT = 40_000;
/** Lines with a match read before the best passage is chosen among them: the opening ones usually hold it. */
const MATCHED_LINES = 6;
/** A line longer than this is analyzed around its first possible match before all of it. */
const LONG_LINE = 600;
/** Leading characters of a wanted term that a line must hold to be analyzed: four keep "ال" from passing every Arabic line. */
const PROBE_CHARS = 4;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `escapeHtml('<a & b>')` → `'&lt;a &amp; b&gt;'`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Analyzed tokens remembered (a page's snippets meet the same words again and again); cleared when full. */
const MEMO_SIZE = 20_000;
const memo = new Map<string, { stem: string; exact: string; start: number; end: number }[]>();

/** The index keys (stem and exact form) of one token, with offsets inside it. */
function tokenKeys(token: string, lang: string | undefined) {
  const key = `${lang ?? ''}\u0000${token}`;
  let keys = memo.get(key);
  if (keys === undefined) {
    keys = analyze(token, lang).map((t) => ({ stem: indexToken(t.term), exact: indexToken(t.exact), start: t.start, end: t.end }));
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, keys);
  }
  return keys;
}

interface Span {
  start: number;
  end: number;
  key: string;
  /** The word as the query wrote it (normalized), not only its stem. */
  exact: boolean;
  /** Which line (block) of the text it is on: a snippet is cut from one block. */
  line: number;
}

/**
 * Short leading pieces of the wanted terms: a line whose normalized text holds none cannot match.
 * A Latin probe must start a word (English stems only lose endings), so "en" does not pass every
 * line holding "then"; an Arabic one may stand inside a word, behind its prefixes (و، ال، ب…).
 */
interface Probe {
  text: string;
  atWordStart: boolean;
}

function probesOf(wanted: ReadonlySet<string>): Probe[] {
  const texts = [...new Set([...wanted].map((w) => [...w].slice(0, PROBE_CHARS).join('')))];
  return texts.map((text) => ({ text, atWordStart: /^[a-z0-9]/.test(text) }));
}

const isLatinWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c < 0x250);

/** Where `probe` first stands in `folded` (normalized text), or -1. */
function probeAt(folded: string, probe: Probe): number {
  for (let i = folded.indexOf(probe.text); i !== -1; i = folded.indexOf(probe.text, i + 1)) {
    if (!probe.atWordStart || i === 0 || !isLatinWordChar(folded.charCodeAt(i - 1))) return i;
  }
  return -1;
}

/** Where the first of `probes` stands in `folded`, or -1. */
function firstProbe(folded: string, probes: Probe[]): number {
  let at = -1;
  for (const p of probes) {
    const i = probeAt(folded, p);
    if (i !== -1 && (at === -1 || i < at)) at = i;
  }
  return at;
}

/**
 * The matched tokens of `text`, in order. Only lines whose normalized text holds a probe go through
 * the analyzer: most lines of a long article cannot match, and normalizing is far cheaper than analyzing.
 */
function matches(text: string, lang: string | undefined, wanted: ReadonlySet<string>, words: number, scanLimit = SCAN_LIMIT): Span[] {
  const out: Span[] = [];
  if (wanted.size === 0) return out;
  const probes = probesOf(wanted);
  const scanned = text.slice(0, scanLimit);
  let line = 0;
  let matchedLines = 0;
  for (let from = 0; from < scanned.length && matchedLines < MATCHED_LINES; line++) {
    let to = scanned.indexOf('\n', from);
    if (to === -1) to = scanned.length;
    const piece = scanned.slice(from, to);
    const folded = normalize(piece);
    const at = firstProbe(folded, probes);
    if (at !== -1) {
      const before = out.length;
      // A long line is analyzed around its first probe only (normalizing only drops marks, so the
      // match sits at or after the same index in the original); all of it when that finds nothing.
      const tries: [number, number][] = piece.length > LONG_LINE ? [[wordStart(piece, Math.max(0, at - SNIPPET_CHARS), 0), wordEnd(piece, Math.min(piece.length, at + LONG_LINE))], [0, piece.length]] : [[0, piece.length]];
      for (const [a, b] of tries) {
        // Only tokens holding a probe are analyzed: stemming every word of a paragraph is most of the cost.
        for (const tok of tokenize(piece.slice(a, b))) {
          const folded = normalize(tok.text);
          if (firstProbe(folded, probes) === -1) continue;
          const base = from + a + tok.start;
          for (const t of tokenKeys(tok.text, lang)) {
            const exact = wanted.has(t.exact);
            if (exact || wanted.has(t.stem)) out.push({ start: base + t.start, end: base + t.end, key: t.stem, exact, line });
          }
        }
        if (out.length > before) break;
      }
      if (out.length > before) {
        matchedLines++;
        // A line holding every query word as typed is as good a passage as any later line can offer.
        const exact = new Set(out.slice(before).filter((sp) => sp.exact).map((sp) => sp.key));
        if (exact.size >= words) break;
      }
    }
    from = to + 1;
  }
  return out;
}

/**
 * The window start that holds the most distinct matched terms, a term written as the query wrote it
 * counting double (then the most matches), as ranking does.
 */
function bestWindow(spans: Span[], width: number): number {
  let best = 0;
  let bestScore = -1;
  let bestCount = -1;
  for (let i = 0; i < spans.length && i < 400; i++) {
    const from = spans[i].start;
    const seen = new Map<string, boolean>();
    let count = 0;
    for (let j = i; j < spans.length && spans[j].end <= from + width && spans[j].line === spans[i].line; j++) {
      seen.set(spans[j].key, seen.get(spans[j].key) || spans[j].exact);
      count++;
    }
    let score = 0;
    for (const exact of seen.values()) score += exact ? 2 : 1;
    if (score > bestScore || (score === bestScore && count > bestCount)) {
      best = i;
      bestScore = score;
      bestCount = count;
    }
  }
  return spans.length ? spans[best].start : 0;
}

/** Moves `i` back to the start of the word it falls in (or a line start), never past `floor`. */
function wordStart(text: string, i: number, floor: number): number {
  while (i > floor && !/\s/u.test(text[i - 1])) i--;
  return i;
}

function wordEnd(text: string, i: number): number {
  while (i < text.length && !/\s/u.test(text[i])) i++;
  return i;
}

/**
 * A highlighted passage of `text` for the terms in `wanted` (analyzer terms: stems or exact forms).
 * `words`, the number of words the query asked for, lets the scan stop at a line holding them all as typed;
 * `scanLimit`, how many characters are looked through (attachments' long texts get more).
 *
 * @example
 * makeSnippet('باعت روسيا الجزائر كميات من الأسلحة.', 'ar', new Set(['سلح']))
 * // → 'باعت روسيا الجزائر كميات من <mark>الأسلحة</mark>.'  (with whatever stem the analyzer gives)
 */
export function makeSnippet(text: string, lang: string | undefined, wanted: ReadonlySet<string>, width = SNIPPET_CHARS, words = Infinity, scanLimit = SCAN_LIMIT): string {
  const spans = matches(text, lang, wanted, words, scanLimit);
  let from = 0;
  if (spans.length) {
    const first = bestWindow(spans, width);
    // Lead in with a little context, starting at a word boundary, preferably the line the match is on.
    const lineStart = text.lastIndexOf('\n', first) + 1;
    from = first - lineStart <= width / 4 ? lineStart : wordStart(text, first - Math.floor(width / 5), lineStart);
  }
  let to = Math.min(text.length, from + width);
  if (to < text.length) to = wordEnd(text, to);
  // A snippet is one passage: stop at the line end when the passage already holds its matches.
  const newline = text.indexOf('\n', from);
  if (newline !== -1 && newline < to) {
    const inside = spans.filter((s) => s.start >= from && s.end <= newline).length;
    if (inside > 0 || newline - from > width / 2) to = newline;
  }
  let html = from > 0 ? '… ' : '';
  let at = from;
  for (const span of spans) {
    if (span.start < from || span.end > to) continue;
    html += escapeHtml(text.slice(at, span.start)) + '<mark>' + escapeHtml(text.slice(span.start, span.end)) + '</mark>';
    at = span.end;
  }
  html += escapeHtml(text.slice(at, to));
  if (to < text.length) html += ' …';
  return html.replace(/\s+/gu, ' ').trim();
}
