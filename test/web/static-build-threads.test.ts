/**
 * `mizan build` on several threads (each render thread with its own connection), on both
 * engines: the copy of the demo site holds the same files with the same bytes as a build on one thread,
 * and each page is what the site answers when it reads the store itself (not the build's bulk snapshot):
 * the Arabic and English home pages, listings with their later pages, articles, experts, feeds.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadDemo } from '../../src/app/index.ts';
import { buildSite, createWebApp } from '../../src/web/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';

const BASE = 'https://static.example.org';
/** Written for the build itself (its manifest and state), not pages. */
const OWN = /^\.mizan-build/;

function filesUnder(root: string, d = root): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? filesUnder(root, p) : [relative(root, p)];
  });
}

forEachEngine('a static copy rendered on several threads', (h) => {
  let store: TestStore;
  const dir = mkdtempSync(join(tmpdir(), 'mizan-build-threads-'));
  let one: Awaited<ReturnType<typeof buildSite>>;
  let two: Awaited<ReturnType<typeof buildSite>>;
  /** Image variants stored once the two-thread build was done. */
  let storedAfterTwo = 0;

  before(async () => {
    store = await h.open();
    await loadDemo(store);
    // Two threads first, on a store whose images have no variants made yet: each variant is made by the
    // thread that meets it first, served, and stored for every later build and reader.
    // Two threads: the build's own and one render thread beside it (each thread's start loads the whole app).
    two = await buildSite(store, { out: join(dir, 'two'), baseUrl: BASE, pdf: false, target: h.lastTarget(), threads: 2 });
    storedAfterTwo = (await store.db.withTables<{ media_variant: { hash: string } }>().selectFrom('media_variant').select('hash').execute()).length;
    one = await buildSite(store, { out: join(dir, 'one'), baseUrl: BASE, pdf: false, threads: 1 });
  });
  after(async () => {
    await h.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test('two threads render the same files, byte for byte, as one', () => {
    assert.equal(one.threads, 1);
    assert.equal(two.threads, 2, 'the render thread took pages');
    assert.deepEqual(two.broken, []);
    assert.equal(two.pages, one.pages);
    const files = filesUnder(join(dir, 'one')).filter((f) => !OWN.test(f)).sort();
    assert.deepEqual(filesUnder(join(dir, 'two')).filter((f) => !OWN.test(f)).sort(), files);
    assert.ok(files.includes('ar/index.html') && files.includes('index.html'));
    for (const f of files) assert.ok(readFileSync(join(dir, 'two', f)).equals(readFileSync(join(dir, 'one', f))), f);
    // Each variant was stored by the thread that made it: made once, for good.
    // (`.jpg` and `.jpeg` name the same stored variant.)
    const variants = new Set(files.filter((f) => /^media\/[0-9a-f]+\/[0-9]+\.[a-z]+$/.test(f)).map((f) => f.replace(/\.jpeg$/, '.jpg')));
    assert.ok(variants.size > 0, 'the demo has images with variants');
    assert.equal(storedAfterTwo, variants.size, 'every variant in the copy was stored by the build that made it');
  });

  test('every page holds what the site answers from the store itself', async () => {
    const app = createWebApp({ store, baseUrl: BASE }, { noCache: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'two', '.mizan-build.json'), 'utf8')) as Record<string, string>;
    let listings = 0;
    for (const file of Object.keys(manifest)) {
      // The copy's own search (pages with its script, index) is not the server's; its "not found" pages
      // answer paths it lacks.
      if (!file.endsWith('.html') || /(^|\/)(search|404)\.html$/.test(file)) continue;
      const q = /^(.*)~(.*)\.html$/.exec(file);
      const bare = q ? q[1]! : file.slice(0, -'.html'.length);
      const path = `/${bare === 'index' ? '' : bare.endsWith('/index') ? bare.slice(0, -'index'.length) : bare}${q ? `?${q[2]}` : ''}`;
      if (q) listings++;
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      assert.equal(readFileSync(join(dir, 'two', file), 'utf8'), await res.text(), `${file} is what ${path} answers`);
    }
    assert.ok(listings > 0, 'later pages of listings were compared');
  });
});
