/**
 * @module Arabic analysis throughput on one core: Mizan's `analyze` against snowball-stemmers (split on
 * non-letters, stem each word) and lunr with lunr-languages' Arabic pipeline (trimmer, stop words, stemmer).
 * Each contender tokenizes and stems the same text; the best of several rounds counts.
 */
import { createRequire } from 'node:module';
import { analyze, tokenize, normalize, stemArabic, isStopWord } from '../../src/text/index.ts';

const require = createRequire(import.meta.url);

export interface Contender {
  name: string;
  /** Analyses `text`, returning how many terms came out (so the work cannot be optimized away). */
  run(text: string): number;
}

export function contenders(): Contender[] {
  const list: Contender[] = [{ name: 'mizan analyze', run: (t) => analyze(t).length }];
  // The same work without analyze's stem memo, to show what the memo is worth.
  list.push({
    name: 'mizan, no stem memo',
    run: (t) => {
      let n = 0;
      for (const tok of tokenize(t)) {
        const exact = normalize(tok.text);
        if (stemArabic(exact) && !isStopWord(exact, 'ar')) n++;
      }
      return n;
    },
  });
  const snowball = (require('snowball-stemmers') as { newStemmer(n: string): { stem(w: string): string } }).newStemmer('arabic');
  list.push({
    name: 'snowball-stemmers',
    run: (t) => {
      let n = 0;
      for (const m of t.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) if (snowball.stem(m[0].toLowerCase())) n++;
      return n;
    },
  });
  try {
    const lunr = require('lunr');
    require('lunr-languages/lunr.stemmer.support')(lunr);
    require('lunr-languages/lunr.ar')(lunr);
    const pipeline = new lunr.Pipeline();
    pipeline.add(lunr.ar.trimmer, lunr.ar.stopWordFilter, lunr.ar.stemmer);
    list.push({ name: 'lunr + lunr-languages ar', run: (t) => pipeline.run(lunr.tokenizer(t)).length });
  } catch (e) {
    console.warn(`lunr peers missing (run npm run bench, which installs bench/package.json): ${(e as Error).message}`);
  }
  return list;
}

/** MB/s (UTF-8 bytes of input per second) of `c` on `text`, best of `rounds`. */
export function throughput(c: Contender, text: string, rounds = 5): number {
  const mb = Buffer.byteLength(text, 'utf8') / 1e6;
  c.run(text.slice(0, 10_000)); // warm up
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    c.run(text);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return mb / best;
}
