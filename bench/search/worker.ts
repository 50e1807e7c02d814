/**
 * @module One system at one corpus size, in its own process (so its memory is its own): build the
 * index, run the query mix, report build time, latency percentiles and peak memory as one JSON line.
 *
 *   node --import tsx bench/search/worker.ts --engine mizan-sqlite --size 10000
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, corpus } from './generate.ts';
import { flexSearch, lunrMulti, miniSearch, mizan, type Engine } from './engines.ts';
import { queryMix } from './query-mix.ts';

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

export interface WorkerResult {
  engine: string;
  size: number;
  buildSeconds: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** The same percentiles in CPU time of this process: what a query costs on an idle machine (in-process systems only). */
  cpuP50: number;
  cpuP95: number;
  cpuP99: number;
  peakMB: number;
  afterBuildMB: number;
  queries: number;
  /** Mean hits returned (top 10) per query: a check that systems answer the same mix, not only fast. */
  answered: number;
}

async function engineFor(name: string, size: number): Promise<Engine> {
  switch (name) {
    case 'mizan-sqlite': {
      const db = join(CACHE, `bench-${size}.db`);
      for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
      return mizan('Mizan (SQLite)', { db });
    }
    case 'mizan-postgres': {
      const url = process.env.DATABASE_URL;
      if (!url) throw new Error('DATABASE_URL is not set');
      return mizan('Mizan (PostgreSQL)', { url, schema: `bench_search_${size}` });
    }
    case 'minisearch':
      return miniSearch();
    case 'flexsearch':
      return flexSearch();
    case 'lunr':
      return lunrMulti();
    default:
      throw new Error(`unknown engine ${name}`);
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const name = arg('engine')!;
  const size = Number(arg('size', '10000'));
  const c = corpus(size);
  const sample = [...corpus(Math.min(size, 2000)).articles()].slice(0, 2000);
  const mix = queryMix(sample);
  // Warm-up: another mix drawn the same way (another seed), so each system's code is compiled as in a
  // server that has been answering for a while, while every measured query is still one it has not seen.
  const warmUp = queryMix(sample, 7);
  const engine = await engineFor(name, size);
  const started = performance.now();
  await engine.build(c.articles());
  const buildSeconds = (performance.now() - started) / 1000;
  globalThis.gc?.();
  const afterBuildMB = process.memoryUsage().rss / 2 ** 20;
  for (const { q } of warmUp) await engine.query(q);
  const times: number[] = [];
  const cpu: number[] = [];
  let answered = 0;
  for (const { q } of mix) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    const paths = await engine.query(q);
    times.push(performance.now() - t);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
    answered += Math.min(10, paths.length);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const result: WorkerResult = {
    engine: engine.name,
    size,
    buildSeconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
    cpuP99: percentile(cpu, 99),
    peakMB: process.resourceUsage().maxRSS / 1024,
    afterBuildMB,
    queries: mix.length,
    answered: answered / mix.length,
  };
  await engine.close();
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exit(1);
});
