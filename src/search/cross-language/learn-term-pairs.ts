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
  const { minLinks = 2, minScore = 0.3, maxPerTerm = 3, paragraphs = true } = opts;
  type Unit = { a: string[]; b: string[]; la: string; lb: string };
  const units: Unit[] = [];
  for (const [a, b] of pairs) {
    if (a.lang === b.lang) continue;
    for (const [x, y] of alignedUnits(a, b, paragraphs)) units.push({ a: x, b: y, la: a.lang, lb: b.lang });
  }
  // Counts: units holding each stem, and each pair of stems across an aligned unit.
  const df = new Map<string, number>();
  const co = new Map<string, Map<string, number>>();
  for (const u of units) {
    const as = u.a.map((s) => key(u.la, s));
    const bs = u.b.map((s) => key(u.lb, s));
    for (const s of [...as, ...bs]) df.set(s, (df.get(s) ?? 0) + 1);
    for (const x of as) {
      let m = co.get(x);
      if (!m) co.set(x, (m = new Map()));
      for (const y of bs) m.set(y, (m.get(y) ?? 0) + 1);
    }
  }
  const dice = (x: string, y: string) => (2 * (co.get(x)?.get(y) ?? 0)) / (df.get(x)! + df.get(y)!);
  // Competitive linking: in each unit, the strongest associations first, each stem linked once.
  const links = new Map<string, Map<string, number>>();
  for (const u of units) {
    const as = u.a.map((s) => key(u.la, s));
    const bs = u.b.map((s) => key(u.lb, s));
    const cand: [number, string, string][] = [];
    for (const x of as) for (const y of bs) cand.push([dice(x, y), x, y]);
    cand.sort((p, q) => q[0] - p[0] || (p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : p[2] < q[2] ? -1 : 1));
    const usedA = new Set<string>();
    const usedB = new Set<string>();
    for (const [, x, y] of cand) {
      if (usedA.has(x) || usedB.has(y)) continue;
      usedA.add(x);
      usedB.add(y);
      let m = links.get(x);
      if (!m) links.set(x, (m = new Map()));
      m.set(y, (m.get(y) ?? 0) + 1);
    }
  }
  const out: TermPairs = new Map();
  const add = (from: string, to: string, score: number) => {
    const [lang, ...rest] = to.split(':');
    let list = out.get(from);
    if (!list) out.set(from, (list = []));
    list.push({ lang, stem: rest.join(':'), score });
  };
  for (const [x, m] of links) {
    for (const [y, n] of m) {
      if (n < minLinks) continue;
      const score = (2 * n) / (df.get(x)! + df.get(y)!);
      if (score < minScore) continue;
      add(x, y, score);
      add(y, x, score);
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
