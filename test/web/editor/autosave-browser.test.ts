/**
 * Autosave and conflicts in Chromium, on every engine: typed words reach the server's autosave slot and
 * are offered back after the tab is gone (another browser, no local copy); with the connection lost the
 * browser keeps them and offers them after a reload; two editors on one article see the difference and
 * choose, never a silent overwrite; the preview is the site's own article page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addUser, edb, readAutosave } from '../../../src/app/index.ts';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { browserSkip, launchBrowser } from '../../support/browser.ts';
import { FAST } from '../../app/fast-cost.ts';
import { addAccounts, PASSWORD, startServer, type AdminServer } from '../admin-client.ts';

forEachEngine('autosave and conflicts in a browser', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    if (browserSkip) return;
    store = await h.open();
    await addAccounts(store, ['editor']);
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

  async function signIn(email = 'editor@example.org', context?: BrowserContext): Promise<Page> {
    const ctx = context ?? (await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    if (!context) contexts.push(ctx);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => assert.fail(`script error in the page: ${e.message}`));
    await page.goto(server.url + '/admin/sign-in');
    if (page.url().endsWith('/admin')) return page;
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/admin$/), page.click('form[action="/admin/sign-in"] button[type=submit]')]);
    return page;
  }

  async function newArticle(page: Page, title: string, slug: string, text: string): Promise<string> {
    await page.goto(server.url + '/admin/articles/new');
    await page.fill('#f-title', title);
    await page.fill('#f-slug', slug);
    await page.locator('.ProseMirror').click();
    await page.keyboard.type(text);
    await Promise.all([page.waitForURL(/\/admin\/articles\/[0-9a-f]+\?saved=1$/), page.click('button[name=do][value=save]')]);
    return /articles\/([0-9a-f]+)/.exec(page.url())![1];
  }

  async function typeAtEnd(page: Page, text: string): Promise<void> {
    await page.locator('.ProseMirror p').last().click();
    await page.keyboard.press('End');
    await page.keyboard.type(text);
  }

  test('autosave reaches the server; another browser is offered it and restores it; saving clears the slot', { skip: browserSkip }, async () => {
    const page = await signIn();
    const id = await newArticle(page, 'مقالة الحفظ التلقائي', 'autosave-one', 'النص الأول.');
    await typeAtEnd(page, ' كلمات لم تُحفظ بعد.');
    await page.locator('#autosave-status[data-kind=ok]').waitFor();
    const user = await edb(store).selectFrom('users').select('id').where('email', '=', 'editor@example.org').executeTakeFirstOrThrow();
    const slot = await readAutosave(store, user.id, id);
    assert.match(slot!.form.bodyJson, /كلمات لم تُحفظ بعد/);
    assert.doesNotMatch(JSON.stringify((await store.getArticle(id))!.body), /لم تُحفظ/, 'an autosave is not content');
    await page.close();

    // The tab is gone; a fresh browser (no local copy) opens the article and is offered the words.
    const other = await signIn();
    await other.goto(`${server.url}/admin/articles/${id}`);
    await other.locator('#autosave-offer').waitFor();
    await Promise.all([other.waitForURL(/recover=1/), other.click('#recover-server')]);
    await other.locator('.ProseMirror', { hasText: 'كلمات لم تُحفظ بعد' }).waitFor();
    await Promise.all([other.waitForURL(/saved=1$/), other.click('button[name=do][value=save]')]);
    assert.match(JSON.stringify((await store.getArticle(id))!.body), /كلمات لم تُحفظ بعد/);
    assert.equal(await readAutosave(store, user.id, id), undefined, 'saving clears the autosave');
    assert.equal(await other.locator('#autosave-offer').count(), 0);
  });

  test('with the connection lost the words stay in the browser and come back after a reload', { skip: browserSkip }, async () => {
    const page = await signIn();
    const id = await newArticle(page, 'مقالة دون اتصال', 'offline-one', 'قبل الانقطاع.');
    await page.context().setOffline(true);
    await typeAtEnd(page, ' كتبت هذا دون اتصال.');
    await page.locator('#autosave-status[data-kind=warn]').waitFor();
    await page.context().setOffline(false);
    // Reload before the retry: the server never had these words.
    const user = await edb(store).selectFrom('users').select('id').where('email', '=', 'editor@example.org').executeTakeFirstOrThrow();
    await page.evaluate(() => {
      // Stop the page from sending on its way out, as a crash would.
      window.addEventListener('pagehide', (e) => e.stopImmediatePropagation(), { capture: true });
    });
    const slot = await readAutosave(store, user.id, id);
    assert.doesNotMatch(slot?.form.bodyJson ?? '', /دون اتصال/);
    await page.goto(`${server.url}/admin/articles/${id}`);
    await page.locator('#recover-local').waitFor();
    assert.equal(await page.locator('.ProseMirror', { hasText: 'كتبت هذا دون اتصال' }).count(), 0);
    await page.click('#recover-local');
    await page.locator('.ProseMirror', { hasText: 'كتبت هذا دون اتصال' }).waitFor();
    await Promise.all([page.waitForURL(/saved=1$/), page.click('button[name=do][value=save]')]);
    assert.match(JSON.stringify((await store.getArticle(id))!.body), /كتبت هذا دون اتصال/);
  });

  test('two editors on one article: the second sees the difference and chooses; nothing is overwritten silently', { skip: browserSkip }, async () => {
    const a = await signIn();
    const id = await newArticle(a, 'مقالة محررين', 'two-editors', 'الفقرة المشتركة.');
    const b = await signIn('second@example.org');
    await b.goto(`${server.url}/admin/articles/${id}`);
    await b.locator('.ProseMirror').waitFor();
    await a.goto(`${server.url}/admin/articles/${id}`);
    await typeAtEnd(a, ' إضافة المحرر الأول.');
    await Promise.all([a.waitForURL(/saved=1$/), a.click('button[name=do][value=save]')]);
    await typeAtEnd(b, ' إضافة المحرر الثاني.');
    await Promise.all([b.waitForLoadState('load'), b.click('button[name=do][value=save]')]);
    const panel = b.locator('.conflict');
    await panel.waitFor();
    assert.equal(await panel.locator('.diff .del', { hasText: 'إضافة المحرر الأول' }).count(), 1, 'the other editor’s words are shown as what would be replaced');
    assert.equal(await panel.locator('.diff .add', { hasText: 'إضافة المحرر الثاني' }).count(), 1);
    await b.locator('.ProseMirror', { hasText: 'إضافة المحرر الثاني' }).waitFor();
    assert.match(JSON.stringify((await store.getArticle(id))!.body), /إضافة المحرر الأول/, 'the first editor’s save stands');
    // The second editor chooses, having seen it, to replace that version with their text.
    await Promise.all([b.waitForURL(/saved=1$/), b.click('.conflict button[name=overwrite]')]);
    const body = JSON.stringify((await store.getArticle(id))!.body);
    assert.match(body, /إضافة المحرر الثاني/);
  });

  test('the preview is the site’s own article page, in light and dark', { skip: browserSkip }, async () => {
    const page = await signIn();
    const id = await newArticle(page, 'مقالة المعاينة', 'preview-one', 'نص المعاينة الأول.');
    await typeAtEnd(page, ' جملة لم تُحفظ.');
    const [preview] = await Promise.all([page.context().waitForEvent('page'), page.click('button[name=do][value=site-preview]')]);
    await preview.waitForLoadState('load');
    assert.equal(await preview.locator('h1', { hasText: 'مقالة المعاينة' }).count(), 1);
    assert.equal(await preview.locator('main p', { hasText: 'جملة لم تُحفظ' }).count(), 1, 'the unsaved words are in the preview');
    assert.equal(await preview.getAttribute('html', 'dir'), 'rtl');
    assert.ok(await preview.locator('link[rel=stylesheet][href^="/assets/"]').count(), 'the site’s stylesheet');
    const bg = async (scheme: 'light' | 'dark') => {
      await preview.emulateMedia({ colorScheme: scheme });
      return preview.evaluate(() => getComputedStyle(document.body).backgroundColor);
    };
    assert.notEqual(await bg('light'), await bg('dark'));
    assert.doesNotMatch(JSON.stringify((await store.getArticle(id))!.body), /لم تُحفظ/, 'previewing saves nothing');
  });
});
