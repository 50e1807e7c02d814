/**
 * @module The benchmark corpus: N bilingual articles, generated deterministically, so anyone can
 * rebuild the same one. Arabic words come from Debian's aspell-ar word list (every inflected form, with
 * its clitics, as Arabic text has them), English words from the demo articles plus pronounceable
 * inventions for the long tail; both drawn with a Zipf law, at the lengths of real briefs (a title of
 * 5–11 words, a summary of 18–35, 5–10 paragraphs of 30–70 words, a few headings). Half the articles
 * come in translated pairs.
 *
 *   node --import tsx bench/search/generate.ts --size 1000   # prints a sample article as JSON
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTICLE_TYPES, articleIdFor, articlePath, typeLabel, type Article, type Block } from '../../src/model/index.ts';
import { prng } from '../prng.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CACHE = join(ROOT, 'bench/.cache');

/** Every word form of aspell-ar, cached in bench/.cache (needs `apt-get install aspell aspell-ar` once). */
export function arabicWords(): string[] {
  const file = join(CACHE, 'aspell-ar.txt');
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    try {
      writeFileSync(file, execSync('aspell -d ar dump master | aspell -l ar expand', { maxBuffer: 1 << 28 }));
    } catch (err) {
      throw new Error(`the Arabic vocabulary needs Debian's aspell-ar: apt-get install aspell aspell-ar (${(err as Error).message})`);
    }
  }
  const words = [...new Set(readFileSync(file, 'utf8').split(/\s+/).filter((w) => /^[\u0621-\u064A]{2,}$/u.test(w)))];
  return words;
}

/**
 * English vocabulary in frequency order: the demo articles' 60 commonest words (function words, as in
 * real text), then the rest of their words shuffled among invented ones, so no content word is common
 * by accident of order.
 */
