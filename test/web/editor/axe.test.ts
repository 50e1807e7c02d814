/**
 * axe-core on the editors' side in Chromium: every admin page (the list, the rich-text editor on a new
 * and on a published article with a pending change, review queue, outbox, experts, new expert,
 * translations, audit, import, accounts, my account) in both interface languages, light and dark, with
 * no serious or critical violation.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { CLI_EDITOR, loadDemo, proposeChange, articleState } from '../../../src/app/index.ts';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { browserSkip, launchBrowser } from '../../support/browser.ts';
import { addAccounts, PASSWORD, startServer, type AdminServer } from '../admin-client.ts';

forEachEngine('accessibility of the editors’ side', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let browser: Browser;
  let articleId = '';

  before(async () => {
    if (browserSkip) return;
    store = await h.open();
    await addAccounts(store, ['admin']);
    await loadDemo(store);
    const row = await store.db.selectFrom('articles').select(['id']).where('lang', '=', 'ar').where('status', '=', 'published').executeTakeFirstOrThrow();
    articleId = row.id;
    const current = (await store.getArticle(articleId))!;
    await proposeChange(store, CLI_EDITOR, { article: { ...current, summary: current.summary + ' تعديل.' }, version: (await articleState(store, articleId))!.version });
    server = await startServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await h.cleanup();
  });

  test('no serious or critical violation on any admin page, Arabic and English, light and dark', { skip: browserSkip }, async () => {
    const pages = ['/admin', '/admin/articles/new', `/admin/articles/${articleId}`, `/admin/articles/${articleId}/revisions`, '/admin/review', '/admin/outbox', '/admin/experts', '/admin/experts/new', '/admin/terms', '/admin/translations', '/admin/import', '/admin/audit', '/admin/users', '/admin/account'];
    const found: string[] = [];
    for (const ui of ['ar', 'en']) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
        const page = await context.newPage();
        await page.goto(server.url + '/admin/sign-in');
        await page.fill('#email', 'admin@example.org');
        await page.fill('#password', PASSWORD);
        await Promise.all([page.waitForURL(/\/admin$/), page.click('form[action="/admin/sign-in"] button[type=submit]')]);
        if (ui === 'en') await Promise.all([page.waitForLoadState('load'), page.click('form[action="/admin/lang"] button')]);
        assert.equal(await page.getAttribute('html', 'lang'), ui);
        for (const p of pages) {
          await page.goto(server.url + p);
          if (/articles\/(new|[0-9a-f]+)$/.test(p)) await page.locator('.ProseMirror').waitFor();
          const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
            found.push(`${ui} ${colorScheme} ${p}: ${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
          }
        }
        await context.close();
      }
    }
    assert.deepEqual(found, []);
  });
});
