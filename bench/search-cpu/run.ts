/**
 * @module Per-search CPU, without HTTP: the query mix of the web-flood bench run one after another
 * in-process over its 10,000-article store (bench/.cache/flood-10000.db, built by bench/web-flood/run.ts),
 * after one warm-up pass. Prints the mean, p50 and p99 of one search, and the first search's time (it
 * learns the cross-language term pairs). Run under `node --cpu-prof` to see where the time goes.
 * `node --import tsx bench/search-cpu/run.ts [--size N] [--rounds N]`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { searchArticles } from '../../src/app/index.ts';
import { parseSearchQuery } from '../../src/search/index.ts';
import { openStore } from '../../src/store/index.ts';
import { CACHE, corpus } from '../search/generate.ts';
import { queryMix } from '../search/query-mix.ts';
import type { Article } from '../../src/model/index.ts';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1] || 0) || fallback;
const SIZE = arg('--size', 10_000);
const ROUNDS = arg('--rounds', 3);
const db = join(CACHE, `flood-${SIZE}.db`);
if (!existsSync(db)) {
  console.log(`skipped: ${db} is not built (run bench/web-flood/run.ts once)`);
} else {
  const sample: Article[] = [];
  for (const a of corpus(SIZE).articles()) {
    sample.push(a);
    if (sample.length >= 400) break;
  }
  const queries = queryMix(sample).map((q) => parseSearchQuery({ q: q.q }));
  const store = await openStore({ db });
  let t = performance.now();
  await searchArticles(store, queries[0]);
  console.log(`first search: ${(performance.now() - t).toFixed(0)} ms`);
  for (const q of queries) await searchArticles(store, q);
  const times: number[] = [];
  const byQuery = new Map<string, number>();
  t = performance.now();
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      const s = performance.now();
      await searchArticles(store, q);
      const d = performance.now() - s;
      times.push(d);
      byQuery.set(q.q, (byQuery.get(q.q) ?? 0) + d / ROUNDS);
    }
  }
  const total = performance.now() - t;
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  console.log(`${times.length} searches: mean ${(total / times.length).toFixed(2)} ms, p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
  if (process.argv.includes('--slowest')) {
    for (const [q, ms] of [...byQuery].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms.toFixed(1).padStart(7)} ms  ${q}`);
  }
  await store.close();
}
