/**
 * @module An article's head — the analyzed tokens of its title and summary — as a small array of
 * 32-bit hashes kept on its `search_doc` row (`head`) and in memory with the document columns. A broad
 * query ranks its newest matches by where the words stand, asking the head instead of the full-text
 * index once per word and field, and which query words stand side by side there. Layout: six counts
 * (title stems, title exact forms, summary stems, summary exact forms, then adjacent stem pairs of the
 * title and of the summary), then each part's distinct hashes, ascending. A false "present" needs two
 * different tokens of one article's head to share a 32-bit hash.
 */
import type { SearchDoc } from './search-doc.ts';

export const HEAD_PARTS = ['title', 'titleExact', 'summary', 'summaryExact', 'titlePairs', 'summaryPairs'] as const;
export type HeadPart = (typeof HEAD_PARTS)[number];
const PARTS = HEAD_PARTS.length;

/** FNV-1a over the token's UTF-16 code units, as a signed 32-bit integer. */
export function tokenHash(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The bytes `search_doc.head` keeps for `doc` (little-endian 32-bit integers). */
/** The key a pair of adjacent stems is hashed under. */
export const pairKey = (a: string, b: string) => `${a} ${b}`;

const pairsOf = (stems: string[]) => stems.slice(1).map((b, i) => pairKey(stems[i], b));

export function encodeHead(doc: SearchDoc): Uint8Array {
  const { title, summary } = doc.fields;
  const lists = [title.stems, title.exacts, summary.stems, summary.exacts, pairsOf(title.stems), pairsOf(summary.stems)];
  const parts = lists.map((tokens) => [...new Set(tokens.map(tokenHash))].sort((a, b) => a - b));
  const ints = [...parts.map((p) => p.length), ...parts.flat()];
  const bytes = new Uint8Array(ints.length * 4);
  const view = new DataView(bytes.buffer);
  ints.forEach((v, i) => view.setInt32(i * 4, v, true));
  return bytes;
}

/** A growable array of 32-bit integers (a plain array of numbers takes twice the memory, and more while it grows). */
export class IntList {
  #data: Int32Array<ArrayBuffer> = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.#data.length) {
      const bigger = new Int32Array(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.length++] = v;
  }
  /** Sorts positions [start, end) ascending. */
  sortRange(start: number, end: number): void {
    const part = this.#data.subarray(start, end);
    for (let i = 1; i < part.length; i++) {
      if (part[i - 1] > part[i]) {
        part.sort();
        return;
      }
    }
  }
  toArray(): Int32Array<ArrayBuffer> {
    return this.#data.slice(0, this.length);
  }
}

/** Decodes `search_doc.head` into `out` (appending); empty or malformed bytes give an empty head. */
export function decodeHead(bytes: Uint8Array | null | undefined, out: IntList): void {
  const n = bytes ? Math.floor(bytes.byteLength / 4) : 0;
  const valid = () => {
    if (n < PARTS) return false;
    const view = new DataView(bytes!.buffer, bytes!.byteOffset, n * 4);
    let total = 0;
    for (let i = 0; i < PARTS; i++) {
      const c = view.getInt32(i * 4, true);
      if (c < 0) return false;
      total += c;
    }
    return total === n - PARTS;
  };
  if (!valid()) {
    for (let i = 0; i < PARTS; i++) out.push(0);
    return;
  }
  const view = new DataView(bytes!.buffer, bytes!.byteOffset, n * 4);
  const at = out.length;
  for (let i = 0; i < n; i++) out.push(view.getInt32(i * 4, true));
  // Heads written before parts were kept sorted are sorted here: lookups search them by halves.
  let start = at + PARTS;
  for (let p = 0; p < PARTS; p++) {
    const count = view.getInt32(p * 4, true);
    out.sortRange(start, start + count);
    start += count;
  }
}

/** Where part `part` of the head stored at `data[at…]` starts in `data` (it ends `data[at + part]` later). */
export function partStart(data: Int32Array, at: number, part: number): number {
  let start = at + PARTS;
  for (let p = 0; p < part; p++) start += data[at + p];
  return start;
}

/** Whether the sorted stretch `data[start, end)` holds `hash`. */
export function rangeHas(data: Int32Array, start: number, end: number, hash: number): boolean {
  let lo = start;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = data[mid];
    if (v === hash) return true;
    if (v < hash) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Whether part `part` of the head stored at `data[at…]` holds `hash`. */
export function headHas(data: Int32Array, at: number, part: number, hash: number): boolean {
  const start = partStart(data, at, part);
  return rangeHas(data, start, start + data[at + part], hash);
}
