/**
 * @module Gold inflection groups for stemmer evaluation, from Debian's `aspell-ar-large` dictionary.
 * One dictionary entry with its affix flags is one inflection group (`aspell expand` writes its forms);
 * aspell stores each prefix combination (ال، و/ف، ب/ك/ل and their stacks) as a separate entry, so those
 * entries are merged into the group of the entry they prefix. A fixed-seed sample is cached under
 * bench/.cache/ (git-ignored).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prng } from '../prng.ts';

const CACHE_DIR = fileURLToPath(new URL('../.cache/', import.meta.url));

/** Prefixes aspell spells out as entries of their own, longest first. */
const ARTICLE_PREFIXES = ['وبال', 'فبال', 'وكال', 'فكال', 'وللـ', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
/** Conjunctions, prepositions and the verb's future and jussive particles, longest first. */
const CLITIC_PREFIXES = ['وس', 'فس', 'وب', 'فب', 'وك', 'فك', 'ول', 'فل', 'و', 'ف', 'ب', 'ك', 'ل', 'س'];

export interface GoldGroups {
  seed: number;
  /** groups[i]: every form of one inflection group, prefixed forms merged in. */
  groups: string[][];
}


/**
 * The base entry an entry prefixes, or null when it is a base itself. A clitic is trusted only when the
 * prefixed entry's affix flags are a subset of the rest's (ببحر is ب + بحر; بحر is not ب + حر, whose
 * flags differ): aspell gives a prefixed entry the subset of its base's affixes that can follow it.
 */
function baseOf(word: string, flags: Map<string, string>): string | null {
  for (const p of ARTICLE_PREFIXES) {
    if (word.startsWith(p) && flags.has(word.slice(p.length))) return word.slice(p.length);
  }
  const mine = flags.get(word) ?? '';
  for (const p of CLITIC_PREFIXES) {
    if (!word.startsWith(p)) continue;
    const theirs = flags.get(word.slice(p.length));
    if (theirs !== undefined && [...mine].every((f) => theirs.includes(f))) return word.slice(p.length);
  }
  return null;
}

/**
 * The sample of `size` groups drawn with `seed`, from the cache or built with aspell (a few seconds).
 * Throws with a clear message when aspell or the ar-large dictionary is missing.
 */
export function goldGroups(size = 3000, seed = 20230518): GoldGroups {
  const file = `${CACHE_DIR}aspell-ar-large-${size}-${seed}.json`;
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as GoldGroups;

  let dump: string;
  try {
    dump = execFileSync('aspell', ['-d', 'ar-large', 'dump', 'master'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  } catch (e) {
    throw new Error(`aspell with the ar-large dictionary is needed (Debian: apt-get install aspell-ar-large): ${(e as Error).message}`);
  }
  const lines = dump.split('\n').filter(Boolean);
  const flags = new Map<string, string>();
  for (const l of lines) {
    const [word, f = ''] = l.split('/');
    flags.set(word, (flags.get(word) ?? '') + f);
  }
  const members = new Map<string, string[]>(); // base → lines of the entries in its group
  for (const line of lines) {
    const word = line.split('/')[0];
    if (!/^[\u0621-\u064a]+$/.test(word)) continue;
    const base = baseOf(word, flags) ?? word;
    let list = members.get(base);
    if (!list) members.set(base, (list = []));
    list.push(line);
  }
  const bases = [...members.keys()].filter((b) => members.get(b)!.some((l) => l.split('/')[0] === b)).sort();
  const random = prng(seed);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(size, bases.length)) chosen.add(bases[Math.floor(random() * bases.length)]);

  const input: string[] = [];
  const owner: number[] = [];
  const ordered = [...chosen];
  ordered.forEach((b, i) => {
    for (const line of members.get(b)!) {
      input.push(line);
      owner.push(i);
    }
  });
  const expanded = spawnSync('aspell', ['--lang=ar-large', 'expand'], { input: input.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 30 });
  if (expanded.status !== 0) throw new Error(`aspell expand failed: ${expanded.stderr}`);
  const out = expanded.stdout.split('\n');
  const groups: Set<string>[] = ordered.map(() => new Set());
  for (let i = 0; i < input.length; i++) for (const form of (out[i] ?? '').split(' ')) if (form) groups[owner[i]].add(form);

  const result: GoldGroups = { seed, groups: groups.map((g) => [...g]) };
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(result));
  return result;
}
