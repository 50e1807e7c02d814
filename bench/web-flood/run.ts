/**
 * @module Search beside the reading site: does a flood of searches starve the article pages? On a store
 * of 10,000 generated articles (bench/search/generate.ts) plus the seed, in one Mizan process, wrk
 * measures (1) the seed's article page alone at 16 connections, (2) the same page while 16 other
 * connections send random searches, and (3) searches alone at 32 connections (p50, p99, refusals).
 * Every search address is new (a counter in it), so the page cache never answers it; the queries
 * themselves repeat, as readers' do. It runs twice: with the search cache (a query asked again is
 * answered from memory) and with it off (MIZAN_SEARCH_CACHE=0: every search computed).
 * Prints the page's throughput beside the flood as a ratio of its throughput alone (the peer is the
 * same page, unloaded, in the same run). A third run keeps every search on the server's thread
 * (MIZAN_SEARCH_WORKERS=0): the peer for the worker processes. `npm run bench -- web-flood` or
 * `node --import tsx bench/web-flood/run.ts [--seconds N] [--size N]`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveArticle } from '../../src/app/index.ts';
import { readPage } from '../../src/ingest/index.ts';
import type { Article } from '../../src/model/index.ts';
import { indexArticles, optimizeIndex } from '../../src/search/index.ts';
import { openStore } from '../../src/store/index.ts';
import { SEED_FILE, seedAvailable } from '../../test/support/seed.ts';
import { CACHE, corpus } from '../search/generate.ts';
import { queryMix } from '../search/query-mix.ts';
import { freePort, readWrk } from '../wrk.ts';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1] || 0) || fallback;
const seconds = arg('--seconds', 10);
const SIZE = arg('--size', 10_000);

interface Result {
  rps: number;
  p50ms: number;
  p99ms: number;
  refused: number;
  /** Requests wrk gave up on after its 2 s timeout (not in the percentiles). */
  timeouts: number;
  requests: number;
}

/** Runs wrk in the background; resolves with its figures. */
function wrk(args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', ['-t1', `-d${seconds}s`, '--latency', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}`));
      const { rps, p50ms, p99ms, non2xx, timeouts, requests } = readWrk(out);
      resolve({ rps, p50ms, p99ms, refused: non2xx, timeouts, requests });
    });
  });
}

/** The store, built once and kept in bench/.cache (a few minutes the first time). */
async function buildStore(target: string): Promise<{ path: string; sample: Article[] }> {
  const sample: Article[] = [];
  const fresh = !existsSync(target);
  // Built under another name and renamed once whole: a build cut short is never taken for a store.
  const file = fresh ? `${target}.building` : target;
  if (fresh) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const store = await openStore({ db: file });
  let path: string;
  try {
    const seed = readPage({ file: SEED_FILE, bytes: readFileSync(SEED_FILE) }).articles[0]!;
    if (fresh) await saveArticle(store, seed);
    let batch: Article[] = [];
    const flush = async () => {
      const docs = batch;
      batch = [];
      await store.transaction(async (tx) => {
        for (const a of docs) await tx.putArticle(a);
      });
      await indexArticles(store, docs);
    };
    let n = 0;
    for (const a of corpus(SIZE).articles()) {
      if (n++ < 400) sample.push(a);
      else if (!fresh) break;
      if (!fresh) continue;
      batch.push(a);
      if (batch.length >= 500) await flush();
    }
    if (fresh) {
      await flush();
      await optimizeIndex(store);
    }
    path = seed.path;
  } finally {
    await store.close();
  }
  if (fresh) renameSync(file, target);
  return { path, sample };
}

async function main(): Promise<void> {
  if (!seedAvailable) return console.log(`skipped: the seed page is not at ${SEED_FILE}`);
  if (spawnSync('sh', ['-c', 'command -v wrk']).status !== 0) return console.log('skipped: wrk is not installed');
  mkdirSync(CACHE, { recursive: true });
  const db = join(CACHE, `flood-${SIZE}.db`);
  const built = Date.now();
  const { path, sample } = await buildStore(db);
  console.log(`store: ${SIZE.toLocaleString('en')} generated articles + the seed (${((Date.now() - built) / 1000).toFixed(0)} s to open or build)`);
  const queries = queryMix(sample).map((q) => `/api/search?q=${encodeURIComponent(q.q)}`);
  const lua = join(CACHE, 'flood-searches.lua');
  writeFileSync(
    lua,
    `local paths = { ${queries.map((q) => JSON.stringify(q)).join(', ')} }\nlocal n = 0\nmath.randomseed(7)\nrequest = function()\n  n = n + 1\n  return wrk.format("GET", paths[math.random(#paths)] .. "&n=" .. n)\nend\n`,
  );
  const base = { path, lua };
  const cached = await measure(db, base, {});
  const uncached = await measure(db, base, { MIZAN_SEARCH_CACHE: '0' });
  const inline = await measure(db, base, { MIZAN_SEARCH_CACHE: '0', MIZAN_SEARCH_WORKERS: '0' });
  console.log(`\nwrk -t1 -d${seconds}s on loopback, ${availableParallelism()} cores shared; searches from a mix of ${queries.length} queries, each address new:`);
  report('search workers (the default), with the search cache (a query asked again is answered from memory)', cached);
  report('search workers, every search computed (MIZAN_SEARCH_CACHE=0)', uncached);
  report('the peer: no search workers (MIZAN_SEARCH_WORKERS=0), every search computed on the server thread', inline);
  console.log(`\nsearch workers against none, every search computed: page beside the flood ${(uncached.beside.rps / inline.beside.rps).toFixed(2)}×, searches alone ${(uncached.searches.rps / inline.searches.rps).toFixed(2)}× the requests/s`);
}

