/**
 * Regression: `mizan reindex --db /nonexistent/dir/x.db` said "indexed 0 articles", exit 0, and left
 * the folders and a new database behind; `mizan search --db typo/nope.db x` did the same. What only
 * reads or reworks a database refuses a path that points at nothing, by name, exit 1, creating nothing;
 * what makes a site (db migrate, import, serve, restore, the first user add) still creates it.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoDatabaseError } from '../../src/lib/index.ts';
import { openStore } from '../../src/store/index.ts';
import { runMizan } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-nodb-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every command that only reads or reworks a database, with what it needs besides. */
const READERS: string[][] = [
  ['search', 'x'],
  ['reindex'],
  ['export', '--out', join(dir, 'export')],
  ['backup', join(dir, 'site.bak')],
  ['build', '--out', join(dir, 'site'), '--no-pdf', '--base-url', 'https://x.example'],
  ['article', 'publish', 'some-id'],
  ['article', 'delete', 'some-id'],
  ['user', 'list'],
  ['user', 'disable', 'a@example.org'],
  ['user', 'role', 'a@example.org', 'editor'],
  ['mail', 'status'],
  ['mail', 'retry'],
  ['mail', 'export'],
  ['media', 'list'],
  ['sources', 'check'],
];

test('every command that reads a database refuses a --db that points at nothing: named, exit 1, nothing created', async () => {
  const missing = join(dir, 'typo', 'nope.db');
  // Two at a time: each is a process of its own, and the machine is shared.
  for (let i = 0; i < READERS.length; i += 2) {
    await Promise.all(
      READERS.slice(i, i + 2).map(async (args) => {
        const r = await runMizan([...args, '--db', missing]);
        const name = args.join(' ');
        assert.equal(r.code, 1, `${name}: ${r.stderr}`);
        assert.ok(r.stderr.includes(`mizan: no database at ${missing} (mizan db migrate or mizan import creates one)`), `${name}: ${r.stderr}`);
        assert.equal(r.stdout, '', name);
      }),
    );
  }
  assert.equal(existsSync(join(dir, 'typo')), false, 'no folder was made');
  assert.deepEqual(readdirSync(dir), [], 'nothing was written anywhere: no backup, no export, no site');
});

test('the default database (./data/mizan.db) follows the same rule', async () => {
  const cwd = mkdtempSync(join(dir, 'cwd-'));
  const r = await runMizan(['search', 'x'], { cwd });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /no database at \.\/data\/mizan\.db/);
  assert.deepEqual(readdirSync(cwd), []);
  const re = await runMizan(['reindex'], { cwd });
  assert.equal(re.code, 1, re.stderr);
  assert.deepEqual(readdirSync(cwd), []);
});

test('what makes a site still creates its database: db migrate, the first user add', async () => {
  const migrated = join(dir, 'new', 'one', 'm.db');
  const m = await runMizan(['db', 'migrate', '--db', migrated]);
  assert.equal(m.code, 0, m.stderr);
  assert.ok(existsSync(migrated));
  const found = await runMizan(['search', 'x', '--db', migrated]);
  assert.equal(found.code, 0, found.stderr);
  assert.match(found.stdout, /0 results/);

  const first = join(dir, 'new', 'two', 'm.db');
  const added = await runMizan(['user', 'add', 'admin@example.org', '--role', 'admin', '--db', first], { input: 'a long password here\n' });
  assert.equal(added.code, 0, added.stderr);
  const list = await runMizan(['user', 'list', '--db', first]);
  assert.match(list.stdout, /^admin@example\.org\tadmin/m);
});

test('the store: create: false refuses a missing file with NoDatabaseError and makes nothing; the default creates it', async () => {
  const file = join(dir, 'store', 'x.db');
  await assert.rejects(openStore({ db: file, create: false }), (err: unknown) => err instanceof NoDatabaseError && err.path === file && err.message === `no database at ${file}`);
  await assert.rejects(openStore({ db: file, readOnly: true }), NoDatabaseError);
  assert.equal(existsSync(join(dir, 'store')), false);
  const made = await openStore({ db: file });
  await made.close();
  const reopened = await openStore({ db: file, create: false });
  await reopened.close();
});
