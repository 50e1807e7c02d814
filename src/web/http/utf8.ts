/**
 * @module `utf8`: a string's UTF-8 bytes, written into one reused scratch buffer and copied out, which
 * costs about half of `TextEncoder.encode` on an Arabic page (Node's encoder builds its result in a
 * separate pass, and a page is encoded on every answer that is not cached).
 */

const SCRATCH_BYTES = 1 << 20;
let scratch: Buffer | undefined;

/**
 * `s` as UTF-8, in a buffer of its own (the caller may keep it: the page cache does).
 *
 * @example utf8('سلام') // → Uint8Array(8) [216, 179, 217, 132, 216, 167, 217, 133]
 */
export function utf8(s: string): Uint8Array {
  // Three bytes per UTF-16 unit at most: a string that might not fit goes the ordinary way.
  if (s.length * 3 > SCRATCH_BYTES) return new TextEncoder().encode(s);
  scratch ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  const n = scratch.write(s, 0, 'utf8');
  return new Uint8Array(scratch.subarray(0, n));
}
