/**
 * @module Scores on Mizan's own evaluation sets (gold-sets.ts). A contender stems words and may also
 * join stems that differ (Mizan's broken-plural join, given the vocabulary of every stem in the sets,
 * as the corpus's vocabulary is given at search time). Two words are joined when their stems are equal
 * or joined. Inflection recall and precision are pairwise over groups, counted with per-stem tallies.
 */
import { brokenPluralPairs, distinctPairs, inflectionGroups } from './gold-sets.ts';

export interface Contender {
  name: string;
  stem(word: string): string;
  /** Stems joined to `stem` (not itself), among `vocab`. */
  joins?(stem: string, vocab: Set<string>): Iterable<string>;
}

export interface GoldScore {
  name: string;
  brokenPlural: number;
  inflectionRecall: number;
  inflectionPrecision: number;
  distinctApart: number;
  wordsPerSecond: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

export function goldScores(contenders: Contender[]): { sizes: string; rows: GoldScore[] } {
  const bp = brokenPluralPairs();
  const distinct = distinctPairs();
  const groups = inflectionGroups();
  const allWords = [...new Set([...bp.flat(), ...bp.flat().map((w) => 'ال' + w), ...distinct.flat(), ...groups.flatMap((g) => g.forms)])];
  const sizes = `${bp.length} broken-plural pairs, ${groups.length} inflection groups (${groups.reduce((n, g) => n + g.forms.length, 0)} forms), ${distinct.length} distinct pairs`;

  const rows = contenders.map((c): GoldScore => {
    const stems = new Map<string, string>();
    for (const w of allWords) stems.set(w, c.stem(w));
    const vocab = new Set(stems.values());
    const joinMemo = new Map<string, Set<string>>();
    const joinsOf = (s: string) => {
      let j = joinMemo.get(s);
      if (!j) joinMemo.set(s, (j = new Set(c.joins ? c.joins(s, vocab) : [])));
      return j;
    };
    const joined = (a: string, b: string) => {
      const [x, y] = [stems.get(a)!, stems.get(b)!];
      return x === y || joinsOf(x).has(y) || joinsOf(y).has(x);
    };

    let bpHit = 0;
    for (const [s, p] of bp) bpHit += (joined(s, p) ? 1 : 0) + (joined('ال' + s, 'ال' + p) ? 1 : 0);
    let apart = 0;
    for (const [a, b] of distinct) if (!joined(a, b)) apart++;

    // Inflection: each form counted once, in the first group that has it.
    const seen = new Set<string>();
    const tally = new Map<string, Map<number, number>>();
    let gold = 0;
    let correct = 0;
    groups.forEach((g, gi) => {
      const local = new Map<string, number>();
      let n = 0;
      for (const f of g.forms) {
        if (seen.has(f)) continue;
        seen.add(f);
        n++;
        const s = stems.get(f)!;
        local.set(s, (local.get(s) ?? 0) + 1);
        let t = tally.get(s);
        if (!t) tally.set(s, (t = new Map()));
        t.set(gi, (t.get(gi) ?? 0) + 1);
      }
      gold += pairs(n);
      for (const k of local.values()) correct += pairs(k);
    });
    let conflated = 0;
    for (const t of tally.values()) {
      let total = 0;
      for (const k of t.values()) total += k;
      conflated += pairs(total);
    }
    // Pairs joined across stems: every form of one stem with every form of the other.
    for (const [s, t] of tally) {
      for (const p of joinsOf(s)) {
        if (p <= s) continue;
        const u = tally.get(p);
        if (!u) continue;
        let ts = 0;
        let tu = 0;
        for (const k of t.values()) ts += k;
        for (const k of u.values()) tu += k;
        conflated += ts * tu;
        for (const [g, k] of t) correct += k * (u.get(g) ?? 0);
      }
    }

    // Words per second: stemming (and joining) every word of the sets, best of 3.
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const t0 = process.hrtime.bigint();
      let sink = 0;
      const memo = new Map<string, number>();
      for (const w of allWords) {
        const s = c.stem(w);
        sink += s.length;
        if (c.joins && !memo.has(s)) {
          let k = 0;
          for (const _ of c.joins(s, vocab)) k++;
          memo.set(s, k);
        }
      }
      if (sink < 0) console.log(sink);
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    }
    return {
      name: c.name,
      brokenPlural: bpHit / (2 * bp.length),
      inflectionRecall: gold ? correct / gold : 0,
      inflectionPrecision: conflated ? correct / conflated : 1,
      distinctApart: apart / distinct.length,
      wordsPerSecond: allWords.length / best,
    };
  });
  return { sizes, rows };
}
