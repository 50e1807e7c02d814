/** `mizan user …` and `mizan article …` run as the real binary, on an SQLite file (the CLI's default engine). */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMizan } from '../support/cli.ts';
import { listRevisions, listTombstones, openStore, saveEdit, signIn, transition, CLI_EDITOR } from '../../src/app/index.ts';
import { makeArticle } from '../support/articles.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-cli-accounts-'));
const db = join(dir, 'mizan.db');
after(() => rmSync(dir, { recursive: true, force: true }));

test('user add reads the password from stdin (never an argument); list; passwd', async () => {
  const added = await runMizan(['--db', db, 'user', 'add', 'Ed@Example.org', '--role', 'editor'], { input: 'a long password here\n' });
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /created ed@example\.org \(editor\)/);
  assert.equal((await runMizan(['--db', db, 'user', 'add', 'x@example.org', '--role', 'editor', '--password', 'a long password here'])).code, 2, 'no password argument exists');
  const list = await runMizan(['--db', db, 'user', 'list', '--json']);
  assert.deepEqual(JSON.parse(list.stdout).map((u: { email: string; role: string }) => [u.email, u.role]), [['ed@example.org', 'editor']]);

  const passwd = await runMizan(['--db', db, 'user', 'passwd', 'ed@example.org'], { input: 'a brand new password\n' });
  assert.equal(passwd.code, 0, passwd.stderr);
  const store = await openStore({ db });
  try {
    const where = { ip: '127.0.0.1', userAgent: 'test' };
    assert.equal((await signIn(store, { email: 'ed@example.org', password: 'a brand new password' }, where)).kind, 'ok');
  } finally {
    await store.close();
  }
});

test('article unpublish and delete for scripts; delete keeps a tombstone and the revisions', async () => {
  const store = await openStore({ db });
  let id: string;
  try {
    id = (await saveEdit(store, CLI_EDITOR, { article: makeArticle() })).id;
    await transition(store, CLI_EDITOR, id, 'publish');
  } finally {
    await store.close();
  }
  const un = await runMizan(['--db', db, 'article', 'unpublish', id]);
  assert.equal(un.code, 0, un.stderr);
  assert.match(un.stdout, /unpublished/);
  const del = await runMizan(['--db', db, 'article', 'delete', id]);
  assert.equal(del.code, 0, del.stderr);
  const after = await openStore({ db });
  try {
    assert.equal(await after.getArticle(id), undefined);
    assert.equal((await listTombstones(after))[0].articleId, id);
    assert.ok((await listRevisions(after, id)).length >= 1);
  } finally {
    await after.close();
  }
});
