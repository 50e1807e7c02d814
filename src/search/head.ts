/**
 * @module An article's head — the analyzed tokens of its title and summary — as a small array of
 * 32-bit hashes kept on its `search_doc` row (`head`) and in memory with the document columns. A broad
 * query ranks its newest matches by where the words stand, asking the head instead of the full-text
 * index once per word and field, and which query words stand side by side there. Layout: six counts
 * (title stems, title exact forms, summary stems, summary exact forms, then adjacent stem pairs of the
 * title and of the summary), then each part's distinct hashes. A false "present" needs two different
 * tokens of one article's head to share a 32-bit hash.
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
  const parts = lists.map((tokens) => [...new Set(tokens.map(tokenHash))]);
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
  for (let i = 0; i < n; i++) out.push(view.getInt32(i * 4, true));
}

/** Whether part `part` of the head stored at `data[at…]` holds `hash`. */
export function headHas(data: Int32Array, at: number, part: number, hash: number): boolean {
  let start = at + PARTS;
  for (let p = 0; p < part; p++) start += data[at + p];
  const end = start + data[at + part];
  for (let i = start; i < end; i++) if (data[i] === hash) return true;
  return false;
}
