#!/usr/bin/env node
// Runs every check `npm test` stands for: the layer boundaries, the type checker, then every test file
// through node's own runner (Node 20's runner takes no globs, so the files are listed here).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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

if (only.length === 0) {
  run(process.execPath, ['scripts/check-layers.mjs']);
  run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);
}
const files = only.length ? only : [...testFiles(join(root, 'test')), ...testFiles(join(root, 'src'))].sort();
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files]);
