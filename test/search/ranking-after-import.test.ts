/**
 * Regression (issue 13): right after pages were imported one at a time, as `mizan import` does, search
 * ranked otherwise than after `mizan reindex` (on SQLite, FTS5 never took a removed row out of bm25's
 * statistics, so every update and every reindex inflated the row count its idf is computed from). Here
 * the demo and the seed are imported file by file, one article is updated and one deleted, and each
 * query's hits must come in the order a reindex of the same articles gives — on both engines.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteArticle, expandFiles, importFiles, reindex, searchArticles } from '../../src/app/index.ts';
import { parseSearchQuery } from '../../src/search/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { seedAvailable, SEED_FILE } from '../support/seed.ts';

const DEMO = new URL('../../demo/', import.meta.url).pathname;
const QUERIES = ['الجزائر', 'روسيا الجزائر اسلحة', 'Russia Algeria', 'اسلحة', 'Algeria arms', 'فاغنر الساحل', 'North Africa', 'صندوق النقد'];

async function rankings(store: TestStore): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const q of QUERIES) {
    for (const ui of ['ar', 'en']) {
      const r = await searchArticles(store, parseSearchQuery({ q, ui }));
      out[`${q} (${ui})`] = r.hits.map((h) => `${h.lang} ${h.title}`);
    }
  }
  return out;
}

forEachEngine('ranking right after an import', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-rank-'));
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await engine.cleanup();
  });

  test('pages imported one at a time rank as they do after a reindex', async () => {
    const store = await engine.open();
    const files = await expandFiles([join(DEMO, 'ar'), join(DEMO, 'en')]);
    if (seedAvailable) files.unshift(SEED_FILE);
    for (const file of files) {
      const r = await importFiles(store, [file]);
      assert.notEqual(r.files[0].status, 'failed', r.files[0].error);
    }
    // An editor's correction re-imported (the same path, a changed summary) and an article withdrawn.
    const page = files.find((f) => f.endsWith('ar/aljzayr-wrwsya-shrakt-tslyh-tht-aldght.md'))!;
    // Beside the demo's images, which the page names by a relative path.
    mkdirSync(join(dir, 'ar'));
    symlinkSync(join(DEMO, 'images'), join(dir, 'images'));
    const changed = join(dir, 'ar', 'changed.md');
    writeFileSync(changed, readFileSync(page, 'utf8').replace(/^summary: (.*)$/m, 'summary: $1 الجزائر وروسيا'));
    assert.equal((await importFiles(store, [changed])).files[0].status, 'updated');
    const withdrawn = (await importFiles(store, [files.find((f) => f.endsWith('en/gulf-capital-and-north-africas-new-options.md'))!], { dryRun: true })).files[0].articles[0];
    await deleteArticle(store, withdrawn);

    const incremental = await rankings(store);
    assert.ok(incremental['الجزائر (ar)'].length >= 5, 'the queries find articles');
    await reindex(store);
    assert.deepEqual(incremental, await rankings(store));
  });
});
