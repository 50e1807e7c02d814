/**
 * @module Turns a file's bytes into text, or refuses them by name: empty, binary, too big, or in an
 * encoding that is not UTF-8. Arabic pages saved as Windows-1256 are recognised and converted (with a
 * warning), since many older Arabic CMSs wrote that encoding. UTF-16 with a byte order mark (Notepad's
 * "Unicode") is read; without one it is recognised by its NUL bytes and refused as UTF-16, not as binary.
 */
import { MizanError } from '../lib/index.ts';
import type { Warning } from '../model/index.ts';

/** Pages above this size are refused before any parsing. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

const MAGIC: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP (or DOCX)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip', [0x1f, 0x8b]],
  ['SQLite', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
];

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Whether bytes without a byte order mark are UTF-16 text: its ASCII characters (spaces, line ends,
 * digits, Latin letters) have a NUL as one byte of each pair, always the same one (the second in
 * little-endian), while a binary file's NULs fall on both. Arabic letters have no NUL byte, so a few
 * NULs, nearly all on one side, are enough.
 *
 * @example looksUtf16(new Uint8Array([0x27, 0x06, 0x20, 0x00, 0x44, 0x06, 0x0a, 0x00])) // → true ("ا ل\n")
 */
function looksUtf16(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192 - (Math.min(bytes.length, 8192) % 2));
  const nuls = [0, 0];
  for (let i = 0; i < head.length; i++) if (head[i] === 0) nuls[i % 2]++;
  const [few, many] = nuls[0] < nuls[1] ? nuls : [nuls[1], nuls[0]];
  return many >= 2 && many >= head.length / 2 / 50 && few * 20 <= many;
}

/** Offset of a NUL byte near the start (no text format has one), or -1. */
function looksBinary(bytes: Uint8Array): number {
  return bytes.subarray(0, 8192).indexOf(0);
}

/**
 * The text of a page file, with warnings about what decoding had to do.
 *
 * @example
 * decodePage('a.txt', new TextEncoder().encode('\uFEFFtitle')).text // → 'title'
 */
export function decodePage(file: string, bytes: Uint8Array): { text: string; warnings: Warning[] } {
  if (bytes.length > MAX_PAGE_BYTES) {
    const mb = (bytes.length / 1048576).toFixed(1);
    throw new MizanError('too-big', `file is ${mb} MB; pages over ${MAX_PAGE_BYTES / 1048576} MB are refused`, { file, data: { problem: 'file', mb, limit: MAX_PAGE_BYTES / 1048576 } });
  }
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) throw new MizanError('binary', `binary file (${name}), not a page`, { file, line: 1, data: { problem: 'known', kind: name } });
  }
  // UTF-16 with a byte order mark is text, whatever its NUL bytes say.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(file, new TextDecoder('utf-16le').decode(bytes.subarray(2)), []);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(file, new TextDecoder('utf-16be').decode(bytes.subarray(2)), []);
  if (looksUtf16(bytes)) throw new MizanError('utf-16', 'the file is UTF-16: save it as UTF-8', { file, line: 1 });
  const bin = looksBinary(bytes);
  if (bin >= 0) throw new MizanError('binary', 'binary file, not a page', { file, line: lineAt(bytes, bin) });

  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return finish(file, new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), []);
  } catch (err) {
    if (err instanceof MizanError) throw err;
    // Not UTF-8: find where, then try the legacy Arabic encoding.
  }
  const bad = Math.max(0, firstInvalidUtf8(bytes));
  const line = lineAt(bytes, bad);
  const converted = new TextDecoder('windows-1256').decode(bytes);
  if (isMostlyArabic(converted)) {
    return finish(file, converted, [
      { code: 'encoding-converted', file, line, message: 'not UTF-8; read as Windows-1256 (Arabic) and converted' },
    ]);
  }
  const byte = `0x${bytes[bad].toString(16)}`;
  throw new MizanError('bad-encoding', `not UTF-8 (invalid byte ${byte}) and not Windows-1256 Arabic; save the file as UTF-8`, { file, line, data: { byte } });
}

/** Whether most non-ASCII letters of a decoded text are Arabic: the sign that a legacy guess was right. */
function isMostlyArabic(text: string): boolean {
  let arabic = 0;
  let other = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else other++;
  }
  return arabic > 0 && arabic >= other * 4;
}

function finish(file: string, text: string, warnings: Warning[]): { text: string; warnings: Warning[] } {
  if (text.trim() === '') throw new MizanError('empty', 'empty file: nothing to import', { file, line: 1 });
  return { text, warnings };
}
