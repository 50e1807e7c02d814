/**
 * Reliability benchmark: files imported per second by 1, 2 and 4 `mizan import` processes writing
 * into one database at once (each figure also as a ratio to one writer, measured in the same run),
 * with failures and files lost; the hostile-request set against a running `mizan serve` (its peak
 * resident memory, and whether it still serves a page after each); and the time to back up and
 * restore N articles, each beside a peer in the same run (SQLite: `sqlite3 .dump` replayed into a new
 * file, and `VACUUM INTO`; PostgreSQL: `pg_dump` replayed by `psql`); and the peak resident memory of
 * `mizan backup` and `mizan restore` with and without M megabytes of media (restore streams them, so
 * the two should be close). SQLite always; PostgreSQL too when DATABASE_URL is set.
 *
 *   node --import tsx bench/reliability/run.ts [--files N] [--articles N] [--media-mb M] [--only writers,hostile,backups,media]
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { restoreBackup, writeBackup } from '../../src/app/index.ts';
import { openStore } from '../../src/store/index.ts';
import { BIN } from '../../test/support/cli.ts';
import { cliTarget, writePages } from '../../test/reliability/support.ts';
import { makeArticle } from '../../test/support/articles.ts';
import { addAccounts, signedIn } from '../../test/web/admin-client.ts';

const arg = (name: string, dflt: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : dflt;
};
const FILES = arg('files', 200);
const ARTICLES = arg('articles', 10_000);
const MEDIA_MB = arg('media-mb', 200);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null;
const work = mkdtempSync(join(tmpdir(), 'mizan-bench-rel-'));
const url = process.env.DATABASE_URL;

type Target = { db?: string; url?: string; schema?: string };
const engines: { name: string; fresh: () => Promise<Target>; drop: (t: Target) => Promise<void> }[] = [
  {
    name: 'sqlite',
    fresh: async () => ({ db: join(mkdtempSync(join(work, 'db-')), 'mizan.db') }),
    drop: async () => {},
  },
];
if (url) {
  engines.push({
    name: 'postgres',
    fresh: async () => {
      const schema = `bench_${Math.random().toString(36).slice(2, 10)}`;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`create schema ${schema}`);
      await c.end();
      return { url, schema };
    },
    drop: async (t) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${t.schema} cascade`);
      await c.end();
    },
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const e = { ...process.env, ...env };
    if (!env.DATABASE_URL) delete e.DATABASE_URL;
    const child = spawn(process.execPath, [BIN, ...args], { env: e, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout }));
  });
}

async function writers(): Promise<void> {
  console.log(`\nConcurrent importers: ${FILES} files in all, split among the writers (Markdown pages sharing authors and topics)`);
  console.log('engine    writers  files/s  vs 1 writer  tried  failed  lost');
  for (const engine of engines) {
    let one = 0;
    for (const w of [1, 2, 4]) {
      const target = await engine.fresh();
      const store = await openStore(target);
      const batches = Array.from({ length: w }, (_, i) => writePages(work, `${engine.name}-${w}-${i}`, Math.ceil(FILES / w)));
      const { args, env } = cliTarget(target);
      const started = performance.now();
      const results = await Promise.all(batches.map((b) => run(['import', ...args, '--json', join(b.files[0], '..')], env)));
      const seconds = (performance.now() - started) / 1000;
      let failed = 0;
      for (const r of results) {
        try {
          failed += (JSON.parse(r.stdout).files as { status: string }[]).filter((f) => f.status === 'failed').length;
        } catch {
          failed += Math.ceil(FILES / w);
        }
      }
      let lost = 0;
      for (const b of batches) for (const p of b.paths) if (!(await store.getArticleByPath(p))) lost++;
      const tried = batches.reduce((n, b) => n + b.paths.length, 0);
      const rate = tried / seconds;
      if (w === 1) one = rate;
      console.log(`${engine.name.padEnd(9)} ${String(w).padStart(7)}  ${rate.toFixed(1).padStart(7)}  ${(rate / one).toFixed(2).padStart(10)}×  ${String(tried).padStart(5)}  ${String(failed).padStart(6)}  ${String(lost - failed).padStart(4)}`);
      await store.close();
      await engine.drop(target);
    }
  }
}

function rssPeakKb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

async function hostile(): Promise<void> {
  const target = await engines[0].fresh();
  const store = await openStore(target);
  await store.putArticle(makeArticle({ slug: 'mqala-baqya' }));
  await addAccounts(store, ['editor']);
  await store.close();
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [BIN, 'serve', '--db', target.db!, '--port', String(port)], { stdio: 'ignore' });
  for (let i = 0; i < 400 && !(await fetch(base + '/healthz').catch(() => null))?.ok; i++) await new Promise((r) => setTimeout(r, 50));
  const before = rssPeakKb(server.pid!);
  const page = (tag: string, n: number) => `<html><head><title>t</title></head><body><article><h1>t</h1>${`<${tag}>`.repeat(n)}x${`</${tag}>`.repeat(n)}</article></body></html>`;
  const editor = await signedIn(base, 'editor');
  const upload = (name: string, body: string | Uint8Array<ArrayBuffer>) => async () => {
    const form = new FormData();
    form.set('file', new File([body], name));
    return editor.postMultipart('/admin/import', form, await editor.csrfOf('/admin/import'));
  };
  const raw = (path: string, body: Uint8Array<ArrayBuffer>) => () => fetch(base + path, { method: 'POST', body, headers: { 'content-type': 'application/octet-stream' } });
  const md = (body: string) => `---\ntitle: t\nlang: ar\n---\n\n${body}\n`;
  const cases: [string, () => Promise<{ status: number }>][] = [
    ['POST 50 MB to a missing page', raw('/nothing', new Uint8Array(50 * 1024 * 1024))],
    ['POST 50 MB to /api/search', raw('/api/search', new Uint8Array(50 * 1024 * 1024))],
    ['POST 20 MB to /admin/import (signed out)', raw('/admin/import', new Uint8Array(20 * 1024 * 1024))],
    ['upload: 5,000 nested blockquotes', upload('q.html', page('blockquote', 5000))],
    ['upload: 20,000 nested divs', upload('d.html', page('div', 20000))],
    ['upload: 1,000 nested Markdown lists', upload('l.md', md(Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '- x').join('\n')))],
    ['upload: 20,000 ** pairs', upload('s.md', md('**'.repeat(20000) + 'x' + '**'.repeat(20000)))],
    ['upload: 200,000 paragraphs', upload('p.html', page('p', 1).replace('<p>x</p>', '<p>x</p>'.repeat(200_000)))],
    ['upload: 6 MB', upload('big.txt', new Uint8Array(6 * 1024 * 1024).fill(65))],
  ];
  console.log(`\nHostile requests against mizan serve (SQLite); resident memory peak at start ${(before / 1024).toFixed(0)} MB`);
  console.log('request                                           status  still serving');
  let serving = 0;
  for (const [name, send] of cases) {
    const r = await send().catch((e) => ({ status: `error ${(e as Error).message}` }));
    const ok = (await fetch(base + '/ar/policy-analysis/mqala-baqya').catch(() => null))?.status === 200;
    if (ok) serving++;
    console.log(`${name.padEnd(49)} ${String(r.status).padStart(6)}  ${ok ? 'yes' : 'NO'}`);
  }
  console.log(`resident memory peak after the set: ${(rssPeakKb(server.pid!) / 1024).toFixed(0)} MB; still serving after ${serving} of ${cases.length}`);
  server.kill('SIGKILL');
}

/** Runs a command to completion; its wall time in seconds (throws when it fails). */
function timed(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string } = {}): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - t) / 1000;
}

