/**
 * @module Cross-language search measured on translation pairs held out of the learning: for each pair of
 * the demo (demo/) and of the pairs written for the tests (test/fixtures/parallel), term pairs are learned
 * from every other pair, then (a) the held-out English title's words are translated and the Arabic side
 * is looked for among all Arabic articles (known-item retrieval: MRR, found first, found in the top 3),
 * and the same from Arabic to English; (b) the learned translations of the held-out title's words are
 * checked against its translation: a translation is right when the other side holds it (precision), and
 * a title word is covered when one of its translations is right (recall). Peers in the same run: the
 * gazetteer alone (names only, what search had before) and learning from headings, titles and summaries
 * without paragraphs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPage } from '../../src/ingest/index.ts';
import type { Article } from '../../src/model/index.ts';
import { alignUnits, contentStems, learnTermPairs, parseUnits, translationsOf, type LearnOptions, type Side, type TermPairs } from '../../src/search/cross-language/index.ts';
import { expandQuery } from '../../src/knowledge/index.ts';
import { analyze } from '../../src/text/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function articlesIn(dir: string): Article[] {
  const out: Article[] = [];
  for (const lang of ['ar', 'en']) {
    for (const name of readdirSync(join(dir, lang)).sort()) {
      if (!name.endsWith('.md')) continue;
      out.push(...readPage({ file: name, bytes: readFileSync(join(dir, lang, name)), format: 'md' }).articles);
    }
  }
  return out;
}

interface Pair {
  en: Article;
  ar: Article;
}

function translationPairs(): Pair[] {
  const all = [...articlesIn(join(ROOT, 'demo')), ...articlesIn(join(ROOT, 'test/fixtures/parallel'))];
  const byPath = new Map(all.map((a) => [a.path, a]));
  const pairs: Pair[] = [];
  for (const en of all.filter((a) => a.lang === 'en')) {
    const ar = en.translations.map((t) => byPath.get(t.path)).find((a) => a?.lang === 'ar');
    if (ar) pairs.push({ en, ar });
  }
  return pairs;
}

const side = (a: Article): Side => ({ lang: a.lang, units: parseUnits(alignUnits(a)) });

/** Every content stem of an article (title, summary, body). */
function docStems(a: Article): Set<string> {
  return new Set(allStems(a));
}

function allStems(a: Article): string[] {
  const u = parseUnits(alignUnits(a));
  return [...u.title, ...u.summary, ...u.headings.flat(), ...u.paragraphs.flat()];
}

/** Term frequencies and length, for BM25. */
function bag(a: Article): { id: string; tf: Map<string, number>; len: number } {
  const tf = new Map<string, number>();
  const all = allStems(a);
  for (const s of all) tf.set(s, (tf.get(s) ?? 0) + 1);
  return { id: a.id, tf, len: all.length };
}

type Translator = (stem: string, exact: string, from: string) => string[];

function learned(pairs: TermPairs, gazetteer: boolean): Translator {
  return (stem, exact, from) => {
    const out = new Set(translationsOf(pairs, from, stem).map((t) => t.stem));
    if (gazetteer) {
      for (const name of expandQuery(exact)) {
        const terms = analyze(name);
        if (terms.length === 1 && (terms[0].term !== stem)) out.add(terms[0].term);
      }
    }
    return [...out];
  };
}

/** The held-out article's title as query words: stems with their typed forms. */
function queryWords(a: Article): { stem: string; exact: string }[] {
  return analyze(a.title, a.lang).filter((t) => !t.stop && !/^\p{N}+$/u.test(t.term)).map((t) => ({ stem: t.term, exact: t.exact }));
}

interface Score {
  mrr: number;
  at1: number;
  at3: number;
  precision: number;
  recall: number;
}

function evaluate(all: Pair[], opts: LearnOptions, gazetteer: boolean, learn = true): Score {
  let mrr = 0;
  let at1 = 0;
  let at3 = 0;
  let right = 0;
  let given = 0;
  let covered = 0;
  let words = 0;
  let queries = 0;
  const docs = { ar: all.map((p) => bag(p.ar)), en: all.map((p) => bag(p.en)) };
  const df = (lang: 'ar' | 'en', s: string) => docs[lang].reduce((n, d) => n + (d.tf.has(s) ? 1 : 0), 0);
  const avg = (lang: 'ar' | 'en') => docs[lang].reduce((n, d) => n + d.len, 0) / docs[lang].length;
  all.forEach((held, i) => {
    const rest = all.filter((_, j) => j !== i).map((p) => [side(p.en), side(p.ar)] as [Side, Side]);
    const translate = learned(learn ? learnTermPairs(rest, opts) : new Map(), gazetteer);
    for (const [from, to] of [['en', 'ar'], ['ar', 'en']] as const) {
      const q = queryWords(held[from]);
      const target = held[to];
      const targetStems = docStems(target);
      const groups = q.map((w) => translate(w.stem, w.exact, from));
      groups.forEach((g) => {
        words++;
        given += g.length;
        const ok = g.filter((s) => targetStems.has(s)).length;
        right += ok;
        if (ok) covered++;
      });
      // Known item: each article scored by BM25 over the query words' translations (a word's best one).
      const n = docs[to].length;
      const mean = avg(to);
      const scored = docs[to].map((d) => {
        let score = 0;
        for (const g of groups) {
          let best = 0;
          for (const s of g) {
            const tf = d.tf.get(s) ?? 0;
            if (!tf) continue;
            const idf = Math.log(1 + (n - df(to, s) + 0.5) / (df(to, s) + 0.5));
            best = Math.max(best, (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * d.len) / mean)));
          }
          score += best;
        }
        return { id: d.id, score };
      });
      // Ties count against the known item: its rank is below every article scoring as much.
      const own = scored.find((s) => s.id === target.id)!.score;
      const rank = own > 0 ? scored.filter((s) => s.score >= own).length : Infinity;
      queries++;
      if (rank <= 10) mrr += 1 / rank;
      if (rank === 1) at1++;
      if (rank <= 3) at3++;
    }
  });
  return { mrr: mrr / queries, at1: at1 / queries, at3: at3 / queries, precision: given ? right / given : 0, recall: words ? covered / words : 0 };
}

/** Prints the held-out evaluation (part d of bench/text/run.ts). */
export function crossLanguageTable(): void {
  const pairs = translationPairs();
  console.log(`\n(d) Search across languages, each of ${pairs.length} translation pairs held out of the learning in turn (title as the query, both directions: ${pairs.length * 2} queries)`);
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5) + '%';
  const extra = process.env.XL_OPTS ? [[`options ${process.env.XL_OPTS}`, evaluate(pairs, JSON.parse(process.env.XL_OPTS), true)] as [string, Score]] : [];
  const rows: [string, Score][] = [
    ...extra,
    ['learned pairs + gazetteer', evaluate(pairs, {}, true)],
    ['learned pairs, no paragraphs', evaluate(pairs, { paragraphs: false }, true)],
    ['gazetteer only (before)', evaluate(pairs, {}, true, false)],
  ];
  console.log('translations from              MRR@10  found 1st  in top 3  pair precision  title words covered');
  for (const [name, s] of rows) {
    console.log(`${name.padEnd(30)} ${s.mrr.toFixed(3).padStart(6)}  ${pct(s.at1).padStart(9)}  ${pct(s.at3).padStart(8)}  ${pct(s.precision).padStart(14)}  ${pct(s.recall).padStart(19)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) crossLanguageTable();
