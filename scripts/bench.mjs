#!/usr/bin/env node
// `npm run bench`: installs the peers' packages (bench/package.json, kept out of the product), then runs
// each benchmark in bench/<name>/run.ts in turn. `npm run bench -- search web` runs only those.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bench = join(root, 'bench');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith('-'));

const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--silent'], { cwd: bench, stdio: 'inherit' });
if (install.status !== 0) process.exit(install.status ?? 1);

const names = readdirSync(bench, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(bench, d.name, 'run.ts')))
  .map((d) => d.name)
  .filter((n) => wanted.length === 0 || wanted.includes(n))
  .sort();
let failed = 0;
for (const name of names) {
  console.log(`\n=== bench/${name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(bench, name, 'run.ts'), ...passThrough], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
