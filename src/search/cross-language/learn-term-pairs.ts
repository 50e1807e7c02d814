/**
 * @module Term pairs learned from translations, with no dictionary: the title, summary, headings (and,
 * where both sides have as many, paragraphs) of an article and its translation are aligned unit by unit;
 * stems that keep meeting in aligned units are pairs. Co-occurrence alone pairs every word of a title
 * with every other, so the counts go through competitive linking (Melamed 2000): in each aligned unit the
 * most strongly associated stems (Dice) are linked one to one, greedily, and a pair's score is the Dice
 * coefficient of its links. A pair needs `minLinks` links, so one article never teaches a translation.
 */
import type { AlignUnits } from './align-units.ts';

export interface Translation {
  lang: string;
  stem: string;
  /** 0…1: twice the pair's links over both stems' unit counts. */
  score: number;
}

/** `lang:stem` → its translations, best first. */
export type TermPairs = Map<string, Translation[]>;

export interface Side {
  lang: string;
  units: AlignUnits;
}

export interface LearnOptions {
  /** Links a pair needs (default 2). */
  minLinks?: number;
  /** Lowest score kept (default 0.3). */
  minScore?: number;
  /** Translations kept a stem (default 3). */
  maxPerTerm?: number;
  /** Align paragraphs too, where both sides have as many (default true). */
  paragraphs?: boolean;
}

/** Stems past this many in one unit are left out: a unit that long aligns too loosely to teach much. */
const MAX_UNIT = 80;

const key = (lang: string, stem: string) => `${lang}:${stem}`;

/** The aligned units of one translation pair, each side's stems deduplicated. */
function alignedUnits(a: Side, b: Side, paragraphs: boolean): [string[], string[]][] {
  const out: [string[], string[]][] = [
    [a.units.title, b.units.title],
    [a.units.summary, b.units.summary],
  ];
  if (a.units.headings.length === b.units.headings.length) a.units.headings.forEach((h, i) => out.push([h, b.units.headings[i]]));
  if (paragraphs && a.units.paragraphs.length === b.units.paragraphs.length) a.units.paragraphs.forEach((p, i) => out.push([p, b.units.paragraphs[i]]));
  const clip = (xs: string[]) => [...new Set(xs)].slice(0, MAX_UNIT);
  return out.map(([x, y]) => [clip(x), clip(y)] as [string[], string[]]).filter(([x, y]) => x.length > 0 && y.length > 0);
}

/**
 * Learns term pairs from translation pairs (each an article and its translation).
 * @example
 * learnTermPairs(pairs).get('en:arm') // → [{ lang: 'ar', stem: 'اسلح', score: 0.71 }, { lang: 'ar', stem: 'تسليح', score: 0.4 }]
 */
