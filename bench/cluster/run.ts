/**
 * @module Two servers behind nginx against one (issue 19): `mizan serve` (the compiled code, as in
 * production) on one PostgreSQL database, behind Debian's nginx with the upstream block of
 * deploy/nginx-mizan.conf, first with one server in the upstream, then with two, in the same run. wrk
 * asks for the seed's article page and for searches (a mix of readers' queries, each address new) at 32
 * and 256 connections. Prints requests/s and p99 for each, and two servers' requests/s as a ratio of one's.
 * Needs DATABASE_URL, nginx and wrk; skips visibly without them.
 * `npm run bench -- cluster` or `node --import tsx bench/cluster/run.ts [--seconds N] [--size N]`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { saveArticle } from '../../src/app/index.ts';
import { readPage } from '../../src/ingest/index.ts';
import type { Article } from '../../src/model/index.ts';
import { indexArticles } from '../../src/search/index.ts';
import { openStore } from '../../src/store/index.ts';
import { SEED_FILE, seedAvailable } from '../../test/support/seed.ts';
import { corpus } from '../search/generate.ts';
import { queryMix } from '../search/query-mix.ts';
import { freePort, readWrk } from '../wrk.ts';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1] || 0) || fallback;
const seconds = arg('--seconds', 10);
const SIZE = arg('--size', 2_000);
const root = fileURLToPath(new URL('../../', import.meta.url));
const NGINX = '/usr/sbin/nginx';

interface Result {
  rps: number;
  p99ms: number;
  /** Answers other than 2xx/3xx, and requests wrk gave up on after 2 s. */
  failed: number;
}

function wrk(args: string[], secs = seconds): Result {
  const r = spawnSync('wrk', ['-t1', `-d${secs}s`, '--latency', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
  const { rps, p99ms, non2xx, timeouts } = readWrk(r.stdout);
  return { rps, p99ms, failed: non2xx + timeouts };
}

/**
 * Starts `mizan serve` on `port`, its log to a file (a pipe would fill while wrk runs, since this process
 * waits on wrk without reading, and the server would stall writing its request log); resolves once ready.
 */
async function serve(port: number, env: NodeJS.ProcessEnv, log: string): Promise<ChildProcess> {
  const fd = openSync(log, 'a');
  const child = spawn(process.execPath, [join(root, 'bin/mizan.js'), 'serve', '--port', String(port)], { env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`mizan serve exited with ${code}: ${readFileSync(log, 'utf8').slice(-500)}`))));
  await Promise.race([waitHttp(`http://127.0.0.1:${port}/readyz`), exited]);
  return child;
}