async function backups(): Promise<void> {
  console.log(`\nBackup and restore of ${ARTICLES.toLocaleString('en')} articles; Mizan's restore includes rebuilding the search index and tags.`);
  console.log('Peers on the same database: SQLite `.dump` and its replay by sqlite3 into a new file (and `VACUUM INTO`, a page copy);');
  console.log('PostgreSQL `pg_dump -n schema` and its replay by `psql`. Ratios: Mizan ÷ peer.\n');
  console.log('| engine | fill s | backup s | peer backup s | × | MB | restore s | peer restore s | × | restored |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const engine of engines) {
    const source = await engine.fresh();
    const store = await openStore(source);
    let t = performance.now();
    for (let at = 0; at < ARTICLES; at += 1000) {
      await store.transaction(async (tx) => {
        for (let i = at; i < Math.min(ARTICLES, at + 1000); i++) {
          await tx.putArticle(makeArticle({ slug: `mqala-${i}`, title: `مقالة رقم ${i} عن العلاقات`, lang: i % 2 ? 'en' : 'ar' }));
        }
      });
    }
    const fill = (performance.now() - t) / 1000;
    const file = join(work, `bench-${engine.name}.mizan-backup`);
    t = performance.now();
    const b = await writeBackup(store, file);
    const backup = (performance.now() - t) / 1000;
    const into = await engine.fresh();
    const target = await openStore(into);
    t = performance.now();
    const r = await restoreBackup(target, file);
    const restore = (performance.now() - t) / 1000;
    await target.close();
    await engine.drop(into);
    await store.close();
    let peerBackup: number;
    let peerRestore: number;
    let page = '';
    if (engine.name === 'sqlite') {
      const dump = join(work, 'peer.sql');
      peerBackup = timed('sh', ['-c', `sqlite3 '${source.db}' .dump > '${dump}'`]);
      peerRestore = timed('sh', ['-c', `sqlite3 '${join(work, `peer-${Date.now()}.db`)}' < '${dump}'`]);
      const copy = join(work, `vacuum-${Date.now()}.db`);
      page = ` (VACUUM INTO: ${timed('sqlite3', [source.db!, `vacuum into '${copy}'`]).toFixed(1)} s)`;
      rmSync(dump);
    } else {
      const dump = join(work, 'peer.sql');
      peerBackup = timed('pg_dump', ['--no-owner', '-n', source.schema!, '-f', dump, url!]);
      await engine.drop(source);
      peerRestore = timed('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', dump, url!]);
      rmSync(dump);
    }
    await engine.drop(source);
    console.log(
      `| ${engine.name} | ${fill.toFixed(1)} | ${backup.toFixed(1)} | ${peerBackup.toFixed(1)}${page} | ${(backup / peerBackup).toFixed(1)} | ${(b.bytes / 1048576).toFixed(1)} | ${restore.toFixed(1)} | ${peerRestore.toFixed(1)} | ${(restore / peerRestore).toFixed(1)} | ${r.rows.articles} |`,
    );
  }
}

