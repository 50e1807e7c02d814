/**
 * Static pages (`type: page`): imported from Markdown, served at /<slug> and /ar/<slug> with hreflang and
 * in the sitemap, kept out of listings and feeds, refused at an address the site answers itself,
 * written in the admin's article form, and exported back to the same page. Runs on both engines.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_DIR, EMPTY_FORM, articleFromForm, exportArticles, importFiles, readSiteConfig } from '../../src/app/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-pages-'));
after(() => rmSync(dir, { recursive: true, force: true }));

forEachEngine('static pages', (handle) => {
  let stores: TestStore[] = [];
  const getStore = () => stores.shift()!;
  before(async () => {
    stores = [await handle.open(), await handle.open(), await handle.open()];
  });
  after(() => handle.cleanup());

  test('the demo About page is served in both languages with hreflang, and only there', async () => {
    const store = getStore();
    const report = await importFiles(store, [join(DEMO_DIR, 'ar/about.md'), join(DEMO_DIR, 'en/about.md'), join(DEMO_DIR, 'en/gulf-capital-and-north-africas-new-options.md')]);
    assert.deepEqual(report.files.map((f) => f.status), ['created', 'created', 'created']);
    const app = createWebApp({ store, baseUrl: 'https://inst.example', site: readSiteConfig(join(DEMO_DIR, 'mizan.config.yaml')) });
    const ar = await app.request('/ar/about');
    assert.equal(ar.status, 200);
    const html = await ar.text();
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, /<h1 id="page-title">عن معهد القنطرة<\/h1>/);
    assert.match(html, /<h2>ما ننشره<\/h2>/);
    assert.match(html, /<link rel="alternate" hreflang="en" href="https:\/\/inst.example\/about"\/>/);
    assert.match(html, /<a href="\/ar\/about" aria-current="page" class="current">من نحن<\/a>/, 'the menu marks the page');
    assert.doesNotMatch(html, /class="byline"|class="sources"/, 'no analysis apparatus on a page');
    const en = await (await app.request('/about')).text();
    assert.match(en, /<link rel="alternate" hreflang="ar" href="https:\/\/inst.example\/ar\/about"\/>/);
    assert.equal((await app.request('/about/')).status, 301);
    assert.equal((await app.request('/ar/no-such-page')).status, 404);
    assert.equal((await app.request('/ar/policy-analysis/about')).status, 404);

    const home = await (await app.request('/')).text();
    assert.doesNotMatch(home, /About the Qantara Institute/, 'pages are not publications: not on the home page');
    assert.doesNotMatch(await (await app.request('/feed.xml')).text(), /About the Qantara/);
    const sitemap = await (await app.request('/sitemap.xml')).text();
    assert.match(sitemap, /<loc>https:\/\/inst.example\/ar\/about<\/loc>\n<xhtml:link rel="alternate" hreflang="ar" href="https:\/\/inst.example\/ar\/about"\/>\n<xhtml:link rel="alternate" hreflang="en"/);
  });

  test('a page at an address the site answers itself is refused, naming it; nothing is stored', async () => {
    const store = getStore();
    const { writeFileSync } = await import('node:fs');
    const file = join(dir, 'search-page.md');
    writeFileSync(file, '---\nlang: ar\ntype: page\ntitle: بحث\npath: /ar/search\n---\n\nنص.\n');
    const report = await importFiles(store, [file]);
    assert.equal(report.files[0].status, 'failed');
    assert.match(report.files[0].error ?? '', /the address \/ar\/search is the site's own/);
    assert.equal(await store.getArticleByPath('/ar/search'), undefined);
  });

  test('a page written in the admin form gets /<slug>; a page exports and re-imports unchanged', async () => {
    const store = getStore();
    const page = await articleFromForm(store, { ...EMPTY_FORM, lang: 'ar', type: 'page', title: 'الدعم', slug: 'support', body: 'ادعموا عملنا.' });
    assert.equal(page.path, '/ar/support');
    assert.equal(page.type, 'page');
    await assert.rejects(articleFromForm(store, { ...EMPTY_FORM, lang: 'en', type: 'page', title: 'Experts', slug: 'experts', body: 'x' }), /\/experts is the site's own/);
    await importFiles(store, [join(DEMO_DIR, 'ar/about.md')]);
    const out = join(dir, `export-${store.engine}`);
    const { files } = await exportArticles(store, { format: 'md', out });
    const again = await importFiles(store, files);
    assert.ok(again.files.every((f) => f.status === 'unchanged'), JSON.stringify(again.files));
  });
});