async function waitHttp(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} never answered`);
}

/** Waits until a server's searches come back whole (its search worker has learned the term pairs). */
async function warmSearch(origin: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const r = (await fetch(`${origin}/api/search?q=${encodeURIComponent('سلاح')}&warm=${i}`).then((x) => x.json())) as { partial?: boolean };
    if (!r.partial) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The seed and SIZE generated articles in `schema`; returns the seed's path and a sample for queries. */
async function fill(url: string, schema: string): Promise<{ path: string; sample: Article[] }> {
  const store = await openStore({ url, schema });
  try {
    const seed = readPage({ file: SEED_FILE, bytes: readFileSync(SEED_FILE) }).articles[0]!;
    await saveArticle(store, seed);
    const sample: Article[] = [];
    let batch: Article[] = [];
    const flush = async () => {
      const docs = batch;
      batch = [];
      await store.transaction(async (tx) => {
        for (const a of docs) await tx.putArticle(a);
      });
      await indexArticles(store, docs);
    };
    for (const a of corpus(SIZE).articles()) {
      if (sample.length < 400) sample.push(a);
      batch.push(a);
      if (batch.length >= 500) await flush();
    }
    await flush();
    return { path: seed.path, sample };
  } finally {
    await store.close();
  }
}

function nginxConf(dir: string, listen: number, upstreams: number[]): string {
  // The upstream and proxy settings of deploy/nginx-mizan.conf; the rest is what a bench run needs.
  return `daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream mizan {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://mizan;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_read_timeout 60s;
    }
  }
}
`;
}

interface Row {
  what: string;
  connections: number;
  results: Result[];
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return console.log('skipped: DATABASE_URL is not set (several servers share one PostgreSQL)');
  if (!seedAvailable) return console.log(`skipped: the seed page is not at ${SEED_FILE}`);
  for (const [tool, probe] of [['nginx', `test -x ${NGINX}`], ['wrk', 'command -v wrk']]) {
    if (spawnSync('sh', ['-c', probe]).status !== 0) return console.log(`skipped: ${tool} is not installed`);
  }
  if (spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('compiling failed');
  const dir = mkdtempSync(join(tmpdir(), 'mizan-bench-cluster-'));
  chmodSync(dir, 0o755);
  const schema = `bench_cluster_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const children: ChildProcess[] = [];
  try {
    const built = performance.now();
    const { path, sample } = await fill(url, schema);
    console.log(`store: the seed and ${SIZE.toLocaleString('en')} generated articles on PostgreSQL (${((performance.now() - built) / 1000).toFixed(0)} s to build)`);
    const lua = join(dir, 'searches.lua');
    const queries = queryMix(sample).map((q) => `/api/search?q=${encodeURIComponent(q.q)}`);
    writeFileSync(
      lua,
      `local paths = { ${queries.map((q) => JSON.stringify(q)).join(', ')} }\nlocal n = 0\nmath.randomseed(7)\nrequest = function()\n  n = n + 1\n  return wrk.format("GET", paths[math.random(#paths)] .. "&n=" .. n)\nend\n`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, MIZAN_PG_SCHEMA: schema, MIZAN_TRUST_PROXY: '1', NODE_ENV: 'production' };
    delete env.MIZAN_RUN_SOURCES;
    const rows: Row[] = [
      { what: 'article page', connections: 32, results: [] },
      { what: 'article page', connections: 256, results: [] },
      { what: 'search', connections: 32, results: [] },
      { what: 'search', connections: 256, results: [] },
    ];
    for (const count of [1, 2]) {
      const ports = await Promise.all(Array.from({ length: count }, freePort));
      const servers = await Promise.all(ports.map((p) => serve(p, env, join(dir, `serve-${p}.log`))));
      children.push(...servers);
      const front = await freePort();
      const conf = join(dir, `nginx-${count}.conf`);
      writeFileSync(conf, nginxConf(dir, front, ports));
      const nginx = spawn(NGINX, ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(nginx);
      const base = `http://127.0.0.1:${front}`;
      await waitHttp(base + encodeURI(path));
      // Warm each server: its search worker learns the term pairs (seconds), then JIT and the caches.
      for (const p of ports) await warmSearch(`http://127.0.0.1:${p}`);
      wrk(['-c16', base + encodeURI(path)], 3);
      wrk(['-c16', '-s', lua, base], 5);
      for (const row of rows) {
        const target = row.what === 'search' ? ['-s', lua, base] : [base + encodeURI(path)];
        row.results.push(wrk([`-c${row.connections}`, '--timeout', '2s', ...target]));
      }
      if (process.env.BENCH_VERBOSE) process.stderr.write(readFileSync(join(dir, 'nginx-error.log'), 'utf8').slice(-3000));
      nginx.kill('SIGQUIT');
      await new Promise((r) => nginx.once('exit', r));
      await Promise.all(
        servers.map((s) => {
          s.kill('SIGTERM');
          return new Promise((r) => s.once('exit', r));
        }),
      );
    }
    console.log(`\nnginx in front of one, then two \`mizan serve\` on one PostgreSQL; wrk -t1 -d${seconds}s on loopback, ${availableParallelism()} cores shared by everything:\n`);
    console.log('| load | connections | one server: req/s | p99 ms | failed | two servers: req/s | p99 ms | failed | ratio two/one |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const { what, connections, results: [one, two] } of rows) {
      console.log(`| ${what} | ${connections} | ${one.rps.toFixed(0)} | ${one.p99ms.toFixed(1)} | ${one.failed} | ${two.rps.toFixed(0)} | ${two.p99ms.toFixed(1)} | ${two.failed} | ${(two.rps / one.rps).toFixed(2)}× |`);
    }
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
