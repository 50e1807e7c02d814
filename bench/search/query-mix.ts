/**
 * @module The fixed query mix for latency: ~200 queries drawn (deterministically) from the corpus the
 * systems indexed, in the shapes readers use — one or two words in either language, variant spellings
 * (no hamza, ه for ة, a و in front), phrases, an exclusion, typos, Arabic with English, stop words alone.
 */
import type { Article } from '../../src/model/index.ts';
import { blockText } from '../../src/model/index.ts';
import { prng } from './generate.ts';

export interface MixQuery {
  kind: string;
  q: string;
}

/** Queries from the first articles of the corpus (pass at least a few hundred). */
export function queryMix(sample: Article[], seed = 42): MixQuery[] {
  const r = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const byLang = (lang: string) => sample.filter((a) => a.lang === lang);
  const tokensOf = (a: Article) => a.body.map(blockText).join(' ').replace(/[.،,]/g, '').split(/\s+/).filter(Boolean);
  // A reader's words are an article's distinct words, not its running text: drawing tokens would
  // favour the commonest words of the language, which few people search for.
  const wordsOf = (a: Article) => [...new Set(tokensOf(a))];
  const ar = byLang('ar');
  const en = byLang('en');
  const out: MixQuery[] = [];
  const add = (kind: string, n: number, make: () => string | undefined) => {
    for (let i = 0, tries = 0; i < n && tries < n * 20; tries++) {
      const q = make();
      if (q) {
        out.push({ kind, q });
        i++;
      }
    }
  };
  const word = (pool: Article[], min = 1) => {
    const w = wordsOf(pick(pool));
    const x = pick(w);
    return x && [...x].length >= min ? x : undefined;
  };
  const twoAdjacent = (pool: Article[]) => {
    const w = tokensOf(pick(pool));
    const i = Math.floor(r() * (w.length - 1));
    return [w[i], w[i + 1]];
  };
  const twoApart = (pool: Article[]) => {
    const w = wordsOf(pick(pool));
    return `${pick(w)} ${pick(w)}`;
  };
  add('ar word', 40, () => word(ar));
  add('ar two words', 30, () => twoApart(ar));
  add('ar variant', 20, () => {
    const w = word(ar, 4);
    if (!w || !/[أإآة]/.test(w)) return undefined;
    return w.replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه');
  });
  add('ar with و', 5, () => {
    const w = word(ar, 4);
    return w && !w.startsWith('و') ? 'و' + w : undefined;
  });
  add('en word', 30, () => word(en));
  add('en two words', 20, () => twoApart(en));
  add('phrase', 15, () => `"${twoAdjacent(r() < 0.5 ? ar : en).join(' ')}"`);
  add('exclusion', 10, () => {
    const pool = r() < 0.5 ? ar : en;
    return `${word(pool)} -${word(pool)}`;
  });
  add('typo', 15, () => {
    const w = word(r() < 0.5 ? ar : en, 6);
    if (!w) return undefined;
    const i = 1 + Math.floor(r() * ([...w].length - 2));
    const chars = [...w];
    chars.splice(i, 1);
    return chars.join('');
  });
  add('ar + en', 10, () => `${word(ar)} ${word(en)}`);
  out.push({ kind: 'stop words only', q: 'في' }, { kind: 'stop words only', q: 'the' });
  return out;
}