/** Runs `mizan …args` under /usr/bin/time: its peak resident memory (MB) and wall time (s). */
function measured(args: string[]): { mb: number; s: number } {
  const out = join(work, 'time.txt');
  const r = spawnSync('/usr/bin/time', ['-o', out, '-f', '%M %e', process.execPath, BIN, ...args], { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mizan ${args.join(' ')} failed: ${r.stderr}`);
  const [kb, s] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { mb: kb / 1024, s };
}

async function media(): Promise<void> {
  const dir = join(work, 'media-site');
  const db = join(dir, 'mizan.db');
  mkdirSync(join(dir, 'media', 'صور'), { recursive: true });
  const store = await openStore({ db });
  for (let i = 0; i < 50; i++) await store.putArticle(makeArticle({ slug: `mqala-${i}` }));
  await store.close();
  // Incompressible bytes, in files of 8 MB (a few photographs, a video, many PDFs weigh as much).
  const files = Math.max(1, Math.round(MEDIA_MB / 8));
  for (let i = 0; i < files; i++) writeFileSync(join(dir, 'media', 'صور', `${i}.bin`), randomBytes(8 * 1048576));
  const empty = join(work, 'no-media');
  mkdirSync(empty, { recursive: true });
  const plain = join(work, 'plain.mizan-backup');
  const full = join(work, 'full.mizan-backup');
  const b0 = measured(['backup', '--db', db, '--media', empty, plain]);
  const b1 = measured(['backup', '--db', db, full]);
  const fresh = (name: string) => join(mkdtempSync(join(work, `${name}-`)), 'mizan.db');
  const r0 = measured(['restore', '--db', fresh('r0'), '--media', join(work, 'r0-media'), plain]);
  const r1 = measured(['restore', '--db', fresh('r1'), '--media', join(work, 'r1-media'), full]);
  console.log(`\nPeak resident memory of the CLI, 50 articles, with and without ${files * 8} MB of media (${files} files of 8 MB; backup ${(statSync(full).size / 1048576).toFixed(0)} MB)\n`);
  console.log('| command | no media: MB, s | with media: MB, s | peak with ÷ without |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| mizan backup | ${b0.mb.toFixed(0)}, ${b0.s.toFixed(1)} | ${b1.mb.toFixed(0)}, ${b1.s.toFixed(1)} | ${(b1.mb / b0.mb).toFixed(2)} |`);
  console.log(`| mizan restore | ${r0.mb.toFixed(0)}, ${r0.s.toFixed(1)} | ${r1.mb.toFixed(0)}, ${r1.s.toFixed(1)} | ${(r1.mb / r0.mb).toFixed(2)} |`);
}

const wanted = (name: string) => !only || only.includes(name);
try {
  if (wanted('writers')) await writers();
  if (wanted('hostile')) await hostile();
  if (wanted('media')) await media();
  if (wanted('backups')) await backups();
} finally {
  rmSync(work, { recursive: true, force: true });
}
