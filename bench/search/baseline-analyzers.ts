/**
 * @module The analyzers Mizan's is measured against over the same FTS index, written here from the
 * published descriptions (see ../shared/ARABIC.md), not copied from their code:
 * - `light10`: Larkey et al.'s light stemmer with Lucene's Arabic normalizer (و stacks with an article).
 * - `normOnly`: what Meilisearch does for Arabic: fold alef forms, ى, ة; drop tatweel and harakat;
 *   a leading ال split off (so dropped here); no stemming, and English only lower-cased.
 * Both give `{ term }[]` like `analyze`, which is all the harness needs.
 */
import { analyze } from '../../src/text/index.ts';

export type BenchAnalyzer = (text: string, lang?: string) => { term: string }[];

const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;
const ARABIC = /[\u0600-\u06FF]/u;

/** Lucene's ArabicNormalizer: alef forms → ا, ى → ي, ة → ه, tatweel and harakat (shadda included) removed. */
function luceneNormalize(word: string): string {
  return word
    .replace(/[\u064B-\u0652\u0640]/gu, '')
    .replace(/[آأإ]/gu, 'ا')
    .replace(/ى/gu, 'ي')
    .replace(/ة/gu, 'ه')
    .toLowerCase();
}

const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/** light10: و if 3+ letters remain, then one article if 2+ remain, then each suffix once, in order, keeping 2+. */
export function light10Stem(word: string): string {
  let w = luceneNormalize(word);
  if (w.startsWith('و') && w.length - 1 >= 3) w = w.slice(1);
  for (const p of ARTICLES) {
    if (w.startsWith(p) && w.length - p.length >= 2) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of SUFFIXES) if (w.endsWith(s) && w.length - s.length >= 2) w = w.slice(0, -s.length);
  return w;
}

export const light10: BenchAnalyzer = (text, lang) => {
  const out: { term: string }[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (ARABIC.test(word)) out.push({ term: light10Stem(word) });
    else for (const t of analyze(word, lang === 'ar' ? 'en' : lang)) out.push({ term: t.term });
  }
  return out;
};

export const normOnly: BenchAnalyzer = (text) => {
  const out: { term: string }[] = [];
  for (const m of text.matchAll(WORD)) {
    let w = luceneNormalize(m[0]);
    if (ARABIC.test(w) && w.startsWith('ال') && w.length > 3) w = w.slice(2);
    if (w) out.push({ term: w });
  }
  return out;
};

export const mizanAnalyzer: BenchAnalyzer = (text, lang) => analyze(text, lang).map((t) => ({ term: t.term }));