export function learnTermPairs(pairs: [Side, Side][], opts: LearnOptions = {}): TermPairs {
  const steps = learning(pairs, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Candidates sorted first in a unit, per link it can make (see the linking below). */
const FIRST_SHARE = 4;

/** How long learning holds the event loop before it lets other work run (ms). */
const SLICE_MS = 8;

/**
 * `learnTermPairs`, in slices of a few milliseconds with a turn of the event loop between them: over
 * thousands of translations learning takes seconds, and pages must be served meanwhile.
 */
export async function learnTermPairsInSlices(pairs: [Side, Side][], opts: LearnOptions = {}): Promise<TermPairs> {
  const steps = learning(pairs, opts);
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}

/**
 * The learning itself, yielding between units. Stems are interned as integers numbered in the order of
 * their `lang:stem` keys, so comparing two ids compares the keys (the linking's tie-break) and the counts
 * live in typed arrays and one numeric map: the same answer as string keys, several times faster.
 */
function* learning(pairs: [Side, Side][], opts: LearnOptions): Generator<void, TermPairs> {
  const { minLinks = 2, minScore = 0.3, maxPerTerm = 3, paragraphs = true } = opts;
  const units: { a: string[]; b: string[] }[] = [];
  for (let i = 0; i < pairs.length; i++) {
    const [a, b] = pairs[i];
    if (a.lang !== b.lang) for (const [x, y] of alignedUnits(a, b, paragraphs)) units.push({ a: x.map((s) => key(a.lang, s)), b: y.map((s) => key(b.lang, s)) });
    if (i % 64 === 63) yield;
  }
  const ids = new Map<string, number>();
  for (const u of units) for (const side of [u.a, u.b]) for (const k of side) if (!ids.has(k)) ids.set(k, 0);
  const keys = [...ids.keys()].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
  keys.forEach((k, i) => ids.set(k, i));
  const n = keys.length;
  const idUnits = units.map((u) => ({ a: Int32Array.from(u.a, (k) => ids.get(k)!), b: Int32Array.from(u.b, (k) => ids.get(k)!) }));
  yield;
  // Counts: units holding each stem, and each pair of stems across an aligned unit (per x, by y: small
  // integer keys, which a Map hashes without allocating).
  const df = new Float64Array(n);
  const co: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let i = 0; i < idUnits.length; i++) {
    const { a, b } = idUnits[i];
    for (const x of a) df[x]++;
    for (const y of b) df[y]++;
    for (const x of a) {
      const row = co[x];
      for (const y of b) row.set(y, (row.get(y) ?? 0) + 1);
    }
    if (i % 64 === 63) yield;
  }
  // Competitive linking: in each unit, the strongest associations first (then the lower keys), each stem linked once.
  const links = new Map<number, Map<number, number>>();
  let dice = new Float64Array(0);
  let order = new Int32Array(0);
  for (let i = 0; i < idUnits.length; i++) {
    const { a, b } = idUnits[i];
    const size = a.length * b.length;
    if (dice.length < size) {
      dice = new Float64Array(size);
      order = new Int32Array(size);
    }
    for (let p = 0; p < a.length; p++) {
      const x = a[p];
      const row = co[x];
      for (let q = 0; q < b.length; q++) {
        const y = b[q];
        dice[p * b.length + q] = (2 * row.get(y)!) / (df[x] + df[y]);
      }
    }
    const width = b.length;
    const most = Math.min(a.length, b.length);
    const before = (p: number, q: number) => dice[q] - dice[p] || a[(p / width) | 0] - a[(q / width) | 0] || b[p % width] - b[q % width];
    // Only the strongest candidates are usually needed before every stem of the smaller side is linked:
    // those at or above the FIRST_SHARE-th strongest score are sorted first, the rest only if still needed
    // (every one of them scores lower, so the order is the full sort's).
    const wanted = Math.min(size, most * FIRST_SHARE);
    let threshold = -Infinity;
    if (wanted < size) {
      const scores = dice.slice(0, size).sort();
      threshold = scores[size - wanted];
    }
    let strong = 0;
    let weak = size;
    for (let c = 0; c < size; c++) {
      if (dice[c] >= threshold) order[strong++] = c;
      else order[--weak] = c;
    }
    const usedA = new Set<number>();
    const usedB = new Set<number>();
    const link = (from: number, to: number) => {
      const part = order.subarray(from, to).sort(before);
      for (let c = 0; c < part.length && usedA.size < most; c++) {
        const x = a[(part[c] / width) | 0];
        const y = b[part[c] % width];
        if (usedA.has(x) || usedB.has(y)) continue;
        usedA.add(x);
        usedB.add(y);
        let m = links.get(x);
        if (!m) links.set(x, (m = new Map()));
        m.set(y, (m.get(y) ?? 0) + 1);
      }
    };
    link(0, strong);
    if (usedA.size < most) link(strong, size);
    if (i % 16 === 15) yield;
  }
  const out: TermPairs = new Map();
  const add = (from: string, to: string, score: number) => {
    const [lang, ...rest] = to.split(':');
    let list = out.get(from);
    if (!list) out.set(from, (list = []));
    list.push({ lang, stem: rest.join(':'), score });
  };
  for (const [x, m] of links) {
    for (const [y, count] of m) {
      if (count < minLinks) continue;
      const score = (2 * count) / (df[x] + df[y]);
      if (score < minScore) continue;
      add(keys[x], keys[y], score);
      add(keys[y], keys[x], score);
    }
  }
  for (const [k, list] of out) {
    list.sort((p, q) => q.score - p.score || (p.stem < q.stem ? -1 : 1));
    out.set(k, list.slice(0, maxPerTerm));
  }
  return out;
}

/** A stem's learned translations: `translationsOf(pairs, 'en', 'arm')` → [{ lang: 'ar', stem: 'اسلح', … }]. */
export function translationsOf(pairs: TermPairs, lang: string, stem: string): Translation[] {
  return pairs.get(key(lang, stem)) ?? [];
}
