/**
 * @module The search benchmark: known-item quality (Mizan, its peers, and two other analyzers over the
 * same FTS index), then, per system, index build time, query latency (p50/p95/p99, wall and CPU) and
 * peak memory on a generated corpus. Each system runs in its own process; one that fails or runs out of
 * time at a size is tried at a fifth of it ("the largest size it holds"). Writes bench/search/RESULTS.md.
 *
 *   node --import tsx bench/search/run.ts                       # 100,000 articles, every system
 *   node --import tsx bench/search/run.ts --size 10000 --engines mizan-sqlite,minisearch
 *   node --import tsx bench/search/run.ts --quality-only
 * PostgreSQL runs when DATABASE_URL is set. Needs `apt-get install aspell aspell-ar` for the vocabulary.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { light10, mizanAnalyzer, normOnly } from './baseline-analyzers.ts';
import { flexSearch, ftsWith, lunrMulti, miniSearch, mizan, type Engine } from './engines.ts';
import { CACHE, corpus } from './generate.ts';
import { qualityCorpus, scoreQuality, KNOWN_ITEMS } from './quality.ts';
import type { WorkerResult } from './worker.ts';

const argv = process.argv.slice(2);
const arg = (name: string, fallback?: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const flag = (name: string) => argv.includes(`--${name}`);

const SIZE = Number(arg('size', '100000'));
const DISTRACTORS = Number(arg('distractors', '2000'));
const TIMEOUT_MIN = Number(arg('timeout', '45'));
const ALL = ['mizan-sqlite', 'mizan-postgres', 'minisearch', 'flexsearch', 'lunr'];
const ENGINES = (arg('engines') ?? ALL.join(',')).split(',').filter((e) => e !== 'mizan-postgres' || process.env.DATABASE_URL);
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

const f1 = (n: number) => n.toFixed(1);
const f3 = (n: number) => n.toFixed(3);

async function quality(): Promise<string[]> {
  const known = qualityCorpus();
  const docs = [...known, ...corpus(DISTRACTORS, 99).articles()];
  const systems: Engine[] = [
    mizan('Mizan (SQLite)', { db: ':memory:' }),
    ...(process.env.DATABASE_URL ? [mizan('Mizan (PostgreSQL)', { url: process.env.DATABASE_URL, schema: 'bench_search_quality' })] : []),
    ftsWith('FTS5 + Mizan analyzer', mizanAnalyzer),
    ftsWith('FTS5 + light10 (Lucene-style)', light10),
    ftsWith('FTS5 + normalization only (Meilisearch-style)', normOnly),
    miniSearch(),
    flexSearch(),
    lunrMulti(),
  ];
  const lines = [
    `## Quality: ${KNOWN_ITEMS.length} known-item queries over the demo articles and the seed, among ${DISTRACTORS} generated articles`,
    '',
    '| system | MRR@10 | recall@3 | not first |',
    '| --- | --- | --- | --- |',
  ];
  for (const e of systems) {
    await e.build(docs);
    const q = await scoreQuality(e, known);
    await e.close();
    lines.push(`| ${e.name} | ${f3(q.mrr)} | ${f3(q.recall3)} | ${q.misses.join('; ') || '—'} |`);
    console.log(lines[lines.length - 1]);
  }
  return lines;
}

function runWorker(engine: string, size: number): WorkerResult | string {
  const r = spawnSync(process.execPath, ['--max-old-space-size=12288', '--expose-gc', '--import', 'tsx', WORKER, '--engine', engine, '--size', String(size)], {
    encoding: 'utf8',
    timeout: TIMEOUT_MIN * 60_000,
    env: process.env,
  });
  if (r.error) return `did not finish within ${TIMEOUT_MIN} min`;
  if (r.status !== 0) return /heap out of memory|Allocation failed/.test(r.stderr) ? 'ran out of memory' : `failed: ${r.stderr.trim().split('\n').slice(-1)[0]}`;
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as WorkerResult;
}

function performance(): string[] {
  const lines = [
    `## Speed and memory: ${SIZE.toLocaleString('en')} generated bilingual articles, ~197 queries`,
    '',
    `Machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; load average at start ${loadavg()[0].toFixed(1)} (other work was running: wall times include waiting for a core; CPU times do not).`,
    '',
    '| system | articles | build (s) | p50 ms | p95 ms | p99 ms | CPU p50 | CPU p95 | CPU p99 | peak RSS (MB) | hits/query |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const measured: WorkerResult[] = [];
  for (const engine of ENGINES) {
    let size = SIZE;
    let result = runWorker(engine, size);
    const notes: string[] = [];
    while (typeof result === 'string' && size > 1000) {
      notes.push(`${size.toLocaleString('en')}: ${result}`);
      size = Math.floor(size / 5);
      result = runWorker(engine, size);
    }
    if (typeof result === 'string') {
      lines.push(`| ${engine} | — | ${[...notes, result].join('; ')} | | | | | | | | |`);
    } else {
      const r = result;
      if (r.size === SIZE) measured.push(r);
      const note = notes.length ? ` (${notes.join('; ')})` : '';
      lines.push(
        `| ${r.engine}${note} | ${r.size.toLocaleString('en')} | ${f1(r.buildSeconds)} | ${f1(r.p50)} | ${f1(r.p95)} | ${f1(r.p99)} | ${f1(r.cpuP50)} | ${f1(r.cpuP95)} | ${f1(r.cpuP99)} | ${Math.round(r.peakMB)} | ${f1(r.answered)} |`,
      );
    }
    console.log(lines[lines.length - 1]);
  }
  lines.push('', ...ratioLines(measured));
  lines.push('', 'Each system first answers a warm-up mix of ~200 other queries drawn the same way (its code compiled, as in a running server); each measured query then runs once, so no system answers it from a cache of its own.');
  lines.push('', 'Mizan\'s times are for its whole answer (matching, facets, translation groups, snippets); the peers return ids only. PostgreSQL\'s CPU column counts only the client.');
  return lines;
}

const times = (ours: number, theirs: number) =>
  ours <= theirs ? `${f1(theirs / ours)}× faster` : `${f1(ours / theirs)}× slower`;

/** Each Mizan engine's figures as ratios against each peer measured in the same run, at the same size. */
function ratioLines(results: WorkerResult[]): string[] {
  const ours = results.filter((r) => r.engine.startsWith('Mizan'));
  const peers = results.filter((r) => !r.engine.startsWith('Mizan'));
  const out = ['Ratios in this run (wall time; memory is peak resident):', ''];
  for (const m of ours) {
    for (const p of peers) {
      // The server's memory is not the client's: PostgreSQL's RSS column counts only the client.
      const memory = m.engine.includes('PostgreSQL') ? 'memory not compared (the server is not counted)' : m.peakMB <= p.peakMB ? `${f1(p.peakMB / m.peakMB)}× less memory` : `${f1(m.peakMB / p.peakMB)}× more memory`;
      out.push(`- ${m.engine} against ${p.engine}: p50 ${times(m.p50, p.p50)}, p95 ${times(m.p95, p.p95)}, p99 ${times(m.p99, p.p99)}; ${memory}; build ${times(m.buildSeconds, p.buildSeconds)}.`);
    }
  }
  return out.length > 2 ? out : [];
}