export function englishWords(rand: () => number, tail = 40_000): string[] {
  const dir = join(ROOT, 'demo/en');
  const counts = new Map<string, number>();
  for (const name of readdirSync(dir)) {
    for (const w of readFileSync(join(dir, name), 'utf8').toLowerCase().match(/[a-z]{2,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const byCount = [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const head = byCount.slice(0, 60);
  const seen = new Set<string>(byCount);
  const onsets = ['b', 'br', 'c', 'ch', 'd', 'f', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io'];
  const codas = ['', 'n', 'r', 's', 'l', 'nd', 'st', 'x', 'm', 't'];
  const suffixes = ['', '', 's', 'ed', 'ing', 'ation', 'ity', 'al', 'ment'];
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  while (seen.size < tail) {
    const syllables = 2 + Math.floor(rand() * 2);
    let w = '';
    for (let i = 0; i < syllables; i++) w += pick(onsets) + pick(vowels) + pick(codas);
    seen.add(w + pick(suffixes));
  }
  const rest = [...seen].filter((w) => !head.includes(w));
  return [...head, ...shuffle(rest, rand)];
}

export { prng } from '../prng.ts';

/** Draws words by a Zipf law over `words` (its order is the frequency rank). */
export function zipf(words: string[], rand: () => number, s = 1.0): () => string {
  const cdf = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) cdf[i] = sum += 1 / Math.pow(i + 2.7, s);
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

const COUNTRIES: [string, string, string][] = [
  ['DZ', 'الجزائر', 'Algeria'], ['MA', 'المغرب', 'Morocco'], ['TN', 'تونس', 'Tunisia'], ['LY', 'ليبيا', 'Libya'], ['EG', 'مصر', 'Egypt'],
  ['RU', 'روسيا', 'Russia'], ['US', 'الولايات المتحدة', 'United States'], ['FR', 'فرنسا', 'France'], ['ML', 'مالي', 'Mali'], ['NE', 'النيجر', 'Niger'],
  ['SA', 'السعودية', 'Saudi Arabia'], ['AE', 'الإمارات', 'United Arab Emirates'], ['QA', 'قطر', 'Qatar'], ['TR', 'تركيا', 'Turkey'], ['UA', 'أوكرانيا', 'Ukraine'],
];

export interface Corpus {
  size: number;
  articles(): Generator<Article>;
}

/**
 * The corpus of `size` articles for `seed`; articles are generated on the fly, so 100,000 of them never
 * sit in memory at once unless a consumer keeps them.
 */
export function corpus(size: number, seed = 1): Corpus {
  const rand = prng(seed);
  const ar = shuffle(arabicWords(), rand);
  const en = englishWords(rand);
  // Common words first in English (the demo's words are real text), then the invented tail.
  const drawAr = zipf(ar, rand);
  const drawEn = zipf(en, rand);
  const names = (draw: () => string, n: number) => Array.from({ length: n }, () => `${draw()} ${draw()}`);
  const arAuthors = names(zipf(ar.slice(0, 3000), rand), 400);
  const enAuthors = names(zipf(en.slice(2000, 6000), rand), 400);
  const arTopics = names(zipf(ar.slice(0, 2000), rand), 60);
  const enTopics = names(zipf(en.slice(0, 2000), rand), 60);
  return {
    size,
    *articles() {
      const r = prng(seed * 7919 + size);
      const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
      const words = (lang: string, n: number) => {
        const draw = lang === 'ar' ? drawAr : drawEn;
        return Array.from({ length: n }, draw).join(' ');
      };
      const sentence = (lang: string, n: number) => {
        const w = words(lang, n);
        return lang === 'en' ? w.charAt(0).toUpperCase() + w.slice(1) + '.' : w + '.';
      };
      for (let i = 0; i < size; i++) {
        const lang = i % 2 === 0 ? 'ar' : 'en';
        const pairStart = i - (i % 2);
        const paired = pairStart % 4 === 0;
        const slug = (k: number) => `bench-${k}-${k % 2 === 0 ? 'ar' : 'en'}`;
        const path = articlePath(lang, slug(i));
        const other = i % 2 === 0 ? i + 1 : i - 1;
        const type = ARTICLE_TYPES[int(0, ARTICLE_TYPES.length - 1)];
        const body: Block[] = [];
        const paragraphs = int(5, 10);
        for (let p = 0; p < paragraphs; p++) {
          if (p > 0 && p % 3 === 0) body.push({ kind: 'heading', level: 2, text: words(lang, int(3, 6)), links: [] });
          let text = '';
          const sentences = int(2, 5);
          for (let s = 0; s < sentences; s++) text += (s ? ' ' : '') + sentence(lang, int(10, 18));
          body.push({ kind: 'paragraph', text, links: [] });
        }
        const authorPool = lang === 'ar' ? arAuthors : enAuthors;
        const topicPool = lang === 'ar' ? arTopics : enTopics;
        const authorIdx = int(0, authorPool.length - 1);
        const topicIdx = int(0, topicPool.length - 1);
        const country = COUNTRIES[int(0, COUNTRIES.length - 1)];
        const year = int(2000, 2025);
        const published = `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
        yield {
          id: articleIdFor(path),
          lang,
          dir: lang === 'ar' ? 'rtl' : 'ltr',
          type,
          typeLabel: typeLabel(type, lang),
          series: null,
          title: words(lang, int(5, 11)),
          summary: sentence(lang, int(18, 35)),
          published,
          updated: null,
          path,
          origin: { file: null, url: null },
          authors: [{ slug: `author-${lang}-${authorIdx}`, name: authorPool[authorIdx], title: null, bio: '', path: `/experts/author-${lang}-${authorIdx}` }],
          translations: paired ? [{ lang: lang === 'ar' ? 'en' : 'ar', path: articlePath(lang === 'ar' ? 'en' : 'ar', slug(other)), exists: false }] : [],
          body,
          sources: [],
          topics: [{ slug: `topic-${lang}-${topicIdx}`, name: topicPool[topicIdx], path: articlePath(lang, `topic-${lang}-${topicIdx}`) }],
          regions: [],
          countries: [{ code: country[0], name: lang === 'ar' ? country[1] : country[2], path: `/countries/${country[0].toLowerCase()}` }],
          related: [],
          image: null,
          attachments: [],
        };
      }
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const size = Number(process.argv[process.argv.indexOf('--size') + 1]) || 1000;
  const started = performance.now();
  let words = 0;
  let sample: Article | undefined;
  for (const a of corpus(size).articles()) {
    sample ??= a;
    words += a.body.reduce((n, b) => n + ('text' in b ? b.text.split(' ').length : 0), 0);
  }
  console.log(JSON.stringify(sample, null, 1).slice(0, 1500));
  console.log(`${size} articles, ${(words / size).toFixed(0)} body words each on average, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
