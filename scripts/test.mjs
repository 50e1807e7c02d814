#!/usr/bin/env node
// Runs every check `npm test` stands for: the build (when stale), the layer boundaries, the type checker,
// then every test file through node's own runner (Node 20's runner takes no globs, so the files are listed here).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

// The commands the tests start run dist/ when it is current (bin/mizan.js), as production does, and the
// sources otherwise: compiled first, each of the hundreds of `mizan` processes starts in half the time.
run(process.execPath, ['scripts/build.mjs', '--if-stale']);
if (only.length === 0) {
  run(process.execPath, ['scripts/check-layers.mjs']);
  run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);
}
// What will not run, said once before the run; each skipped suite then counts in "# skipped N".
const missing = [];
if (!process.env.DATABASE_URL && process.env.MIZAN_REQUIRE_PG !== '1') {
  missing.push('DATABASE_URL is not set: every PostgreSQL suite is skipped (set DATABASE_URL=postgres://… to run them; MIZAN_REQUIRE_PG=1 makes them mandatory).');
}
const chromium = process.env.MIZAN_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium) && process.env.MIZAN_REQUIRE_BROWSER !== '1') {
  missing.push(`Chromium is not at ${chromium}: the browser tests are skipped (apt-get install chromium; MIZAN_REQUIRE_BROWSER=1 makes them mandatory).`);
}
if (!existsSync(join(root, '..', 'shared', 'seeds'))) missing.push('../shared/seeds is absent: the tests that read the real seed page are skipped.');
for (const line of missing) process.stdout.write(`note: ${line}\n`);

// The slowest files (a CI run's figures, 60-150 s each) start first, so that none of them is left
// running alone at the end while the other lane idles; the rest follow in name order.
const SLOWEST_FIRST = [
  'test/web/static-build-threads.test.ts',
  'test/web/editor/axe.test.ts',
  'test/web/static-build.test.ts',
  'test/app/mail/delivery.test.ts',
  'test/web/site/media-browser.test.ts',
  'test/web/browser.test.ts',
  'test/reliability/crash-safety.test.ts',
  'test/store/migrate-atomic.test.ts',
  'test/web/static-search.test.ts',
].map((f) => join(root, f));
const rank = (f) => (SLOWEST_FIRST.includes(f) ? SLOWEST_FIRST.indexOf(f) : SLOWEST_FIRST.length);
const files = only.length ? only : [...testFiles(join(root, 'test')), ...testFiles(join(root, 'src'))].sort().sort((a, b) => rank(a) - rank(b));
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files]);
