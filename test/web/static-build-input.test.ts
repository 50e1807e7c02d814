/**
 * `mizan build` refuses what it cannot build, before writing anything, and says what and where: a base
 * URL that is not an http(s) origin at its root, and an output folder that is a file or lies under one.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MizanError } from '../../src/lib/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { buildSite } from '../../src/web/index.ts';
import { makeArticle } from '../support/articles.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-build-input-'));
let store: Store;

before(async () => {
  store = await openStore({ db: join(dir, 'm.db') });
  await store.putArticle(makeArticle({ lang: 'ar', slug: 'tahlil', title: 'تحليل موجز' }));
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Asserts the build is refused with `code` and a message matching `message`. */
async function refused(opts: { out: string; baseUrl: string }, code: string, message: RegExp): Promise<void> {
  await assert.rejects(buildSite(store, { ...opts, pdf: false, cards: false }), (err: unknown) => {
    assert.ok(err instanceof MizanError, String(err));
    assert.equal(err.code, code);
    assert.match(err.message, message);
    return true;
  });
}

test('a base URL that is not an http(s) origin at its root is refused, and nothing is written', async () => {
  const out = join(dir, 'never');
  await refused({ out, baseUrl: 'ftp://example.org' }, 'bad-base-url', /http or https/);
  await refused({ out, baseUrl: 'example.org' }, 'bad-base-url', /absolute URL/);
  await refused({ out, baseUrl: 'https://example.org/ar/' }, 'bad-base-url', /give https:\/\/example\.org, not "https:\/\/example\.org\/ar\/"/);
  await refused({ out, baseUrl: 'https://example.org/?utm=x' }, 'bad-base-url', /at its root/);
  assert.equal(existsSync(out), false);
});

test('an output folder that is a file, or lies under one, is refused by name', async () => {
  const file = join(dir, 'a-file');
  writeFileSync(file, 'not a folder');
  await refused({ out: file, baseUrl: 'https://example.org' }, 'bad-folder', new RegExp(`${file} is a file, not a folder`));
  await refused({ out: join(file, 'site', 'ar'), baseUrl: 'https://example.org' }, 'bad-folder', new RegExp(`${file} is a file, not a folder`));
});

test('an output folder several levels deep is made', async () => {
  const out = join(dir, 'deep', 'er', 'site');
  const r = await buildSite(store, { out, baseUrl: 'https://example.org/', pdf: false, cards: false });
  assert.deepEqual(r.broken, []);
  assert.ok(readdirSync(join(out, 'ar')).includes('index.html'));
});