interface Figures {
  /** The first search after the server started, and an article page asked for while it ran (ms). */
  firstSearch: { searchMs: number; pageMs: number; warmS: number };
  alone: Result;
  beside: Result;
  flood: Result;
  searches: Result;
}

/** Starts a server over `db` with `env`, runs the three loads, stops it. */
async function measure(db: string, { path, lua }: { path: string; lua: string }, env: Record<string, string>): Promise<Figures> {
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', new URL('../web/serve.ts', import.meta.url).pathname, db, String(port), 'cached'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const page = base + encodeURI(path);
    // The first search after a start learns the cross-language term pairs: timed on its own, and the
    // article page asked for meanwhile, so a stall of the whole server shows here, not as timeouts below.
    const t0 = performance.now();
    const first = fetch(`${base}/api/search?q=${encodeURIComponent('سلاح')}`).then((r) => r.arrayBuffer()).then(() => performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const pageAt = performance.now();
    const pageMs = await fetch(page).then((r) => r.arrayBuffer()).then(() => performance.now() - pageAt);
    const firstSearch = { searchMs: await first, pageMs, warmS: 0 };
    // The steady state is measured, not the start: wait until a search comes back whole (the term pairs
    // learned, the document columns loaded), and report how long that took.
    const warmFrom = performance.now();
    for (let i = 0; i < 600; i++) {
      const r = (await fetch(`${base}/api/search?q=${encodeURIComponent('سلاح')}&warm=${i}`).then((x) => x.json())) as { partial?: boolean };
      if (!r.partial) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    firstSearch.warmS = (performance.now() - warmFrom) / 1000;
    // Warm up: JIT, the page cache, SQLite's own cache.
    await Promise.all([wrk(['-c16', '-d3s', page]), wrk(['-c8', '-d3s', '-s', lua, base])]);
    // Between runs the server finishes what the last one left (a search whose client gave up).
    const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));
    await settle();
    const alone = await wrk(['-c16', page]);
    const [beside, flood] = await Promise.all([wrk(['-c16', page]), wrk(['-c16', '-s', lua, base])]);
    await settle();
    const searches = await wrk(['-c32', '-s', lua, base]);
    return { firstSearch, alone, beside, flood, searches };
  } finally {
    server.kill('SIGTERM');
  }
}

function report(title: string, { firstSearch, alone, beside, flood, searches }: Figures): void {
  const row = (name: string, r: Result) => `| ${name} | ${r.rps.toFixed(0)} | ${r.p50ms.toFixed(1)} | ${r.p99ms.toFixed(1)} | ${r.refused} of ${r.requests} | ${r.timeouts} |`;
  console.log(`\n${title}:\n`);
  console.log('| load | requests/s | p50 ms | p99 ms | refused (503) | timed out (> 2 s) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(row('article page alone, 16 connections', alone));
  console.log(row('article page beside a search flood, 16 + 16', beside));
  console.log(row('the search flood beside it, 16 connections', flood));
  console.log(row('searches alone, 32 connections', searches));
  console.log(`\nfirst search after the start: ${firstSearch.searchMs.toFixed(0)} ms; an article page asked for meanwhile: ${firstSearch.pageMs.toFixed(0)} ms; searches whole (warm) ${firstSearch.warmS.toFixed(1)} s later`);
  console.log(`article page throughput beside the flood: ${(beside.rps / alone.rps).toFixed(2)}× its throughput alone (aim ≥ 0.5)`);
  console.log(`search p99 at 32 connections: ${searches.p99ms.toFixed(0)} ms (aim < 100 ms); ${searches.refused} of ${searches.requests} refused with 503`);
}

await main();