// Each part is kept in bench/.cache, so a quality-only or speed-only run refreshes its part of RESULTS.md.
const part = (name: string) => join(CACHE, `search-results-${name}.md`);
const stamp = `_${new Date().toISOString().slice(0, 16)} UTC, \`node --import tsx bench/search/run.ts ${argv.join(' ')}\`_`;
if (!flag('speed-only')) writeFileSync(part('quality'), [...(await quality()), '', stamp, ''].join('\n'));
if (!flag('quality-only')) {
  // A run of some systems replaces what an earlier run at this size wrote: ratios hold only within one
  // run, so rows of different runs never share a table.
  writeFileSync(part(`speed-${SIZE}`), [...performance(), '', stamp, ''].join('\n'));
}
const out = ['# Search benchmark results', '', 'Rebuild with `node --import tsx bench/search/run.ts` (see docs/search.md).', ''];
const parts = readdirSync(CACHE).filter((f) => /^search-results-speed-\d+\.md$/.test(f)).sort((a, b) => parseInt(b.slice(21)) - parseInt(a.slice(21)));
for (const file of [part('quality'), ...parts.map((f) => join(CACHE, f))]) if (existsSync(file)) out.push(readFileSync(file, 'utf8'));
writeFileSync(RESULTS, out.join('\n'));
console.log(`\nwritten to ${RESULTS}`);
