/**
 * @module Escaping plain text for Markdown so that a reader gives back exactly that text: every
 * character Markdown could read as markup is backslash-escaped, and nothing else.
 */

/** ASCII punctuation that is markup somewhere inline (emphasis, links, code, HTML, entities, tables, strikethrough, autolinks). */
const INLINE = /[\\`*_[\]<>!|~&@]/g;

/**
 * Text escaped for a place inside a Markdown line; `atLineStart` also escapes what would open a block.
 *
 * @example
 * escapeMarkdown('1. *a* & b', true) // → '1\\. \\*a\\* \\& b'
 */
export function escapeMarkdown(text: string, atLineStart = false): string {
  let s = text.replace(INLINE, (c) => '\\' + c);
  // GFM turns bare addresses into links; a backslash before the colon or dot keeps them text.
  s = s.replace(/\b(https?|ftp):\/\//gi, '$1\\://').replace(/\bwww\./gi, 'www\\.');
  if (atLineStart) {
    s = s
      .replace(/^(#{1,6})(?=\s|$)/, (m) => '\\' + m)
      .replace(/^([-+=:])/, '\\$1')
      .replace(/^(\d{1,9})([.)])/, '$1\\$2');
  }
  return s;
}

/** A link destination, wrapped in angle brackets when it holds spaces or parentheses: `markdownUrl('https://a.org/x (1)')` → `'<https://a.org/x (1)>'`. */
export function markdownUrl(url: string): string {
  if (/[\s()<>]/.test(url) || url === '') return '<' + url.replace(/[<>\\]/g, (c) => encodeURIComponent(c)) + '>';
  return url.replace(/\\/g, '%5C');
}

/** A link title in double quotes: `markdownTitle('a "b"')` → `'"a \\"b\\""'`. */
export function markdownTitle(title: string): string {
  return '"' + title.replace(/[\\"]/g, (c) => '\\' + c).replace(/&/g, '\\&') + '"';
}
