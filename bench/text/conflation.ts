/**
 * @module Pairwise conflation scores of a stemmer on gold inflection groups: recall = pairs of one group
 * that share a stem / pairs of one group; precision = pairs sharing a stem that belong to one group /
 * pairs sharing a stem. Counted with per-stem tallies, never by listing pairs.
 */

export interface Conflation {
  recall: number;
  precision: number;
  f1: number;
  /** Pairs that share a stem (what the stemmer conflates). */
  conflated: number;
  /** Share of و/ف + ال forms whose stem equals the stem of the same form without و/ف. */
  conjunctionArticle: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Scores `stemmer` on `groups` (each form counted once, in the first group that has it). */
export function conflation(groups: string[][], stemmer: (w: string) => string): Conflation {
  const seen = new Set<string>();
  const byStem = new Map<string, Map<number, number>>();
  let goldPairs = 0;
  let sameGroupSameStem = 0;
  let conjTotal = 0;
  let conjHit = 0;
  groups.forEach((group, g) => {
    const stems = new Map<string, number>();
    let n = 0;
    for (const form of group) {
      if (seen.has(form)) continue;
      seen.add(form);
      n++;
      const s = stemmer(form);
      stems.set(s, (stems.get(s) ?? 0) + 1);
      let tally = byStem.get(s);
      if (!tally) byStem.set(s, (tally = new Map()));
      tally.set(g, (tally.get(g) ?? 0) + 1);
      if (/^[وف]ال/.test(form)) {
        conjTotal++;
        if (stemmer(form.slice(1)) === s) conjHit++;
      }
    }
    goldPairs += pairs(n);
    for (const c of stems.values()) sameGroupSameStem += pairs(c);
  });
  let conflated = 0;
  for (const tally of byStem.values()) {
    let total = 0;
    for (const c of tally.values()) total += c;
    conflated += pairs(total);
  }
  const recall = goldPairs ? sameGroupSameStem / goldPairs : 0;
  const precision = conflated ? sameGroupSameStem / conflated : 1;
  return { recall, precision, f1: recall + precision ? (2 * recall * precision) / (recall + precision) : 0, conflated, conjunctionArticle: conjTotal ? conjHit / conjTotal : 1 };
}
