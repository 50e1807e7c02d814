/**
 * @module The production build (scripts/build.mjs): the compiled code serves the same bytes as the sources
 * (JSX views, the stylesheet and fonts, the demo content all resolve from the compiled tree), `mizan --help`
 * loads none of the heavy layers, and bin/mizan.js runs the compiled tree only while it matches src/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadDemo, openStore } from '../../src/app/index.ts';
import { buildSite, createWebApp } from '../../src/web/index.ts';
import { forEachEngine } from '../support/engines.ts';
import { compiledIsCurrent, sourceStamp } from '../../bin/source-stamp.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outName = `.dist-test-${process.pid}`;
const out = join(root, outName);
const temp = mkdtempSync(join(tmpdir(), 'mizan-compiled-'));

before(() => {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--out', outName], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
after(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(temp, { recursive: true, force: true });
});

describe('the compiled site', () => {
  test('sends the same bytes as the sources, page by page and asset by asset', async () => {
    const store = await openStore({ db: join(temp, 'site.db') });
    try {
      await loadDemo(store);
      const compiled = (await import(pathToFileURL(join(out, 'web/index.js')).href)) as typeof import('../../src/web/index.ts');
      const deps = { store, baseUrl: 'https://example.org', now: () => new Date('2026-01-01T00:00:00Z') };
      const fromSources = createWebApp(deps);
      const fromDist = compiled.createWebApp(deps);
      const home = await (await fromSources.request('/ar/')).text();
      const assets = [...new Set(home.match(/\/assets\/[^"]+/g) ?? [])];
      assert.ok(assets.some((a) => a.endsWith('.css')) && assets.some((a) => a.endsWith('.woff2')), 'the page links its stylesheet and a font');
      const article = home.match(/href="(\/ar\/policy-analysis\/[^"]+)"/)?.[1];
      assert.ok(article, 'the Arabic home lists an article');
      const english = (await (await fromSources.request('/')).text()).match(/href="(\/policy-analysis\/[^"]+)"/)?.[1];
      assert.ok(english, 'the English home lists an article');
      // Every kind of page the precompiled views write: articles, listings, experts, topics, countries, series, search, errors.
      const pages = ['/ar/', '/', article, english, '/ar/experts/lyly-bn-mr', '/experts/leila-benamar', '/ar/policy-analysis/shmal-afryqya', '/ar/countries', '/ar/countries/dz', '/series/policywatch', '/ar/about'];
      for (const path of [...pages, '/ar/search?q=%D8%A7%D9%84%D8%AC%D8%B2%D8%A7%D8%A6%D8%B1', '/search?q=russia&type=policywatch', '/ar/feed.xml', '/sitemap.xml', '/no-such-page', ...assets]) {
        const a = await fromSources.request(path);
        const b = await fromDist.request(path);
        assert.equal(b.status, a.status, path);
        if (pages.includes(path)) assert.equal(a.status, 200, `${path} is a page of the demo`);
        assert.deepEqual(Buffer.from(await b.arrayBuffer()), Buffer.from(await a.arrayBuffer()), `${path}: the compiled app sent other bytes`);
      }
    } finally {
      await store.close();
    }
  });

  test('mizan --help loads the command line alone: no web server, store, search or text analysis', () => {
    const hook = `export async function resolve(s, c, n) { const r = await n(s, c); process.stderr.write('loaded ' + r.url + '\\n'); return r; }`;
    const runner = `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
      const { main } = await import(${JSON.stringify(pathToFileURL(join(out, 'cli/main.js')).href)});
      process.exitCode = await main(['--help']);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', runner], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /serve/);
    const loaded = r.stderr.split('\n').filter((l) => l.startsWith('loaded ')).map((l) => l.slice(7));
    assert.ok(loaded.some((u) => u.includes(`${outName}/cli/main.js`)), 'the compiled CLI ran');
    const heavy = loaded.filter((u) => /\/(web|store|search|text|knowledge|ingest)\/|\/node_modules\/(tsx|hono|kysely|pg|better-sqlite3)\//.test(u));
    assert.deepEqual(heavy, [], 'modules that --help should not load');
  });
});

function filesUnder(root: string, d = root): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? filesUnder(root, p) : [relative(root, p)];
  });
}

// Compiled, each worker thread runs its module bundled in one file (scripts/build.mjs `bundleThreads`):
// the bundle must behave as the modules it was made of, on both engines (the retag thread runs on
// PostgreSQL only, the render threads on both).
forEachEngine('the compiled worker threads', (h) => {
  test('a compiled build renders on a bundled thread and writes the files the sources write', async () => {
    const compiledLib = (await import(pathToFileURL(join(out, 'lib/index.js')).href)) as typeof import('../../src/lib/index.ts');
    const worker = compiledLib.besideModule(pathToFileURL(join(out, 'web/static/render-pool.js')).href, 'build-worker');
    assert.ok(worker.pathname.endsWith('/web/static/build-worker.bundle.js'), `the render thread runs ${worker.pathname}`);
    const store = await h.open();
    const dir = mkdtempSync(join(tmpdir(), 'mizan-compiled-build-'));
    try {
      await loadDemo(store);
      const sources = await buildSite(store, { out: join(dir, 'sources'), baseUrl: 'https://example.org', pdf: false, threads: 1 });
      const compiledWeb = (await import(pathToFileURL(join(out, 'web/index.js')).href)) as typeof import('../../src/web/index.ts');
      const compiledStore = (await import(pathToFileURL(join(out, 'store/index.js')).href)) as typeof import('../../src/store/index.ts');
      const again = await compiledStore.openStore({ ...h.lastTarget(), migrate: false });
      try {
        const built = await compiledWeb.buildSite(again, { out: join(dir, 'compiled'), baseUrl: 'https://example.org', pdf: false, target: h.lastTarget(), threads: 2 });
        assert.equal(built.threads, 2, 'the bundled render thread took pages');
        assert.deepEqual(built.broken, []);
        // The browser's search script is bundled from the compiled client or from its source, which esbuild
        // writes a little differently (so its name, and the search pages naming it, differ); the rest is the same.
        const same = (f: string) => !f.startsWith('.mizan-build') && !/^assets\/search\.|(^|\/)search\.html$/.test(f);
        const files = filesUnder(join(dir, 'sources')).filter(same).sort();
        assert.equal(built.pages, sources.pages);
        assert.ok(files.includes('ar/index.html') && files.some((f) => f.startsWith('ar/policy-analysis/')));
        assert.deepEqual(filesUnder(join(dir, 'compiled')).filter(same).sort(), files);
        for (const f of files) assert.ok(readFileSync(join(dir, 'compiled', f)).equals(readFileSync(join(dir, 'sources', f))), `${f}: the compiled build wrote other bytes`);
        if (h.engine === 'postgres') {
          // reindex tags on its bundled thread beside the search index, and says how many it indexed.
          const compiledApp = (await import(pathToFileURL(join(out, 'app/index.js')).href)) as typeof import('../../src/app/index.ts');
          assert.ok(existsSync(join(out, 'app/retag-worker.bundle.js')));
          await sql`delete from knowledge_entity`.execute(again.db);
          const indexed = await compiledApp.reindex(again, { target: h.lastTarget() });
          assert.ok(indexed > 0);
          const tags = await sql<{ n: number }>`select count(*) as n from knowledge_entity`.execute(again.db);
          assert.ok(Number(tags.rows[0].n) > 0, 'the retag thread tagged the articles again');
        }
      } finally {
        await again.close();
      }
    } finally {
      await h.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bin/mizan.js chooses the compiled tree only while it is current', () => {
  test('a change, an added file or a missing build sends it back to the sources', () => {
    const src = join(temp, 'src');
    mkdirSync(join(src, 'lib'), { recursive: true });
    writeFileSync(join(src, 'lib/a.ts'), 'export const a = 1;\n');
    const info = join(temp, 'build-info.json');
    assert.equal(compiledIsCurrent(src, info), false, 'no build yet');
    writeFileSync(info, JSON.stringify(sourceStamp(src)));
    assert.equal(compiledIsCurrent(src, info), true);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(src, 'lib/a.ts'), later, later);
    assert.equal(compiledIsCurrent(src, info), false, 'a source changed after the build');
    writeFileSync(info, JSON.stringify(sourceStamp(src)));
    assert.equal(compiledIsCurrent(src, info), true);
    writeFileSync(join(src, 'lib/b.ts'), 'export const b = 2;\n');
    utimesSync(join(src, 'lib/b.ts'), new Date(0), new Date(0));
    assert.equal(compiledIsCurrent(src, info), false, 'a file was added (even one with an old date)');
    rmSync(src, { recursive: true });
    assert.equal(compiledIsCurrent(src, info), true, 'a package shipped without sources runs what it has');
  });
});
