/**
 * @module Text and attribute values for hand-written XML: markup characters escaped, and characters XML
 * 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF) dropped, so any stored
 * string gives well-formed output.
 */

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** @example text('Arms & "Oil" <2023>') // → 'Arms &amp; "Oil" &lt;2023&gt;' */
export function text(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** @example attr('Articles & Testimony') // → 'Articles &amp; Testimony' */
export function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
