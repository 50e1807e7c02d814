/**
 * @module The stemmers Mizan is measured against, written here from their published descriptions
 * (facts in ../shared/ARABIC.md; no code copied): Lucene's ArabicNormalizer + ArabicStemmer and Larkey's
 * light10, plus Snowball Arabic from npm `snowball-stemmers` and "no stemming" (normalization only).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Lucene/light10 normalization: آ أ إ → ا, ى → ي, ة → ه, tatweel and U+064B–U+0652 removed. */
export function luceneNormalize(word: string): string {
  return word.replace(/[\u064B-\u0652\u0640]/g, '').replace(/[آأإ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه');
}

const LUCENE_PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];

/** Lucene's ArabicStemmer: at most one prefix (و needs 3+ letters left, others 2+), then each suffix once, in order, keeping 2+. */
export function luceneStem(raw: string): string {
  let w = luceneNormalize(raw);
  for (const p of LUCENE_PREFIXES) {
    const keep = p === 'و' ? 3 : 2;
    if (w.startsWith(p) && w.length - p.length >= keep) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of SUFFIXES) if (w.endsWith(s) && w.length - s.length >= 2) w = w.slice(0, -s.length);
  return w;
}

const LIGHT10_ARTICLES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل'];

/** light10: و off when 3+ letters remain, then an article when 2+ remain, then each suffix once, in order, keeping 2+. */
export function light10Stem(raw: string): string {
  let w = luceneNormalize(raw);
  if (w.startsWith('و') && w.length - 1 >= 3) w = w.slice(1);
  for (const p of LIGHT10_ARTICLES) {
    if (w.startsWith(p) && w.length - p.length >= 2) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of SUFFIXES) if (w.endsWith(s) && w.length - s.length >= 2) w = w.slice(0, -s.length);
  return w;
}

const snowball = (require('snowball-stemmers') as { newStemmer(n: string): { stem(w: string): string } }).newStemmer('arabic');

/** Snowball Arabic (PostgreSQL's `arabic` configuration) on the raw word. */
export function snowballStem(raw: string): string {
  return snowball.stem(raw);
}

/** No stemming: the normalized word. */
export function noStem(raw: string): string {
  return luceneNormalize(raw);
}
