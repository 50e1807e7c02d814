/**
 * @module Mizan's own evaluation sets (bench/text/gold, written by the Mizan team, MIT; see its README):
 * broken-plural pairs, inflection groups and pairs of distinct words. Inflection groups are expanded
 * here from a lemma and its class by the rules of Arabic spelling: clitics (و ف ب ك ل, ال and their
 * stacks), pronoun suffixes, dual and sound plural endings, accusative tanween alef.
 */
import { readFileSync } from 'node:fs';

const GOLD = new URL('./gold/', import.meta.url);

function rows(file: string): string[][] {
  return readFileSync(new URL(file, GOLD), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

/** Singular/broken-plural pairs. */
export const brokenPluralPairs = (): [string, string][] => rows('broken-plurals.tsv').map(([s, p]) => [s, p]);

/** Pairs of distinct words a search must keep apart. */
export const distinctPairs = (): [string, string][] => rows('distinct-pairs.tsv').map(([a, b]) => [a, b]);

const WEAK_END = /[ءاىيوأؤئ]$/;

/** Definite forms with their clitic stacks: ال, وال, بال, كال, لل (ل + ال; not before a word in ل, whose spelling differs). */
function definite(w: string): string[] {
  const out = ['ال' + w, 'وال' + w, 'بال' + w, 'كال' + w, 'وبال' + w];
  if (!w.startsWith('ل')) out.push('لل' + w);
  return out;
}

/** Indefinite forms behind a conjunction or a preposition. */
const cliticized = (w: string) => ['و' + w, 'ف' + w, 'ب' + w, 'ل' + w, 'ك' + w, 'وب' + w];

const PRONOUNS = ['ه', 'ها', 'هم', 'هما', 'نا', 'كم', 'ك'];

/**
 * The forms of one inflection group.
 * n: a masculine noun with a broken plural (the plural is not in the group: its pairs are measured apart);
 * fb: a noun in ة with a broken plural; f: a noun in ة with the sound plural ات;
 * m: a participle or adjective (ون/ين, its feminine ة/ات); a: a nisba adjective in ي.
 */
export function inflect(lemma: string, cls: string): string[] {
  const out = new Set<string>([lemma, ...definite(lemma), ...cliticized(lemma)]);
  const weak = WEAK_END.test(lemma) || lemma.length < 2;
  if (cls === 'n' && !weak) {
    for (const p of PRONOUNS) out.add(lemma + p);
    for (const d of ['ان', 'ين']) {
      out.add(lemma + d);
      out.add('ال' + lemma + d);
    }
    out.add(lemma + 'ا');
  }
  if (cls === 'f' || cls === 'fb') {
    const t = lemma.slice(0, -1) + 'ت';
    for (const p of PRONOUNS) out.add(t + p);
    for (const d of ['ان', 'ين']) {
      out.add(t + d);
      out.add('ال' + t + d);
    }
    if (cls === 'f') {
      const pl = lemma.slice(0, -1) + 'ات';
      for (const f of [pl, ...definite(pl), pl + 'ها', pl + 'هم', pl + 'نا', 'و' + pl]) out.add(f);
    }
  }
  if (cls === 'm' && !weak) {
    for (const f of [lemma + 'ون', lemma + 'ين', 'ال' + lemma + 'ون', 'ال' + lemma + 'ين', 'وال' + lemma + 'ين', lemma + 'و' + 'هم', lemma + 'ي' + 'هم']) out.add(f);
    for (const f of [lemma + 'ة', 'ال' + lemma + 'ة', lemma + 'ات', 'ال' + lemma + 'ات', lemma + 'تها', lemma + 'ان', lemma + 'ه', lemma + 'هم', lemma + 'ا']) out.add(f);
  }
  if (cls === 'a') {
    for (const f of [lemma + 'ة', 'ال' + lemma + 'ة', 'وال' + lemma + 'ة', 'بال' + lemma + 'ة', lemma + 'ون', lemma + 'ين', 'ال' + lemma + 'ين', lemma + 'ات', 'ال' + lemma + 'ات', lemma + 'ان', lemma + 'تان', lemma + 'ا']) out.add(f);
  }
  return [...out];
}

/**
 * Inflection groups: the lemma list (classes f, m, a) and the singulars of the broken-plural pairs
 * (class n, or fb when they end in ة), each lemma once.
 */
export function inflectionGroups(): { lemma: string; cls: string; forms: string[] }[] {
  const seen = new Set<string>();
  const out: { lemma: string; cls: string; forms: string[] }[] = [];
  const add = (lemma: string, cls: string) => {
    if (seen.has(lemma) || cls === 'x') return;
    seen.add(lemma);
    out.push({ lemma, cls, forms: inflect(lemma, cls) });
  };
  const lemmas = rows('lemmas.tsv');
  // A feminine noun spelled like a participle's feminine (مقاومة "resistance", مقاومة "a woman who
  // resists") is one written word with two readings: it belongs to the participle's group only.
  const participles = new Set(lemmas.filter(([, c]) => c === 'm').map(([l]) => l + 'ة'));
  for (const [lemma, cls] of lemmas) if (!(cls === 'f' && participles.has(lemma))) add(lemma, cls);
  for (const [s] of brokenPluralPairs()) add(s, s.endsWith('ة') ? 'fb' : 'n');
  return out;
}
