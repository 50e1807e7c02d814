import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DIR, exportArticles, importFiles } from '../../src/app/index.ts';
import type { Article } from '../../src/model/index.ts';
import { forEachEngine } from '../support/engines.ts';
import { SEED_FILE, seedSkip } from '../support/seed.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const byId = (xs: Article[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

forEachEngine('exportArticles', (h) => {
  after(() => h.cleanup());

  test('export as md and as json, import into an empty store: the same articles', { skip: seedSkip }, async () => {
    const store = await h.open();
    const first = await importFiles(store, [SEED_FILE, DEMO_DIR]);
    assert.ok(first.files.every((f) => f.status === 'created'), JSON.stringify(first.files.filter((f) => f.status === 'failed')));
    const stored: Article[] = [];
    for await (const a of store.allArticles()) stored.push(a);
    for (const format of ['md', 'json'] as const) {
      const out = join(dir, `${h.engine}-${format}`);
      const files = await exportArticles(store, { format, out });
      assert.equal(files.length, stored.length);
      const again = await importFiles(store, [out]);
      assert.ok(again.files.every((f) => f.status === 'unchanged'), `${format}: re-import into the same store changes nothing`);
      const fresh = await importFiles(await h.open(), [out], { dryRun: false });
      assert.deepEqual(byId(fresh.articles), byId(stored), `${format}: the same articles`);
    }
  });
});
