import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runMizan } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-cli-'));

test('--help lists the commands and exits 0', async () => {
  const r = await runMizan(['--help']);
  assert.equal(r.code, 0);
  for (const cmd of ['import', 'serve', 'db']) assert.match(r.stdout, new RegExp(`\\b${cmd}\\b`));
});

test('a reader that stops early (mizan --help | true) ends the command quietly, not with an EPIPE crash', () => {
  const bin = fileURLToPath(new URL('../../bin/mizan.js', import.meta.url));
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" --help | true`], { encoding: 'utf8', env: { ...process.env, MIZAN_RUN_SOURCES: '1' } });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
});

test('mizan with no arguments lists the commands and the first steps a newcomer takes; a missing command is a usage error: exit 2', async () => {
  const r = await runMizan([]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '', 'the help goes to stderr, as for any usage error');
  assert.match(r.stderr, /mizan: missing command/);
  const out = r.stdout + r.stderr;
  for (const command of ['import', 'serve', 'user', 'search']) assert.match(out, new RegExp(`^  ${command}\\b`, 'm'), command);
  assert.match(out, /First steps:/);
  assert.match(out, /mizan serve --demo/);
  assert.match(out, /\/admin/);
  assert.match(out, /mizan user add EMAIL --role admin/);
});

test('a group without its command (mizan user) is a usage error; asked for, the help exits 0', async () => {
  const group = await runMizan(['user']);
  assert.equal(group.code, 2);
  assert.match(group.stderr, /^ {2}add\b/m);
  for (const args of [['help'], ['help', 'user'], ['user', '--help']]) {
    const r = await runMizan(args);
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.stdout, /Usage: mizan/, args.join(' '));
  }
});

test('an unknown command is a usage error: exit 2', async () => {
  const r = await runMizan(['frobnicate']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown command/);
});

test('db migrate creates the schema once, then says it is up to date', async () => {
  const db = join(dir, 'm.db');
  const first = await runMizan(['db', 'migrate', '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /applied 001-core/);
  const second = await runMizan(['db', 'migrate', '--db', db]);
  assert.match(second.stdout, /up to date/);
});

test('a file that is not a database is refused by name, exit 1, and left as it was', async () => {
  const db = join(dir, 'notes.db');
  writeFileSync(db, 'meeting notes, not a database\n');
  const r = await runMizan(['db', 'migrate', '--db', db]);
  assert.equal(r.code, 1);
  assert.ok(r.stderr.includes(db), r.stderr);
  assert.equal(readFileSync(db, 'utf8'), 'meeting notes, not a database\n');
});

test('run from another folder (a data folder), the sources render pages: no "React is not defined"', async () => {
  const here = mkdtempSync(join(tmpdir(), 'mizan-cwd-'));
  assert.equal((await runMizan(['db', 'migrate', '--db', './m.db'], { cwd: here })).code, 0, 'build reads a database: it is made first');
  const r = await runMizan(['build', '--out', 'site', '--no-pdf', '--base-url', 'https://x.example', '--db', './m.db'], { cwd: here, env: { MIZAN_RUN_SOURCES: '1' } });
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /\(500\)|React is not defined/);
  assert.match(readFileSync(join(here, 'site', 'index.html'), 'utf8'), /^<!doctype html>/i);
  assert.match(r.stdout, /^as Mizan \(no mizan\.config\.\* found/m, 'the build says whose identity it used');
  // The institute's configuration, as `mizan serve` reads it (--config here).
  const config = join(here, 'institute.yaml');
  writeFileSync(config, 'name:\n  en: Gulf Test Institute\n  ar: معهد الخليج للاختبار\ndefaultLanguage: ar\n');
  const configured = await runMizan(['build', '--out', 'site', '--no-pdf', '--base-url', 'https://x.example', '--db', './m.db', '--config', config], { cwd: here, env: { MIZAN_RUN_SOURCES: '1' } });
  assert.equal(configured.code, 0, configured.stderr);
  assert.ok(configured.stdout.includes(`(${config})`), configured.stdout);
  assert.match(readFileSync(join(here, 'site', 'index.html'), 'utf8'), /Gulf Test Institute/);
  assert.match(readFileSync(join(here, 'site', 'ar', 'index.html'), 'utf8'), /معهد الخليج للاختبار/);
});
