/**
 * @module The public site under load while an import runs (issue 14: "the article page and search
 * under 60 s of load at 256 connections while an import runs: no errors, p99 reported"). A real
 * `mizan serve` over a store of N imported pages; wrk at 256 connections asks for article pages
 * (three requests in four) and searches (one in four, each address new so no cache answers it), first
 * alone, then while `mizan import` processes keep importing new pages one batch after another for the
 * whole run. Prints requests/s, p50, p99, failures (any answer other than 2xx/3xx, and every socket
 * error or timeout), the loaded throughput as a ratio of the unloaded one (the peer: the same site,
 * same load, same run, no import), and the imports: tried, failed, lost (a page the import reported
 * but the database lacks). SQLite always; PostgreSQL too when DATABASE_URL is set.
 *
 *   node --import tsx bench/load-import/run.ts [--seconds 60] [--connections 256] [--articles 500]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { freePort, readWrk } from '../wrk.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { importFiles } from '../../src/app/index.ts';
import { openStore } from '../../src/store/index.ts';
import { BIN } from '../../test/support/cli.ts';
import { cliTarget, writePages } from '../../test/reliability/support.ts';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || 0) || fallback;
const SECONDS = arg('seconds', 60);
const CONNECTIONS = arg('connections', 256);
const ARTICLES = arg('articles', 500);
/** Pages per `mizan import` run; runs follow one another until the load ends. */
const BATCH = 40;
/** wrk's own give-up time: a slower answer counts as a failure (a socket timeout). */
const TIMEOUT_S = 30;
const url = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'mizan-bench-load-'));

interface Load {
  rps: number;
  p50ms: number;
  p99ms: number;
  requests: number;
  /** Answers other than 2xx/3xx. */
  bad: number;
  /** Socket errors of every kind, timeouts included. */
  socket: number;
  /** The failing answers by status, e.g. `503×12`. */
  statuses: string;
}

function wrk(base: string, lua: string, seconds: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, "--timeout", `${TIMEOUT_S}s`, '--latency', '-s', lua, base], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}`));
      const { rps, p50ms, p99ms, requests, non2xx, socketErrors } = readWrk(out);
      resolve({ rps, p50ms, p99ms, statuses: /^statuses (.*)$/m.exec(out)?.[1] ?? '', requests, bad: non2xx, socket: socketErrors });
    });
  });
}

function mizan(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const e = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete e.DATABASE_URL;
  return spawn(process.execPath, [BIN, ...args], { env: e, stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(child: ChildProcess): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr!.resume();
    child.on('close', (code) => resolve({ code: code ?? -1, stdout }));
  });
}

type Target = { db?: string; url?: string; schema?: string };

async function engine(name: string, target: Target): Promise<void> {
  // The site: ARTICLES pages, imported as a user would (index and tags included).
  const site = writePages(work, `${name}-site`, ARTICLES);
  const store = await openStore(target);
  await importFiles(store, site.files);
  const { args, env } = cliTarget(target);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = mizan(['serve', ...args, '--port', String(port)], env);
  server.stdout!.resume();
  server.stderr!.on('data', (d: Buffer) => process.env.BENCH_VERBOSE && process.stderr.write(d));
  try {
    for (let i = 0; i < 600 && !(await fetch(base + '/healthz').catch(() => null))?.ok; i++) await new Promise((r) => setTimeout(r, 100));
    const words = ['المياه', 'النيل', 'الزراعة', 'التعاون', 'water', 'Nile', 'farming', 'cooperation', 'النزاع', 'الإقليمي'];
    const lua = join(work, `${name}.lua`);
    writeFileSync(
      lua,
      `local pages = { ${site.paths.map((p) => JSON.stringify(encodeURI(p))).join(', ')} }\n` +
        `local words = { ${words.map((w) => JSON.stringify(encodeURIComponent(w))).join(', ')} }\n` +
        `local n = 0\nmath.randomseed(7)\nrequest = function()\n  n = n + 1\n` +
        `  if n % 4 == 0 then return wrk.format("GET", (n % 8 == 0 and "/ar/search?q=" or "/api/search?q=") .. words[math.random(#words)] .. "&n=" .. n) end\n` +
        `  return wrk.format("GET", pages[math.random(#pages)])\nend\n` +
        // Failing answers counted by status in each thread, summed at the end.
        `local threads = {}\nsetup = function(t) table.insert(threads, t) end\ninit = function() bad = {} end\n` +
        `response = function(status) if status >= 400 then bad[status] = (bad[status] or 0) + 1 end end\n` +
        `done = function()\n  local all = {}\n  for _, t in ipairs(threads) do for s, c in pairs(t:get("bad")) do all[s] = (all[s] or 0) + c end end\n` +
        `  local out = {}\n  for s, c in pairs(all) do table.insert(out, s .. "×" .. c) end\n  io.write("statuses " .. table.concat(out, " ") .. "\\n")\nend\n`,
    );
    await wrk(base, lua, 5); // warm-up: JIT, caches
    const alone = await wrk(base, lua, SECONDS);

    // The same load while imports follow one another until it ends.
    let loading = true;
    const batches: ReturnType<typeof writePages>[] = [];
    let failed = 0;
    const importing = (async () => {
      for (let i = 0; loading; i++) {
        const b = writePages(work, `${name}-load-${i}`, BATCH);
        batches.push(b);
        const r = await finished(mizan(['import', ...args, '--json', join(b.files[0], '..')], env));
        try {
          failed += (JSON.parse(r.stdout).files as { status: string }[]).filter((f) => f.status === 'failed').length;
        } catch {
          failed += BATCH;
        }
      }
    })();
    const started = performance.now();
    const loaded = await wrk(base, lua, SECONDS);
    loading = false;
    await importing;
    const importSeconds = (performance.now() - started) / 1000;
    let lost = 0;
    for (const b of batches) for (const p of b.paths) if (!(await store.getArticleByPath(p))) lost++;
    const tried = batches.length * BATCH;

    const row = (label: string, r: Load) =>
      `| ${name} | ${label} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50ms.toFixed(0)} | ${r.p99ms.toFixed(0)} | ${r.bad}${r.statuses ? ` (${r.statuses})` : ''} | ${r.socket} |`;
    console.log(row('no import', alone));
    console.log(row('import running', loaded));
    console.log(
      `| ${name} | throughput with import / without: ${(loaded.rps / alone.rps).toFixed(2)}× · p99 ${(loaded.p99ms / alone.p99ms).toFixed(2)}× · ` +
        `imports: ${tried} pages tried in ${importSeconds.toFixed(0)} s (${(tried / importSeconds).toFixed(1)}/s), ${failed} failed, ${lost - failed} lost | | | | | | |`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('close', r));
    await store.close();
  }
}

async function main(): Promise<void> {
  if (spawnSync('sh', ['-c', 'command -v wrk']).status !== 0) return console.log('skipped: wrk is not installed');
  console.log(`\n${CONNECTIONS} connections (wrk -t2, ${SECONDS} s per run, give-up ${TIMEOUT_S} s), ${ARTICLES} pages; 3 of 4 requests an article page, 1 of 4 a new search; imports of ${BATCH} pages back to back during the loaded run\n`);
  console.log('| engine | run | requests | req/s | p50 ms | p99 ms | non-2xx/3xx | socket errors |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  await engine('sqlite', { db: join(work, 'load.db') });
  if (url) {
    const schema = `bench_load_${Math.random().toString(36).slice(2, 10)}`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`create schema ${schema}`);
    try {
      await engine('postgres', { url, schema });
    } finally {
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  }
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
