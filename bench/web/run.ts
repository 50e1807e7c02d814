/**
 * @module The reading site against a static file server: the seed's article page served by the compiled
 * `mizan serve` (what production runs), from its page cache and rendered per request
 * (`MIZAN_PAGE_CACHE=off`), as one process and as one process per core (`--processes auto`, as nginx runs
 * `worker_processes auto`), beside nginx serving the same HTML as a file, in the same run, with wrk at 32
 * connections on loopback. Prints requests per second, the ratio to nginx, and p99 latency.
 * `npm run bench -- web` (or `node --import tsx bench/web/run.ts [--seconds N] [--rounds R]`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveArticle } from '../../src/app/index.ts';
import { readPage } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';
import { SEED_FILE, seedAvailable } from '../../test/support/seed.ts';
import { freePort, readWrk } from '../wrk.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1] || 0) || 8;
const CONNECTIONS = 32;
const ROUNDS = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 0) || 3;

async function waitHttp(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} never answered`);
}

interface Result {
  name: string;
  rps: number;
  p99ms: number;
  p50ms: number;
  errors: number;
}

function wrk(name: string, url: string): Result {
  // Warm up (JIT, page cache), then measure.
  spawnSync('wrk', ['-t1', `-c${CONNECTIONS}`, '-d1s', url], { encoding: 'utf8' });
  const r = spawnSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', url], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
  const { rps, p50ms, p99ms, non2xx, timeouts } = readWrk(r.stdout);
  return { name, rps, p99ms, p50ms, errors: non2xx + timeouts };
}

async function main(): Promise<void> {
  if (!seedAvailable) {
    console.log(`skipped: the seed page is not at ${SEED_FILE}`);
    return;
  }
  for (const tool of ['nginx', 'wrk']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      console.log(`skipped: ${tool} is not installed`);
      return;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'mizan-bench-web-'));
  const children: ChildProcess[] = [];
  try {
    const db = join(dir, 'mizan.db');
    const store = await openStore({ db });
    const parsed = readPage({ file: SEED_FILE, bytes: readFileSync(SEED_FILE) });
    for (const a of parsed.articles) await saveArticle(store, a);
    await store.close();
    const path = parsed.articles[0].path;

    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: repo, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('compiling failed');
    const cores = availableParallelism();

    // Every server is started first and measured in turn, round after round: this machine's speed
    // drifts by a factor of two or three within minutes (other tenants of the host), so each ratio is
    // taken against nginx in the same round and the median over the rounds is printed.
    const targets: { name: string; url: string }[] = [];
    for (const processes of [1, cores]) {
      for (const mode of ['cached', 'rendered'] as const) {
        const port = await freePort();
        // Request logs off, as nginx's access_log is below.
        const env: NodeJS.ProcessEnv = { ...process.env, MIZAN_BASE_URL: 'https://mizan.example', MIZAN_PAGE_CACHE: mode === 'cached' ? 'on' : 'off', MIZAN_LOG_LEVEL: 'warn' };
        delete env.DATABASE_URL;
        delete env.MIZAN_RUN_SOURCES;
        const child = spawn(process.execPath, ['bin/mizan.js', 'serve', '--db', db, '--port', String(port), '--processes', String(processes)], { cwd: repo, env, stdio: ['ignore', 'ignore', 'inherit'] });
        children.push(child);
        await waitHttp(`http://127.0.0.1:${port}/readyz`);
        const what = mode === 'cached' ? 'page cache' : 'rendered per request';
        targets.push({ name: `mizan serve, ${processes === 1 ? '1 process' : `${processes} processes`} (${what})`, url: `http://127.0.0.1:${port}${path}` });
      }
    }
    const html = await (await fetch(targets[0].url)).text();

    const root = join(dir, 'www');
    mkdirSync(root);
    writeFileSync(join(root, 'page.html'), html);
    // nginx's workers drop root's rights: they must be able to read the temp dir.
    chmodSync(dir, 0o755);
    chmodSync(root, 0o755);
    const nginxPort = await freePort();
    const conf = join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      `daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${nginxPort};
    root ${root};
    location / { default_type text/html; try_files /page.html =404; }
  }
}
`,
    );
    const nginx = spawn('nginx', ['-c', conf, '-p', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(nginx);
    await waitHttp(`http://127.0.0.1:${nginxPort}/`);
    targets.unshift({ name: 'nginx (static file)', url: `http://127.0.0.1:${nginxPort}${path}` });

    const rounds: Result[][] = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push(targets.map((t) => wrk(t.name, t.url)));
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

    console.log(`\nThe seed's article page (${Buffer.byteLength(html)} bytes of HTML), wrk -t1 -c${CONNECTIONS} -d${seconds}s on loopback, ${cores} cores shared by wrk and the server; ${ROUNDS} rounds, medians:\n`);
    console.log('| server | requests/s (each round) | ratio to nginx in the round (median) | p50 ms | p99 ms | errors |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    const ratios: number[] = [];
    targets.forEach((t, i) => {
      const runs = rounds.map((r) => r[i]);
      const ratio = median(rounds.map((r) => r[0].rps / r[i].rps));
      ratios.push(ratio);
      const each = runs.map((r) => r.rps.toFixed(0)).join(' / ');
      const errors = runs.reduce((n, r) => n + r.errors, 0);
      console.log(`| ${t.name} | ${each} | ${i === 0 ? '1' : `1/${ratio.toFixed(1)}`} | ${median(runs.map((r) => r.p50ms)).toFixed(2)} | ${median(runs.map((r) => r.p99ms)).toFixed(2)} | ${errors} |`);
    });
    const verdict = (i: number, share: number) => (ratios[i] <= share ? 'met' : 'missed');
    console.log(`\naims (1 process | ${cores} processes): cached ≥ 1/5 of nginx: ${verdict(1, 5)} | ${verdict(3, 5)}; rendered ≥ 1/20: ${verdict(2, 20)} | ${verdict(4, 20)}`);
  } finally {
    // SIGTERM, so each `mizan serve` stops its server processes and search workers with it.
    await Promise.all(
      children
        .filter((c) => c.exitCode === null && c.signalCode === null)
        .map((c) => {
          const gone = new Promise((r) => c.once('exit', r));
          c.kill(c.spawnfile === 'nginx' ? 'SIGQUIT' : 'SIGTERM');
          const hard = setTimeout(() => c.kill('SIGKILL'), 15_000);
          return gone.then(() => clearTimeout(hard));
        }),
    );
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
