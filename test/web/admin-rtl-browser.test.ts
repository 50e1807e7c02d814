/**
 * Regression (admin audit, item 2), in Chromium: the Arabic edit page of the seed article at 360 and
 * 1280 px, light and dark. An English title too long for the related-items list box is cut at its end (it
 * was cut at its start: "a's Stalled IMF Deal…"), the options of both selects and the isolated addresses
 * and dates are laid out left to right, the translation's language name stands before its address, and
 * "2023-05-18" reads in that order. Screenshots go to test-results/admin-rtl/ (gitignored) for a person
 * to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { saveEdit, type Editor } from '../../src/app/index.ts';
import type { Article } from '../../src/model/index.ts';
import { onSqlite, type TestStore } from '../support/engines.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';
import { makeArticle } from '../support/articles.ts';
import { seedSkip } from '../support/seed.ts';
import { seedArticle } from './seed-site.ts';
import { addAccounts, PASSWORD, startServer, type AdminServer } from './admin-client.ts';

const cli: Editor = { id: null, email: 'cli', ip: null, role: 'admin' };
const TUNISIA = "Tunisia's Stalled IMF Deal and the Months Ahead";
const SHOTS = new URL('../../test-results/admin-rtl/', import.meta.url).pathname;
const skip = browserSkip || seedSkip;

onSqlite('left-to-right text in the Arabic admin, in a browser', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let browser: Browser;
  let seed: Article;
  const contexts: BrowserContext[] = [];

  before(async () => {
    if (skip) return;
    store = await h.open();
    await addAccounts(store, ['editor']);
    seed = seedArticle()!;
    await saveEdit(store, cli, { article: seed });
    await saveEdit(store, cli, { article: makeArticle({ lang: 'ar', slug: 'maqal-thany', title: 'مقال ثان عن الساحل' }) });
    // The newest first in the selects: the long English title is the first option of both.
    await saveEdit(store, cli, { article: makeArticle({ lang: 'en', slug: 'tunisia-imf-deal-stalled', title: TUNISIA }) });
    server = await startServer(store);
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await h.cleanup();
  });

  async function editPage(width: number, dark: boolean): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: dark ? 'dark' : 'light' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.url + '/admin');
    await page.fill('#email', 'editor@example.org');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/admin$/), page.click('form[action="/admin/sign-in"] button[type=submit]')]);
    await page.goto(`${server.url}/admin/articles/${seed.id}`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    return page;
  }

  for (const width of [360, 1280]) {
    for (const dark of [false, true]) {
      const name = `edit-ar-${width}-${dark ? 'dark' : 'light'}`;
      test(`${width} px, ${dark ? 'dark' : 'light'}: English titles start inside their box; addresses and dates read left to right`, { skip }, async () => {
        const page = await editPage(width, dark);
        await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
        await page.locator('section.panel:has(select[name=related])').screenshot({ path: `${SHOTS}${name}-related.png` });
        await page.locator('section.panel:has(#tr-of)').screenshot({ path: `${SHOTS}${name}-translations.png` });

        // The options: English ones left to right, Arabic ones right to left, whatever the page's direction.
        const options = await page.$$eval('#rel-add option, #tr-of option', (os) => os.map((o) => ({ lang: o.getAttribute('lang'), dir: getComputedStyle(o).direction, text: o.textContent })));
        assert.ok(options.some((o) => o.text?.includes(TUNISIA)));
        for (const o of options) assert.equal(o.dir, o.lang === 'en' ? 'ltr' : 'rtl', JSON.stringify(o));

        // The list box's English option is wider than its box (scrollWidth > clientWidth), so one side is
        // cut: the side its direction ends on. Left to right, the cut is at the end and "en · Tunisia…" shows
        // whole from its start (Chromium gives no box for the text inside an option, so this is the measure).
        const box = await page.$eval('#rel-add', (select) => {
          const option = [...(select as HTMLSelectElement).options].find((o) => o.lang === 'en')!;
          return { overflows: option.scrollWidth > option.clientWidth, dir: getComputedStyle(option).direction, overflow: getComputedStyle(option).textOverflow };
        });
        assert.deepEqual(box, { overflows: true, dir: 'ltr', overflow: 'ellipsis' }, 'the long English title is cut at its end, with an ellipsis');

        // The translation's address: isolated left to right, the language's name on its right (first in Arabic).
        const tr = await page.$eval('section.panel:has(#tr-of) bdi.path', (bdi) => {
          const li = bdi.closest('li')!;
          const label = document.createRange();
          label.setStart(li.firstChild!, 0);
          label.setEnd(li.firstChild!, 'الإنجليزية'.length);
          // The address may wrap: its first line is the one beside the name.
          const path = bdi.getClientRects()[0]!;
          const lab = label.getBoundingClientRect();
          return { dir: getComputedStyle(bdi).direction, label: { left: lab.left, top: lab.top }, path: { right: path.right, top: path.top }, text: li.textContent };
        });
        assert.equal(tr.dir, 'ltr');
        assert.match(tr.text!, /^الإنجليزية:/);
        if (Math.abs(tr.label.top - tr.path.top) < 4) assert.ok(tr.label.left >= tr.path.right, `the language's name is to the right of the address: ${JSON.stringify(tr)}`);

        // "2023-05-18" in the date hint: the year on the left, the day on the right.
        // (No named functions inside: the test's compiler would wrap them in a helper the page lacks.)
        const date = await page.$eval('#f-published ~ .hint bdi', (bdi) => {
          const t = bdi.firstChild!;
          const [year, day] = [[0, 4], [8, 10]].map(([from, to]) => {
            const r = document.createRange();
            r.setStart(t, from!);
            r.setEnd(t, to!);
            return r.getBoundingClientRect().left;
          });
          return { dir: getComputedStyle(bdi).direction, year: year!, day: day! };
        });
        assert.equal(date.dir, 'ltr');
        assert.ok(date.year < date.day, `2023 before 18, left to right: ${JSON.stringify(date)}`);

        // Nothing sticks out sideways at this width.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      });
    }
  }
});
