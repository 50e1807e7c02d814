/**
 * @module The query language as typed, before any text analysis: words, `"phrases"`, `-exclusions`
 * and `OR` between items. It never fails: stray quotes close at the end, syntax characters of the
 * database engines (`* ^ : ( ) %` …) are plain separators, so whatever a reader types has a meaning
 * and nothing they type reaches an engine's own query syntax.
 */

export interface SyntaxItem {
  kind: 'word' | 'phrase';
  text: string;
}

export interface QuerySyntax {
  /** Every group must match; the items inside a group are alternatives (`a OR b`). */
  groups: SyntaxItem[][];
  /** Items no result may contain. */
  exclude: SyntaxItem[];
  /** True when items past `MAX_ITEMS` were dropped. */
  truncated: boolean;
}

/** The most items one query may hold; more make no better search and only cost time. */
export const MAX_ITEMS = 24;

// Characters that separate words here; the analyzer sees only what lies between them.
const SEPARATOR = /[\s*^:()[\]{}%+~<>=|\\/;,،؛!?؟]/u;
const QUOTES = /["“”«»]/u;

interface RawItem extends SyntaxItem {
  negated: boolean;
}

type Piece = RawItem | 'OR';

function lex(input: string): Piece[] {
  const pieces: Piece[] = [];
  const chars = [...input];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i];
    if (SEPARATOR.test(c)) {
      if (c === '|') pieces.push('OR');
      i++;
      continue;
    }
    let negated = false;
    if (c === '-' && i + 1 < chars.length && !SEPARATOR.test(chars[i + 1]) && chars[i + 1] !== '-') {
      negated = true;
      i++;
    }
    if (QUOTES.test(chars[i])) {
      i++;
      let text = '';
      while (i < chars.length && !QUOTES.test(chars[i])) text += chars[i++];
      i++; // the closing quote, or past the end when it was never closed
      // A phrase of only marks or symbols would match nothing and confuse the engine: drop it like a bare word.
      if (/[\p{L}\p{N}]/u.test(text)) pieces.push({ kind: 'phrase', text: text.trim(), negated });
      continue;
    }
    let text = '';
    while (i < chars.length && !SEPARATOR.test(chars[i]) && !QUOTES.test(chars[i])) text += chars[i++];
    if (!negated && text === 'OR') pieces.push('OR');
    else if (/[\p{L}\p{N}]/u.test(text)) pieces.push({ kind: 'word', text, negated });
  }
  return pieces;
}

/**
 * Reads a typed query.
 *
 * @example
 * parseQuerySyntax('روسيا OR موسكو "الغاز الطبيعي" -أوكرانيا')
 * // → { groups: [[{word روسيا}, {word موسكو}], [{phrase الغاز الطبيعي}]], exclude: [{word أوكرانيا}], truncated: false }
 */
export function parseQuerySyntax(input: string): QuerySyntax {
  const pieces = lex(input);
  const groups: SyntaxItem[][] = [];
  const exclude: SyntaxItem[] = [];
  let count = 0;
  let truncated = false;
  let joinNext = false;
  for (const piece of pieces) {
    if (piece === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    if (count >= MAX_ITEMS) {
      truncated = true;
      break;
    }
    count++;
    const item: SyntaxItem = { kind: piece.kind, text: piece.text };
    if (piece.negated) exclude.push(item);
    else if (joinNext) groups[groups.length - 1].push(item);
    else groups.push([item]);
    joinNext = false;
  }
  return { groups, exclude, truncated };
}
