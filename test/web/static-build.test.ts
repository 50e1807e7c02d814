/**
 * `mizan build` on the demo site: every internal link of the copy leads to a file of the copy (search and
 * the API aside: a Mizan server answers those), every file holds the very bytes a real `mizan serve`
 * sends for its path, a second build rewrites only what changed, and former paths get redirect rules that
 * nginx accepts. An Arabic article carries a PDF attachment (issue 15): the file is in the copy, its bytes
 * the server's.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { attachFile, CLI_EDITOR, DEMO_DIR, loadDemo, openStore, readSiteConfig } from '../../src/app/index.ts';
import { buildSite, closePdfBrowser, fileForPath } from '../../src/web/index.ts';
import { BIN } from '../support/cli.ts';

const BASE = 'https://static.example.org';
const dir = mkdtempSync(join(tmpdir(), 'mizan-build-'));
const out = join(dir, 'out');
const db = join(dir, 'site.db');
const NOTE = join(import.meta.dirname, '../fixtures/attachments/policy-note-ar.pdf');

/**
 * Every site address a page names: href, src, action and poster, each candidate of a srcset, data-*
 * attributes that hold an address (the copy's search index) and url() in inline styles.
 */
function addressesOf(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src|action|poster|data-[a-z-]+)="([^"#]*)/g)) found.push(m[1]);
  // The social cards a shared link shows (og:image, twitter:image) are absolute addresses in meta tags.
  for (const m of html.matchAll(/<meta (?:property|name)="(?:og|twitter):image" content="([^"]*)"/g)) found.push(m[1]);
  for (const m of html.matchAll(/\s(?:srcset|imagesrcset)="([^"]*)/g)) for (const c of m[1].split(',')) found.push(c.trim().split(/\s+/)[0]);
  for (const m of html.matchAll(/url\(["']?([^"')]+)/g)) found.push(m[1]);
  return found.map((l) => l.replace(/&amp;/g, '&')).map((l) => (l.startsWith(BASE) ? l.slice(BASE.length) || '/' : l)).filter((l) => l.startsWith('/') && !l.startsWith('//'));
}

function filesUnder(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [relative(out, p)];
  });
}

/** The site path a written file answers (the inverse of fileForPath; a page with a query is `<path>~<query>.html`). */
function pathOfFile(file: string): string | undefined {
  if (file.startsWith('_') || file.startsWith('.') || file.startsWith('nginx-')) return undefined;
  // The "not found" pages answer paths the copy lacks (compared with the server's 404 on their own).
  if (/^(ar\/)?404\.html$/.test(file)) return undefined;
  const cite = /^(api\/articles\/[^/]+\/cite)\.(bib|ris|json)$/.exec(file);
  if (cite) return `/${cite[1]}?format=${{ bib: 'bibtex', ris: 'ris', json: 'csl' }[cite[2] as 'bib' | 'ris' | 'json']}`;
  // The copy's own search (no API origin): its index, script and pages are the copy's, not the server's.
  if (/^search-index\.|^assets\/search\.|^(ar\/)?search\.html$/.test(file)) return undefined;
  const q = /^(.*)~(.*)\.html$/.exec(file);
  if (q) return `${pathOfFile(q[1] === 'index' || q[1]!.endsWith('/index') ? `${q[1]}.html` : q[1]!)}?${q[2]}`;
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  if (file.endsWith('.html')) return `/${file.slice(0, -'.html'.length)}`;
  return `/${file}`;
}

/** A real `mizan serve` over the demo's database (with `args`), as the copy's origin serves; its address. */
async function serveOver(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = { ...process.env, MIZAN_BASE_URL: BASE };
  delete env.DATABASE_URL;
  delete env.MIZAN_CONFIG;
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', ...args], { env });
  const url = await new Promise<string>((resolve, reject) => {
    let log = '';
    child.stdout!.setEncoding('utf8').on('data', (d) => {
      log += d;
      const m = log.match(/serving (http:\/\/[\d.:]+)/);
      if (m) resolve(m[1]);
    });
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${log}`)));
  });
  return { url, child };
}

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Whether Debian's nginx accepts the copy's `nginx-redirects.conf` inside a `server {}` (skipped without nginx). */
function assertNginxAccepts(copy: string): void {
  if (!existsSync('/usr/sbin/nginx')) return;
  const conf = join(dir, `check-${Math.random().toString(36).slice(2)}.conf`);
  writeFileSync(conf, `pid ${join(dir, 'n.pid')}; error_log ${join(dir, 'n.log')}; events {} http { server { listen 127.0.0.1:1; root ${copy}; include ${join(copy, 'nginx-redirects.conf')}; } }`);
  const r = spawnSync('/usr/sbin/nginx', ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' });
  assert.equal(r.status, 0, `nginx refuses the rules: ${r.stderr}\n${readFileSync(join(copy, 'nginx-redirects.conf'), 'utf8')}`);
}

describe('the static copy of the demo site', () => {
  let store: Awaited<ReturnType<typeof openStore>>;
  let first: Awaited<ReturnType<typeof buildSite>>;
  const servers: ChildProcess[] = [];
  let attachment = '';
  const serveCopyOf = async (args: string[]) => {
    const { url, child } = await serveOver(args);
    servers.push(child);
    return url;
  };

  before(async () => {
    store = await openStore({ db });
    await loadDemo(store);
    const article = (await store.listArticles({ lang: 'ar', limit: 1 })).items[0];
    attachment = (await attachFile(store, CLI_EDITOR, article.id, readFileSync(NOTE), 'mudhakkira.pdf', { title: 'مذكرة سياسات' })).attachment.src;
    first = await buildSite(store, { out, baseUrl: BASE });
  });
  after(async () => {
    for (const s of servers) s.kill('SIGTERM');
    // The build printed the articles' PDFs through a kept browser; it would hold the process open.
    await closePdfBrowser();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every page in both languages, feeds, sitemap, robots and assets; no broken internal link', () => {
    assert.deepEqual(first.broken, []);
    const files = new Set(filesUnder(out));
    for (const f of ['index.html', 'ar/index.html', 'feed.xml', 'ar/feed.atom', 'ar/feed.json', 'sitemap.xml', 'robots.txt', '_redirects', 'nginx-redirects.conf']) assert.ok(files.has(f), f);
    assert.ok([...files].some((f) => /^assets\/site\.[\w-]+\.css$/.test(f)) && [...files].some((f) => f.endsWith('.woff2')), 'stylesheet and fonts');
    const articles = [...files].filter((f) => /^(ar\/)?policy-analysis\/[^/]+\.html$/.test(f));
    assert.ok(articles.length >= 14, `${articles.length} article and listing pages`);
    let links = 0;
    let variants = 0;
    let attachmentLinks = 0;
    for (const file of files) {
      if (!file.endsWith('.html')) continue;
      const html = readFileSync(join(out, file), 'utf8');
      for (const link of addressesOf(html)) {
        // The copy's search pages search in the browser; a search asked in an address is not a file.
        // (The API's own links, its description and the citation exports, are in the copy.)
        if (/^(\/ar)?\/search(\?|$)/.test(link)) continue;
        links++;
        if (/^\/media\/[0-9a-f]{32}\/\d+\.(avif|webp)$/.test(link)) variants++;
        if (link === attachment) attachmentLinks++;
        assert.ok(files.has(fileForPath(link)), `${file} links to ${link}, which the copy lacks (${fileForPath(link)})`);
      }
    }
    assert.ok(links > 500, `${links} internal links checked`);
    // The demo's images are <picture>s: the AVIF and WebP variants a browser chooses are named only in srcset.
    assert.ok(variants > 0, 'the demo pages offer image variants');
    assert.ok(attachmentLinks >= 2, `the article lists its PDF (title and download): ${attachmentLinks} links`);
    assert.ok(readFileSync(join(out, fileForPath(attachment))).equals(readFileSync(NOTE)), 'the PDF in the copy is the file as uploaded');
    // A link shared from the copy shows its card (each og:image above is in the copy): an article's that
    // has no image of its own, and the site's in each language.
    const cards = [...files].filter((f) => /^cards\/[0-9a-f]{16}\.png$/.test(f));
    assert.ok(cards.length >= 1, `${cards.length} article cards`);
    for (const f of ['cards/site-ar.png', 'cards/site-en.png']) assert.ok(files.has(f), f);
    const png = readFileSync(join(out, cards[0]!));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  });

  test('each file holds the bytes a real server sends for its path', async () => {
    const url = await serveCopyOf([]);
    let compared = 0;
    const pending = filesUnder(out).flatMap((file) => {
      const path = pathOfFile(file);
      return path ? [{ file, path }] : [];
    });
    // A few at once: the server prints each PDF again, and a PDF waits mostly on its browser.
    const compare = async () => {
      for (let next = pending.shift(); next; next = pending.shift()) {
        const res = await fetch(url + encodeURI(next.path));
        assert.equal(res.status, 200, next.path);
        const served = Buffer.from(await res.arrayBuffer());
        assert.ok(served.equals(readFileSync(join(out, next.file))), `${next.path}: the copy differs from what the server sends`);
        compared++;
      }
    };
    await Promise.all([compare(), compare(), compare(), compare()]);
    assert.equal(compared, first.pages - 6, 'every file but the search index, its script, the two search pages and the two "not found" pages');
    assert.ok(filesUnder(out).some((f) => /^api\/articles\/[^/]+\/cite\.ris$/.test(f)), 'the citation exports are in the copy');
    for (const [missing, file] of [['/no-such-page', '404.html'], ['/ar/no-such-page', 'ar/404.html']]) {
      const res = await fetch(url + missing);
      assert.equal(res.status, 404);
      assert.ok(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(out, file))), `${file} is the server's "not found" page`);
    }
  });

  test('a second build rewrites only what changed and removes what is gone; former paths redirect', async () => {
    // The articles' printed PDFs (attachments are files as uploaded, copied, never printed).
    const pdfs = filesUnder(out).filter((f) => f.endsWith('.pdf') && !f.startsWith('media/'));
    const again = await buildSite(store, { out, baseUrl: BASE });
    assert.equal(again.written, 0);
    assert.equal(again.unchanged, first.pages);
    // Chromium prints each PDF in about a second: an unchanged article's PDF is kept, not printed again.
    assert.ok(pdfs.length >= 14, `${pdfs.length} PDFs`);
    assert.equal(again.pdfsReused, pdfs.length);

    const list = await store.listArticles({ lang: 'ar', limit: 2 });
    const [edited, removed] = list.items;
    const doc = (await store.getArticle(edited.id))!;
    await store.putArticle({ ...doc, title: `${doc.title} (محدّث)` });
    await store.addAlias('/ar/policy-analysis/mqal-qdym', edited.path);
    await store.deleteArticle(removed.id);
    const editedPdf = join(out, fileForPath(`${edited.path}.pdf`));
    const pdfBefore = readFileSync(editedPdf);
    const third = await buildSite(store, { out, baseUrl: BASE });
    assert.ok(!readFileSync(editedPdf).equals(pdfBefore), 'the edited article is printed again');
    assert.ok(third.pdfsReused > 0 && third.pdfsReused < pdfs.length - 1, `${third.pdfsReused} PDFs kept`);
    assert.ok(third.written > 0 && third.written < first.pages, `${third.written} of ${third.pages} rewritten`);
    assert.ok(third.removed >= 1, 'the deleted article’s page is gone');
    assert.equal(existsSync(join(out, fileForPath(removed.path))), false);
    assert.match(readFileSync(join(out, fileForPath(edited.path)), 'utf8'), /\(محدّث\)/);

    const rules = readFileSync(join(out, '_redirects'), 'utf8');
    assert.ok(rules.includes(`${encodeURI('/ar/policy-analysis/mqal-qdym')} ${encodeURI(edited.path)} 301`), rules);
    assertNginxAccepts(out);
  });

  test('served by nginx with its rules: language homes, trailing slashes, citations, "not found" pages, the build\'s own files hidden', async (t) => {
    if (!existsSync('/usr/sbin/nginx')) {
      t.skip('nginx (/usr/sbin/nginx) is not installed');
      return;
    }
    const port = await freePort();
    // nginx's workers run as nobody: the test's folder (made 0700) must let them in.
    chmodSync(dir, 0o755);
    const conf = join(dir, 'serve.conf');
    writeFileSync(conf, `pid ${join(dir, 'serve.pid')}; error_log ${join(dir, 'serve.log')}; daemon off; events {} http { include /etc/nginx/mime.types; access_log off; server { listen 127.0.0.1:${port}; root ${out}; include ${join(out, 'nginx-redirects.conf')}; } }`);
    const nginx = spawn('/usr/sbin/nginx', ['-p', dir, '-c', conf], { stdio: 'ignore' });
    try {
      const at = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 100 && !(await fetch(at + '/').then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 50));
      const get = (path: string) => fetch(at + path, { redirect: 'manual' });
      assert.match((await get('/ar')).headers.get('location') ?? '', /\/ar\/$/, '/ar → /ar/');
      assert.equal((await get('/ar/')).status, 200);
      const article = (await store.listArticles({ lang: 'ar', limit: 1 })).items[0];
      const slash = await get(encodeURI(`${article.path}/`));
      assert.equal(slash.status, 301);
      assert.ok(decodeURI(slash.headers.get('location') ?? '').endsWith(article.path), 'a trailing slash is dropped');
      const missing = await get('/ar/no-such-page');
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /<html lang="ar" dir="rtl"/, 'an Arabic "not found" page under /ar/');
      assert.match(await (await get('/no-such-page')).text(), /<html lang="en" dir="ltr"/);
      for (const [format, ext] of [['bibtex', 'bib'], ['ris', 'ris'], ['csl', 'json']]) {
        const cite = await get(`/api/articles/${article.id}/cite?format=${format}`);
        assert.equal(cite.status, 200, format);
        assert.ok(Buffer.from(await cite.arrayBuffer()).equals(readFileSync(join(out, `api/articles/${article.id}/cite.${ext}`))), format);
      }
      assert.equal((await get('/api/openapi.json')).status, 200);
      for (const own of ['/.mizan-build.json', '/.mizan-build-state.json', '/_redirects', '/nginx-redirects.conf']) assert.equal((await get(own)).status, 404, own);
    } finally {
      nginx.kill('SIGTERM');
    }
  });

  test('without PDFs and cards: none printed or drawn, no broken link reported, and with an API origin they are sent there', async () => {
    const bare = join(dir, 'bare');
    const r = await buildSite(store, { out: bare, baseUrl: BASE, pdf: false, cards: false, apiOrigin: 'https://api.example.org' });
    assert.deepEqual(r.broken, []);
    assert.ok(r.pdfsSkipped >= 10, `${r.pdfsSkipped} PDFs left out`);
    assert.ok(r.cardsSkipped >= 3, `${r.cardsSkipped} cards left out`);
    assert.equal(existsSync(join(bare, 'cards')), false, 'no card drawn');
    const pdfs = readdirSync(bare, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf'));
    // Attachments are not printed: they stay in the copy, so their links hold.
    assert.deepEqual(pdfs, [fileForPath(attachment)]);
    const article = (await store.listArticles({ lang: 'ar', limit: 1 })).items[0];
    const rules = readFileSync(join(bare, '_redirects'), 'utf8');
    assert.ok(rules.includes(`${encodeURI(`${article.path}.pdf`)} https://api.example.org${encodeURI(`${article.path}.pdf`)} 302`), rules);
    assert.ok(rules.includes('/cards/* https://api.example.org/cards/:splat 302'), rules);
    assert.match(readFileSync(join(bare, 'nginx-redirects.conf'), 'utf8'), /location \/cards\/ \{ proxy_pass https:\/\/api\.example\.org; \}/);
    // The rules that send search and the API to the server are ones nginx takes (a bare `{2}` in a
    // location's expression made nginx refuse the whole file). nginx resolves the server's name as it
    // loads them: a copy whose API origin is on this machine.
    // Without a server and without citation exports: none written, the API's description still there.
    const noCite = join(dir, 'no-cite');
    await buildSite(store, { out: noCite, baseUrl: BASE, pdf: false, cards: false, cite: false });
    assert.equal(existsSync(join(noCite, 'api', 'articles')), false, 'no citation export copied');
    assert.ok(existsSync(join(noCite, 'api', 'openapi.json')));
    const local = join(dir, 'bare-local');
    await buildSite(store, { out: local, baseUrl: BASE, pdf: false, cards: false, apiOrigin: 'http://127.0.0.1:9' });
    assertNginxAccepts(local);
  });

  test("with the institute's configuration, on two threads, the copy holds the bytes the server so configured sends", async () => {
    const config = join(DEMO_DIR, 'mizan.config.yaml');
    const site = readSiteConfig(config);
    const copy = join(dir, 'configured');
    const r = await buildSite(store, { out: copy, baseUrl: BASE, pdf: false, cards: false, site, threads: 2, target: { db } });
    assert.deepEqual(r.broken, []);
    const home = readFileSync(join(copy, 'index.html'), 'utf8');
    assert.ok(home.includes(site.name.en!), `the copy's home page names the institute (${site.name.en})`);
    const url = await serveCopyOf(['--config', config]);
    const article = (await store.listArticles({ lang: 'ar', limit: 1 })).items[0];
    for (const path of ['/', '/ar/', article.path, '/feed.xml', '/ar/feed.atom', '/sitemap.xml']) {
      const served = Buffer.from(await (await fetch(url + encodeURI(path))).arrayBuffer());
      assert.ok(served.equals(readFileSync(join(copy, fileForPath(path)))), `${path}: the configured copy differs from what the configured server sends`);
    }
    // Built again without the configuration: every page names another institute, so none is kept.
    const plain = await buildSite(store, { out: copy, baseUrl: BASE, pdf: false, cards: false });
    assert.equal(plain.reused, 0, 'a changed identity renders every page again');
    assert.ok(!readFileSync(join(copy, 'index.html'), 'utf8').includes(site.name.en!), 'and the pages say so');
  });

  test('a rebuild renders again only the pages built from what changed, and writes the bytes a full build writes', async () => {
    const inc = join(dir, 'inc');
    const full = join(dir, 'full');
    await buildSite(store, { out: inc, baseUrl: BASE, pdf: false });
    const quiet = await buildSite(store, { out: inc, baseUrl: BASE, pdf: false });
    assert.equal(quiet.written, 0);
    // Every article page is kept as it was; pages built from everything (home, feeds, indexes) are rendered again.
    const articles = (await store.listArticles({ limit: 1 })).total;
    assert.ok(quiet.reused >= articles, `${quiet.reused} of ${quiet.pages} kept without rendering, for ${articles} articles`);

    const [edited] = (await store.listArticles({ lang: 'ar', limit: 1 })).items;
    const doc = (await store.getArticle(edited.id))!;
    await store.putArticle({ ...doc, title: `${doc.title} (مراجَع)` });
    const after = await buildSite(store, { out: inc, baseUrl: BASE, pdf: false });
    assert.ok(after.reused > 0 && after.reused < quiet.reused, `${after.reused} kept after one edit (${quiet.reused} before)`);
    assert.match(readFileSync(join(inc, fileForPath(edited.path)), 'utf8'), /\(مراجَع\)/);
    await buildSite(store, { out: full, baseUrl: BASE, pdf: false });
    const manifest = (d: string) => JSON.parse(readFileSync(join(d, '.mizan-build.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(manifest(inc), manifest(full), 'the rebuilt copy holds the same files and bytes as one built afresh');
  });
});
