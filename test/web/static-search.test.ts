/**
 * Search in a static copy built with no API origin: the copy's search page runs the analyzer in the
 * browser over the index `mizan build` wrote, served by a plain file server (no Mizan behind it). In
 * Chromium, an Arabic query typed without hamza ("ايكواس") finds the article whose title has it
 * ("إيكواس"), as the server's search does; a word in no article finds nothing. Words found only in an
 * article's attached PDF find the article, and the hit says it came from the PDF and links to the file in
 * the copy, as the server's hit does. The count line agrees with its number in Arabic (2 «نتيجتان», 3
 * «3 نتائج», not «3 نتيجة»).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { attachFile, CLI_EDITOR, loadDemo, openStore, searchArticles } from '../../src/app/index.ts';
import { buildSite } from '../../src/web/index.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-static-search-'));
const out = join(dir, 'out');
const NOTE = join(import.meta.dirname, '../fixtures/attachments/policy-note-ar.pdf');
/** Words of the attached note that no demo article holds. */
const ONLY_IN_PDF = 'الخزان النوبي';
const TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };

/** The count line a reader should see over `n` hits (n < 100), written here from the grammar: 3 to 10 take the plural. */
function arabicCount(n: number): string {
  return n === 1 ? 'نتيجة واحدة' : n === 2 ? 'نتيجتان' : n >= 3 && n <= 10 ? `${n} نتائج` : `${n} نتيجة`;
}

/** The script's count line once it replaced the built page's («عدد النتائج: N» of the articles listed). */
async function searchedCount(page: Page): Promise<string> {
  const line = page.locator('.result-count', { hasNotText: 'عدد النتائج' });
  await line.waitFor({ timeout: 15_000 });
  return (await line.textContent())!.trim();
}

/** A file server as a CDN is: `/x` is `x`, `x.html` or `x/index.html`; the query is ignored. */
function serveFiles(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    const file = [path, `${path}.html`, `${path.replace(/\/$/, '')}/index.html`].map((p) => join(root, p)).find((f) => f.startsWith(root) && existsSync(f) && statSync(f).isFile());
    if (!file) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

describe('search in a static copy with no server', { skip: browserSkip }, () => {
  let files: { server: Server; url: string };
  let browser: Browser;
  let attachedTo = '';
  let serverHit: Awaited<ReturnType<typeof searchArticles>>['hits'][number] | undefined;
  /** The Arabic articles the server finds for الجزائرية. */
  let serverAlgerian: string[] = [];

  before(async () => {
    const store = await openStore({ db: join(dir, 'site.db') });
    await loadDemo(store);
    const article = (await store.listArticles({ lang: 'ar', limit: 1 })).items[0];
    attachedTo = article.path;
    await attachFile(store, CLI_EDITOR, article.id, readFileSync(NOTE), 'mudhakkira.pdf', { title: 'مذكرة المياه الجوفية' });
    serverHit = (await searchArticles(store, { q: ONLY_IN_PDF, sort: 'relevance', page: 1, pageSize: 10 })).hits[0];
    const algerian = await searchArticles(store, { q: 'الجزائرية', lang: 'ar', sort: 'relevance', page: 1, pageSize: 50 });
    serverAlgerian = algerian.hits.map((h) => h.path).sort();
    await buildSite(store, { out, baseUrl: 'https://static.example.org', pdf: false });
    await store.close();
    files = await serveFiles(out);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    files?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an Arabic query without hamza finds the article with it; a missing word finds nothing', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${files.url}/ar/search`);
    const listed = await page.locator('ol.hits li.hit').count();
    await page.goto(`${files.url}/ar/search?q=${encodeURIComponent('ايكواس')}`);
    const count = await searchedCount(page);
    const hits = await page.locator('ol.hits li.hit').count();
    assert.ok(hits >= 1 && hits < listed, `${hits} matches of the ${listed} articles the page lists without a query`);
    assert.equal(count, arabicCount(hits), 'the count says the number of hits listed, in Arabic that agrees with it');
    const titles = await page.locator('ol.hits .hit-title a').allTextContents();
    assert.ok(titles.some((t) => t.includes('إيكواس')), `found: ${titles.join(' | ')}`);
    const href = await page.locator('ol.hits .hit-title a').first().getAttribute('href');
    assert.equal((await fetch(files.url + href)).status, 200, `${href} is a page of the copy`);
    assert.equal(await page.locator('.search-form input[name=q]').inputValue(), 'ايكواس');
    // Two and three to ten hits have words of their own (the script said «3 نتيجة»).
    for (const [q, least] of [['تونس', 2], ['الساحل', 3]] as const) {
      await page.goto(`${files.url}/ar/search?q=${encodeURIComponent(q)}`);
      const said = await searchedCount(page);
      const n = await page.locator('ol.hits li.hit').count();
      assert.ok(n >= least && n <= 10, `${q}: ${n} hits`);
      assert.equal(said, arabicCount(n), `${q}: ${n} hits`);
    }

    await page.goto(`${files.url}/search?q=zzqxv`);
    await page.locator('.search-results .empty', { hasText: 'Nothing matches' }).waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('ol.hits li').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the analyzer bundled for the browser folds hamza seats as the server does: الجزايرية finds what الجزائرية finds there', async () => {
    assert.ok(serverAlgerian.length >= 2, `the server finds ${serverAlgerian.length}`);
    const page = await browser.newPage();
    const found = async (q: string) => {
      // The page as built lists every article until the script has searched: wait for the index to be read.
      await page.goto(`${files.url}/ar/search?q=${encodeURIComponent(q)}`, { waitUntil: 'networkidle' });
      await searchedCount(page);
      return (await page.locator('ol.hits .hit-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).sort();
    };
    const written = await found('الجزائرية');
    assert.deepEqual(await found('الجزايرية'), written, 'ي typed for ئ');
    for (const path of serverAlgerian) assert.ok(written.includes(path), `${path}, found by the server, is found in the copy (${written.length} found there)`);
    await page.close();
  });

  test('words only in an attached PDF find its article, labelled as the server labels it, linking to the file in the copy', async () => {
    assert.equal(serverHit?.path, attachedTo, 'the server finds the article by its PDF');
    assert.ok(serverHit?.attachment, 'the server says the hit came from the PDF');
    const page = await browser.newPage();
    await page.goto(`${files.url}/ar/search?q=${encodeURIComponent(ONLY_IN_PDF)}`);
    assert.equal(await searchedCount(page), 'نتيجة واحدة');
    const hrefs = await page.locator('ol.hits .hit-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, [attachedTo]);
    const label = page.locator('ol.hits .attachment-label');
    assert.equal((await label.textContent())?.replace(/\s+/g, ' ').trim(), `وُجدت في ملف PDF المرفق: مذكرة المياه الجوفية`);
    const pdf = await label.locator('a').getAttribute('href');
    assert.equal(pdf, serverHit!.attachment!.src);
    const res = await fetch(files.url + pdf);
    assert.equal(res.status, 200, `${pdf} is in the copy`);
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(readFileSync(NOTE)), 'the copy holds the PDF as uploaded');

    // A word of the article's own text is no attachment hit, even where the PDF holds other query words.
    await page.goto(`${files.url}/ar/search?q=${encodeURIComponent('ايكواس')}`);
    await searchedCount(page);
    assert.equal(await page.locator('ol.hits .attachment-label').count(), 0);
    await page.close();
  });
});
