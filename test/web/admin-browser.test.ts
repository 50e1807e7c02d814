/**
 * The editors' side in Chromium, on every engine: the whole editor flow of issue 7 (an Arabic article
 * and its English translation, review, another editor publishes, public, edit, compare, restore the
 * first), and the OWASP XSS filter-evasion vectors in titles, bodies, bios and imported HTML, checked
 * with the CSP switched off so that only escaping and sanitizing stand between them and execution.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';
import { addAccounts, PASSWORD, startServer, type AdminServer } from './admin-client.ts';
import { addUser } from '../../src/app/index.ts';
import { FAST } from '../app/fast-cost.ts';

const VECTORS = [
  `<script>alert(1)</script>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=javascript:alert('XSS')>`,
  `<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>`,
  `<IMG SRC=# onmouseover="alert('xxs')">`,
  `<img src=x onerror=alert(1)>`,
  `<svg/onload=alert(1)>`,
  `<BODY ONLOAD=alert('XSS')>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<a href="jav&#x09;ascript:alert(1)">x</a>`,
  `"><script>alert(1)</script>`,
  `'><img src=x onerror=alert(1)>`,
  `<<SCRIPT>alert("XSS");//\\<</SCRIPT>`,
  `<STYLE>@import'javascript:alert("XSS")';</STYLE>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<details open ontoggle=alert(1)>`,
  `<input autofocus onfocus=alert(1)>`,
  `</textarea><script>alert(1)</script>`,
  `</title><script>alert(1)</script>`,
];
const MARKDOWN_VECTORS = ['[click](javascript:alert(1))', '![x](javascript:alert(1))', '[y](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', '<a href="javascript:alert(1)">z</a>'];

forEachEngine('admin in a browser', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    if (browserSkip) return;
    store = await h.open();
    await addAccounts(store, ['editor', 'admin']);
    await addUser(store, { email: 'second@example.org', role: 'editor', password: PASSWORD }, { cost: FAST });
    server = await startServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await h.cleanup();
  });

  /** A signed-in page. `bypassCSP` lets injected script run if any got through. */
  async function signIn(email: string, opts: { bypassCSP?: boolean } = {}): Promise<{ page: Page; fired: string[] }> {
    const context = await browser.newContext({ bypassCSP: opts.bypassCSP ?? false, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const fired: string[] = [];
    page.on('dialog', async (d) => {
      fired.push(d.message());
      await d.dismiss();
    });
    await page.goto(server.url + '/admin');
    assert.match(page.url(), /\/admin\/sign-in$/);
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/admin$/), page.click('form[action="/admin/sign-in"] button[type=submit]')]);
    return { page, fired };
  }

  /** Writes the body as Markdown: through the rich editor's Markdown mode when the editor is there. */
  async function fillBody(page: Page, markdown: string): Promise<void> {
    const toggle = page.locator('#editor-md-toggle');
    await page.waitForFunction(() => !document.getElementById('rich-editor') || !!document.querySelector('.ProseMirror'));
    if (await toggle.isVisible()) {
      await toggle.click();
      await page.locator('#f-body').waitFor({ state: 'visible' });
    }
    await page.fill('#f-body', markdown);
  }

  async function newArticle(page: Page, fields: { lang: string; title: string; authors?: string; summary?: string; body: string; slug?: string }): Promise<string> {
    if (fields.authors) {
      // Creating the expert is its own act; the article then picks them from the list.
      await page.goto(server.url + '/admin/experts/new');
      await page.fill(`#x-name-${fields.lang}`, fields.authors);
      await Promise.all([page.waitForLoadState('load'), page.click('form[action="/admin/experts/new"] button[type=submit]')]);
    }
    await page.goto(server.url + '/admin/articles/new');
    await page.selectOption('#f-lang', fields.lang);
    await page.fill('#f-title', fields.title);
    if (fields.slug) await page.fill('#f-slug', fields.slug);
    await page.fill('#f-summary', fields.summary ?? '');
    if (fields.authors) {
      await page.fill('#author-search', fields.authors.split(' ').slice(0, 2).join(' '));
      await page.locator('#author-options li').first().click();
    }
    await fillBody(page, fields.body);
    await Promise.all([page.waitForURL(/\/admin\/articles\/[0-9a-f]+\?saved=1$/), page.click('button[name=do][value=save]')]);
    return /articles\/([0-9a-f]+)/.exec(page.url())![1];
  }

  async function step(page: Page, id: string, action: string): Promise<void> {
    await page.goto(`${server.url}/admin/articles/${id}`);
    await Promise.all([page.waitForLoadState('load'), page.click(`form:has(input[name=action][value=${action}]) button`)]);
  }

  test('an editor writes an Arabic article and its English translation; another editor publishes; edit, compare, restore', { skip: browserSkip }, async () => {
    const { page } = await signIn('editor@example.org');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl', 'the editors’ side is Arabic first');
    const arTitle = 'تعاون الطاقة بين الجارين';
    const arId = await newArticle(page, {
      lang: 'ar',
      title: arTitle,
      slug: 'taawn-altaqa',
      authors: 'كاتبة الاختبار',
      summary: 'ملخص كتبناه لهذا الاختبار.',
      body: 'فقرة أولى كتبناها لهذا الاختبار عن تعاون الطاقة.\n\n## خلفية\n\nفقرة ثانية فيها [رابط](https://example.org/energy).',
    });
    // The preview is rendered on the server.
    await fillBody(page, 'فقرة معاينة فقط.\n\n## عنوان المعاينة');
    await page.click('button[name=do][value=preview]');
    assert.equal(await page.locator('.preview h2', { hasText: 'عنوان المعاينة' }).count(), 1);
    const enId = await newArticle(page, { lang: 'en', title: 'Energy cooperation between the neighbours', slug: 'energy-cooperation', authors: 'Test Author', body: 'A first paragraph written for this test.' });
    await page.goto(`${server.url}/admin/articles/${enId}`);
    await page.selectOption('#tr-of', arId);
    await Promise.all([page.waitForLoadState('load'), page.click('form[action$="/translation"] button')]);
    await step(page, arId, 'submit');
    await step(page, enId, 'submit');
    assert.equal(await store.db.selectFrom('articles').select('status').where('id', '=', arId).executeTakeFirstOrThrow().then((r) => r.status), 'review');

    const second = await signIn('second@example.org');
    await step(second.page, arId, 'publish');
    await step(second.page, enId, 'publish');
    const ar = (await store.getArticle(arId))!;
    await second.page.goto(server.url + ar.path);
    assert.equal(await second.page.locator('h1').first().textContent().then((s) => s?.trim()), arTitle);
    assert.equal(await second.page.locator('link[rel=alternate][hreflang=en]').count(), 1, 'the translation is linked');

    await page.goto(`${server.url}/admin/articles/${arId}`);
    await page.fill('#f-title', 'عنوان بعد التعديل');
    await page.fill('#f-note', 'تعديل العنوان');
    await Promise.all([page.waitForURL(/saved=1/), page.click('button[name=do][value=save]')]);
    // A published article's change waits for review: readers still see the published words.
    await page.locator('.pending').waitFor();
    assert.equal(/<h1[^>]*>([^<]*)</.exec(await (await fetch(server.url + ar.path)).text())?.[1]?.trim(), arTitle, 'the public page is unchanged before approval');
    await Promise.all([page.waitForLoadState('load'), page.click('form[action$="/change/submit"] button')]);
    // Review notices are e-mails queued in the mail outbox with the change.
    const notices = await store.db.selectFrom('mail_outbox' as never).selectAll().execute();
    assert.deepEqual((notices as { to_address: string | null }[]).filter((n) => n.to_address === 'second@example.org').length >= 1, true, 'the other editor is told');
    await second.page.goto(`${server.url}/admin/review`);
    await Promise.all([second.page.waitForLoadState('load'), second.page.click(`a[href="/admin/articles/${arId}"]`)]);
    await Promise.all([second.page.waitForURL(/saved=1/), second.page.click('form[action$="/change/approve"] button')]);
    assert.equal((await store.getArticle(arId))!.title, 'عنوان بعد التعديل', 'approved: the published article is the change');
    // Read as a new visitor would (the browser above may keep its copy for the page's max-age).
    const publicH1 = async () => /<h1[^>]*>([^<]*)</.exec(await (await fetch(server.url + ar.path)).text())?.[1]?.trim();
    assert.equal(await publicH1(), 'عنوان بعد التعديل', 'approved: the public page shows the change');
    await page.goto(`${server.url}/admin/articles/${arId}/revisions`);
    const numbers = await page.locator('#rev-from option').allTextContents();
    await page.selectOption('#rev-from', numbers[numbers.length - 1]);
    await page.selectOption('#rev-to', numbers[0]);
    await Promise.all([page.waitForURL(/compare/), page.click('form[action$="/revisions/compare"] button')]);
    assert.ok((await page.locator('.diff .add').allTextContents()).some((t) => t.includes('عنوان بعد التعديل')));
    assert.ok((await page.locator('.diff .del').allTextContents()).some((t) => t.includes(arTitle)));
    await Promise.all([page.waitForLoadState('load'), page.click('form[action$="/revisions/1/restore"] button')]);
    assert.equal((await store.getArticle(arId))!.title, arTitle);
    await second.page.goto(server.url + ar.path);
    assert.equal(await second.page.locator('h1').first().textContent().then((s) => s?.trim()), arTitle, 'the public page shows the restored words');
  });

  test('XSS filter-evasion vectors in titles, bodies, bios and imported HTML never execute', { skip: browserSkip }, async () => {
    const { page, fired } = await signIn('admin@example.org', { bypassCSP: true });
    const ids: string[] = [];
    // Three articles carry every vector between them in their titles, and all of them in summary, author and body.
    const groups = [VECTORS.slice(0, 7), VECTORS.slice(7, 13), VECTORS.slice(13)];
    for (const [i, group] of groups.entries()) {
      ids.push(
        await newArticle(page, {
          lang: i % 2 ? 'en' : 'ar',
          title: `Vector ${i} ${group.join(' ')}`,
          slug: `vector-${i}`,
          authors: `Writer ${i} ${group.join(' ')}`,
          summary: VECTORS.join(' '),
          body: [...VECTORS, ...MARKDOWN_VECTORS].map((v) => `${v}\n\n## ${v}\n\n- ${v}`).join('\n\n'),
        }),
      );
    }
    // A bio with every vector, through the experts page.
    await page.goto(server.url + '/admin/experts');
    const form = page.locator('form[action^="/admin/experts/"]').first();
    await form.locator('textarea[name=bio]').fill(VECTORS.join('\n'));
    await form.locator('input[name=title]').fill(VECTORS[5]);
    await Promise.all([page.waitForURL(/saved=1/), form.locator('button').click()]);
    // Imported HTML carrying the vectors.
    const html = `<!doctype html><html lang="en"><head><title>Imported vector page</title></head><body><article><h1>Imported vector page</h1>${VECTORS.map((v) => `<p>${v} text</p>`).join('')}<p><a href="javascript:alert(1)">bad link</a></p></article></body></html>`;
    await page.goto(server.url + '/admin/import');
    await page.setInputFiles('#file', { name: 'vectors.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await Promise.all([page.waitForLoadState('load'), page.click('form[action="/admin/import"] button')]);
    const imported = await store.db.selectFrom('articles').select('id').where('title', 'like', 'Imported vector%').executeTakeFirst();
    assert.ok(imported, 'the HTML page was imported');
    ids.push(imported.id);

    for (const id of ids) await page.request.post(`${server.url}/admin/articles/${id}/workflow`, { form: { _csrf: await page.locator('input[name=_csrf]').first().getAttribute('value') ?? '', action: 'publish' }, headers: { origin: server.url } });
    const paths = ['/admin', '/admin/experts', '/admin/translations', '/admin/audit'];
    for (const id of ids) {
      paths.push(`/admin/articles/${id}`, `/admin/articles/${id}/revisions/compare`);
      const a = await store.getArticle(id);
      if (a) paths.push(a.path, ...a.authors.map((x) => x.path));
    }
    for (const p of paths) {
      const res = await page.goto(server.url + p);
      assert.equal(res?.status(), 200, p);
      const injected = await page.evaluate(() => {
        const main = document.querySelector('main') ?? document.body;
        const bad: string[] = [];
        for (const el of main.querySelectorAll('*')) {
          for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) bad.push(`${el.tagName} ${attr}`);
          const href = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
          if (/^\s*(javascript|data|vbscript):/i.test(href)) bad.push(`${el.tagName} ${href}`);
          if (['SCRIPT', 'IFRAME', 'SVG', 'MATH', 'STYLE', 'DETAILS', 'BODY', 'INPUT'].includes(el.tagName.toUpperCase()) && !el.closest('form, .cite-box')) bad.push(el.tagName);
        }
        return bad;
      });
      assert.deepEqual(injected, [], `markup injected on ${p}`);
      // Forms legitimately hold inputs, and the cite box is a <details> of ours; none may carry a handler.
      assert.equal(await page.locator('form [onfocus], form [onerror], form [onload]').count(), 0, p);
    }
    assert.deepEqual(fired, [], 'no dialog opened');
  });
});
