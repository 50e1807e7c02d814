import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { BIN, runMizan } from '../support/cli.ts';
import { SEED_FILE, seedSkip } from '../support/seed.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-serve-'));
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `mizan serve` and resolves once it says where it serves. */
function serve(args: string[]): Promise<{ child: ChildProcess; out: () => string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [BIN, 'serve', ...args], { env });
    children.push(child);
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d) => {
      out += d;
      if (out.includes('serving')) resolve({ child, out: () => out });
    });
    child.stderr!.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

test('serve --demo loads the demo into an empty database and serves both languages; a second serve on the port exits 1', async () => {
  const db = join(dir, 'demo.db');
  const port = await freePort();
  const { out } = await serve(['--demo', '--port', String(port), '--db', db]);
  assert.match(out(), /loaded \d+ demo articles/);
  const ar = await fetch(`http://127.0.0.1:${port}/ar/`);
  assert.equal(ar.status, 200);
  const html = await ar.text();
  assert.match(html, /<html lang="ar" dir="rtl"/);
  assert.match(html, /href="\/ar\/policy-analysis\//);
  const en = await fetch(`http://127.0.0.1:${port}/`);
  assert.match(await en.text(), /<html lang="en" dir="ltr"/);
  assert.match(out(), /GET \/ar\/ 200/, 'one log line a request');

  const second = await runMizan(['serve', '--port', String(port), '--db', join(dir, 'other.db')]);
  assert.equal(second.code, 1);
  assert.match(second.stderr, new RegExp(`port ${port}.*already in use`));
});

test('plain serve never adds content; the seed imported is read at its path in RTL with authors, date, headings, topics and region', { skip: seedSkip }, async () => {
  const db = join(dir, 'seed.db');
  const imported = await runMizan(['import', SEED_FILE, '--db', db, '--json']);
  assert.equal(imported.code, 0, imported.stderr);
  const report = JSON.parse(imported.stdout);
  const article = report.articles[0];
  const port = await freePort();
  await serve(['--port', String(port), '--db', db]);
  const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  assert.doesNotMatch(home, /href="\/policy-analysis\//, 'no English articles were added');
  const res = await fetch(`http://127.0.0.1:${port}${article.path}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<html lang="ar" dir="rtl"/);
  for (const slug of ['sabyna-hynbrj', 'ghrant-rwmlly', 'aryk-yafwrsky']) assert.ok(html.includes(`href="/ar/experts/${slug}"`), slug);
  assert.match(html, /<time datetime="2023-05-18"/);
  const headings = article.body.filter((b: { kind: string }) => b.kind === 'heading');
  assert.equal(headings.length, 2, 'the page has two section headings');
  for (const h of headings) assert.match(html, new RegExp(`<h2[^>]*>${h.text}</h2>`));
  for (const slug of ['mnafst-alqwy-alzmy', 'alsyast-alrbyt-walaslamyt', 'alsyast-alamrykyt', 'shmal-afryqya']) {
    assert.ok(html.includes(`href="/ar/policy-analysis/${slug}"`), slug);
  }
  const topic = await fetch(`http://127.0.0.1:${port}/ar/policy-analysis/shmal-afryqya`);
  assert.equal(topic.status, 200);
  assert.ok((await topic.text()).includes(article.path));
});

test('serve refuses a MIZAN_BASE_URL that is not an http(s) origin at its root, before starting', async () => {
  const db = join(dir, 'base-url.db');
  for (const [value, says] of [
    ['ftp://analysis.example.org', /MIZAN_BASE_URL must be an http or https address, not "ftp:\/\/analysis\.example\.org"/],
    ['https://analysis.example.org/ar/', /MIZAN_BASE_URL is the origin the site is served from, at its root: give https:\/\/analysis\.example\.org, not "https:\/\/analysis\.example\.org\/ar\/"/],
  ] as const) {
    const r = await runMizan(['serve', '--db', db, '--port', '0'], { env: { MIZAN_BASE_URL: value } });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, says);
  }
});
