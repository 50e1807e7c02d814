import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../src/app/index.ts';
import { forEachEngine } from '../support/engines.ts';
import { SEED_FILE, seedSkip } from '../support/seed.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const empty = join(dir, 'empty.txt');
writeFileSync(empty, '');

forEachEngine('importFiles', (h) => {
  after(() => h.cleanup());

  test('created, then unchanged, then updated; a bad file never stops the others', { skip: seedSkip }, async () => {
    const store = await h.open();
    const good = join(dir, `good-${h.engine}.md`);
    writeFileSync(good, '---\nlang: en\ntitle: Ports and Power\npublished: 2024-01-02\n---\n\nA short text about ports.\n');
    const first = await importFiles(store, [empty, SEED_FILE, join(dir, 'missing.txt'), good]);
    assert.deepEqual(first.files.map((f) => f.status), ['failed', 'created', 'failed', 'created']);
    assert.match(first.files[0].error ?? '', /empty\.txt:1: empty file/);
    assert.match(first.files[2].error ?? '', /missing\.txt: no such file/);
    assert.equal(await store.countArticles(), 2);
    const seed = await store.getArticle(first.files[1].articles[0]);
    assert.equal(seed?.authors.length, 3);
    assert.ok(first.warnings.some((w) => w.code === 'content-gap' && w.line === 48 && w.file === SEED_FILE));

    const again = await importFiles(store, [SEED_FILE, good]);
    assert.deepEqual(again.files.map((f) => f.status), ['unchanged', 'unchanged']);
    assert.equal(await store.countArticles(), 2);

    writeFileSync(good, '---\nlang: en\ntitle: Ports and Power\npublished: 2024-01-02\n---\n\nA longer text about ports and power.\n');
    const changed = await importFiles(store, [good]);
    assert.equal(changed.files[0].status, 'updated');
    assert.equal(changed.files[0].articles[0], first.files[3].articles[0], 'an update keeps the id');
  });

  test('no script or handler reaches a stored body, whatever the format', async () => {
    const store = await h.open();
    const page = join(dir, `hostile-${h.engine}.txt`);
    writeFileSync(page, 'A Hostile Page\n\nBy Jane Okafor\nMay 2, 2024\n\nText <script>alert(1)</script> and <img src=x onerror=alert(2)> more [x](javascript:alert(3)).\n');
    const r = await importFiles(store, [page]);
    assert.equal(r.files[0].status, 'created');
    const stored = await store.getArticle(r.files[0].articles[0]);
    const json = JSON.stringify(stored?.body);
    assert.doesNotMatch(json, /<script|onerror|javascript:/);
    assert.ok(r.warnings.some((w) => w.code === 'sanitized'));
    assert.ok(r.warnings.some((w) => w.code === 'unsafe-link' && w.line === 6));
  });

  test('a dry run reports what would happen and writes nothing', { skip: seedSkip }, async () => {
    const store = await h.open();
    const dry = await importFiles(store, [SEED_FILE], { dryRun: true });
    assert.equal(dry.files[0].status, 'created');
    assert.equal(dry.articles.length, 1);
    assert.equal(await store.countArticles(), 0);
    assert.equal(await store.resolvePath(dry.articles[0].path), undefined);
  });

  test('--path gives the page its path; a file whose article is invalid is rolled back whole', { skip: seedSkip }, async () => {
    const store = await h.open();
    const r = await importFiles(store, [SEED_FILE], { path: '/ar/policy-analysis/seed-page' });
    assert.equal(r.articles[0].path, '/ar/policy-analysis/seed-page');
    assert.ok(await store.getArticleByPath('/ar/policy-analysis/seed-page'));
    const two = join(dir, 'two.json');
    writeFileSync(two, JSON.stringify([{ lang: 'en', title: 'One', path: '/policy-analysis/one' }, { lang: 'en', title: '', path: '/policy-analysis/two' }]));
    const bad = await importFiles(store, [two]);
    assert.equal(bad.files[0].status, 'failed');
    assert.equal(await store.getArticleByPath('/policy-analysis/one'), undefined, 'nothing half-written');
  });
});
