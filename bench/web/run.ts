/**
 * @module The reading site against a static file server: the seed's article page served by the compiled
 * `mizan serve` (what production runs), from its page cache and rendered per request
 * (`MIZAN_PAGE_CACHE=off`), as one process and as one process per core (`--processes auto`, as nginx runs
 * `worker_processes auto`), beside nginx serving the same HTML as a file, in the same run, with wrk at 32
 * connections on loopback. Prints requests per second, the ratio to nginx, and p99 latency.
 * `npm run bench -- web` (or `node --import tsx bench/web/run.ts [--seconds N]`).
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
  spawnSync('wrk', ['-t1', `-c${CONNECTIONS}`, '-d2s', url], { encoding: 'utf8' });
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
    const results: Result[] = [];
    let html = '';
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
        const url = `http://127.0.0.1:${port}${path}`;
        html ||= await (await fetch(url)).text();
        const what = mode === 'cached' ? 'page cache' : 'rendered per request';
        results.push(wrk(`mizan serve, ${processes === 1 ? '1 process' : `${processes} processes`} (${what})`, url));
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }

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
    const base = wrk('nginx (static file)', `http://127.0.0.1:${nginxPort}${path}`);
    nginx.kill('SIGQUIT');
    await new Promise((r) => nginx.once('exit', r));

    const rows = [base, ...results];
    console.log(`\nThe seed's article page (${Buffer.byteLength(html)} bytes of HTML), wrk -t1 -c${CONNECTIONS} -d${seconds}s on loopback, ${availableParallelism()} cores shared by wrk and the server:\n`);
    console.log('| server | requests/s | ratio to nginx | p50 ms | p99 ms | errors |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r === base ? '1' : `1/${(base.rps / r.rps).toFixed(1)}`} | ${r.p50ms.toFixed(2)} | ${r.p99ms.toFixed(2)} | ${r.errors} |`);
    }
    const verdict = (r: Result, share: number) => (r.rps * share >= base.rps ? 'met' : 'missed');
    console.log(
      `\naims (1 process | ${cores} processes): cached ≥ 1/5 of nginx: ${verdict(results[0], 5)} | ${verdict(results[2], 5)}; ` +
        `rendered ≥ 1/20: ${verdict(results[1], 20)} | ${verdict(results[3], 20)}; ` +
        `p99 < 20 ms: ${results.map((r) => (r.p99ms < 20 ? 'met' : 'missed')).join(', ')}`,
    );
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
