/**
 * The rich-text editor in Chromium, for real: an editor types an Arabic paragraph with an English
 * quotation and numbers, links words and cites a source, adds a note, pastes a fragment from a word
 * processor (its list kept, its script and styles dropped), undoes and redoes, and saves; what is
 * stored is Article blocks, and the page shows them again after a reload. Each block reads in its own
 * direction. Hostile and huge pastes are refused or cleaned, never run.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { browserSkip, launchBrowser } from '../../support/browser.ts';
import { addAccounts, PASSWORD, startServer, type AdminServer } from '../admin-client.ts';
import { CLI_EDITOR, createExpert } from '../../../src/app/index.ts';

/** What Word puts on the clipboard for a heading, a two-item numbered list and a styled paragraph. */
export const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--></head><body>
<h1 style="mso-outline-level:1">خلفية الاتفاق</h1>
<p class=MsoListParagraphCxSpFirst style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">1.<span style="font:7.0pt">&nbsp;&nbsp;</span></span><span lang=AR-SA>البند الأول</span><o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">2.<span style="font:7.0pt">&nbsp;&nbsp;</span></span><span lang=AR-SA>البند الثاني</span><o:p></o:p></p>
<p class=MsoNormal style="color:red;font-family:Calibri"><b><span style="font-size:14pt">فقرة منسقة</span></b><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script></p>
</body></html>`;

forEachEngine('the rich-text editor in a browser', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    if (browserSkip) return;
    store = await h.open();
    await addAccounts(store, ['editor']);
    await createExpert(store, CLI_EDITOR, { names: { ar: 'سابينا هينبرغ', en: 'Sabina Henneberg' } });
    server = await startServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await h.cleanup();
  });

  async function signIn(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => assert.fail(`script error in the page: ${e.message}`));
    await page.goto(server.url + '/admin/sign-in');
    await page.fill('#email', 'editor@example.org');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/admin$/), page.click('form[action="/admin/sign-in"] button[type=submit]')]);
    return page;
  }

  async function selectText(page: Page, text: string): Promise<void> {
    await page.evaluate((t) => {
      const root = document.querySelector('.ProseMirror')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const n = walker.currentNode as Text;
        const i = n.data.indexOf(t);
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + t.length);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(r);
          return;
        }
      }
      throw new Error(`not in the editor: ${t}`);
    }, text);
    await page.waitForFunction((t) => getSelection()!.toString() === t, text);
  }

  async function paste(page: Page, html: string, plain = ''): Promise<void> {
    await page.evaluate(
      ([h, p]) => {
        const dt = new DataTransfer();
        dt.setData('text/html', h);
        dt.setData('text/plain', p);
        document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      },
      [html, plain],
    );
  }

  async function storedBody(id: string) {
    return (await store.getArticle(id))!.body;
  }

  test('type Arabic with an English quotation, link, cite, note, paste from Word, undo and redo, save, reload', { skip: browserSkip }, async () => {
    const page = await signIn();
    await page.goto(server.url + '/admin/articles/new');
    await page.selectOption('#f-lang', 'ar');
    await page.fill('#f-title', 'مقالة المحرر الغني');
    await page.fill('#f-slug', 'rich-editor-article');
    const editor = page.locator('.ProseMirror');
    await editor.waitFor();
    assert.equal(await page.locator('#f-body').isVisible(), false, 'the Markdown textarea gives way to the editor');
    await editor.click();
    await page.keyboard.type('قال الوزير إن الحكومة رفضت العرض في ٢٠٢٣ مقابل 1.9 مليار دولار.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"We will not sign this agreement" said the minister.');
    await page.click('.editor-toolbar [data-tool=quote]');
    await page.keyboard.press('Enter');
    await page.keyboard.type('ملاحظة المحرر حول الأرقام.');
    await page.click('.editor-toolbar [data-tool=note]');

    // Direction follows each block's own text.
    const dirs = await page.evaluate(() => [...document.querySelectorAll('.ProseMirror > *')].map((el) => getComputedStyle(el).direction));
    assert.deepEqual(dirs, ['rtl', 'ltr', 'rtl']);

    // A link on chosen words.
    await selectText(page, 'رفضت العرض');
    await page.click('.editor-toolbar [data-tool=link]');
    await page.fill('dialog.editor-dialog input[name=href]', 'https://example.org/offer');
    await page.click('dialog.editor-dialog button[type=submit]');
    await page.locator('.ProseMirror a[href="https://example.org/offer"]').waitFor();
    // A citation marker at the caret (no words chosen), to the same source: one source, cited twice.
    await page.locator('.ProseMirror blockquote').click();
    await page.keyboard.press('End');
    await page.click('.editor-toolbar [data-tool=link]');
    await page.fill('dialog.editor-dialog input[name=href]', 'https://example.org/offer#p2');
    await page.click('dialog.editor-dialog button[type=submit]');
    await page.locator('.ProseMirror a.bare-link').waitFor();
    assert.deepEqual(await page.locator('.ProseMirror .cite-n').allTextContents(), ['1', '1'], 'both citations of one source carry its number');
    assert.equal(await page.locator('#editor-sources li').count(), 1);

    // Paste from Word at the end.
    await page.locator('.ProseMirror aside').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await paste(page, WORD_HTML, 'خلفية الاتفاق');
    await page.locator('.ProseMirror ol li').nth(1).waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0), 0, 'nothing pasted ran');
    const junk = await page.locator('.ProseMirror [style], .ProseMirror script, .ProseMirror img:not(.ProseMirror-separator)').evaluateAll((els) => els.map((e) => e.outerHTML));
    assert.deepEqual(junk, [], 'no styles, scripts or broken images pasted');
    assert.equal(await page.locator('.ProseMirror h2', { hasText: 'خلفية الاتفاق' }).count(), 1, 'a pasted h1 becomes a body heading');

    // Undo takes the paste away; redo brings it back.
    await page.keyboard.press('Control+z');
    await page.locator('.ProseMirror ol').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+y');
    await page.locator('.ProseMirror ol').waitFor();

    await Promise.all([page.waitForURL(/\/admin\/articles\/[0-9a-f]+\?saved=1$/), page.click('button[name=do][value=save]')]);
    const id = /articles\/([0-9a-f]+)/.exec(page.url())![1];
    const body = await storedBody(id);
    assert.deepEqual(
      body.map((b) => b.kind),
      ['paragraph', 'quote', 'note', 'heading', 'list', 'paragraph'],
    );
    const [p, quote, , , list, last] = body;
    assert.equal(p.kind === 'paragraph' && p.text, 'قال الوزير إن الحكومة رفضت العرض في ٢٠٢٣ مقابل 1.9 مليار دولار.');
    const at = 'قال الوزير إن الحكومة رفضت العرض'.indexOf('رفضت');
    assert.deepEqual(p.kind === 'paragraph' && p.links, [{ text: 'رفضت العرض', url: 'https://example.org/offer', start: at, end: at + 'رفضت العرض'.length }]);
    assert.ok(quote.kind === 'quote' && quote.links.length === 1 && quote.links[0].start === quote.links[0].end && quote.links[0].start === quote.text.length);
    assert.deepEqual(list.kind === 'list' && list, { kind: 'list', ordered: true, items: [{ text: 'البند الأول', links: [] }, { text: 'البند الثاني', links: [] }] });
    assert.equal(last.kind === 'paragraph' && last.text, 'فقرة منسقة');
    const article = (await store.getArticle(id))!;
    assert.deepEqual(article.sources.map((s) => [s.url, s.cited]), [['https://example.org/offer', 2]]);

    // After a reload the editor shows exactly what was stored.
    await page.reload();
    await editor.waitFor();
    const shown = await page.evaluate(() => (window as unknown as { mizanEditor: { blocks(): unknown } }).mizanEditor.blocks());
    assert.deepEqual(shown, body);
  });

  test('authors are picked from the experts list, typing in Latin letters for an Arabic article', { skip: browserSkip }, async () => {
    const page = await signIn();
    await page.goto(server.url + '/admin/articles/new');
    await page.fill('#f-title', 'مقالة بمؤلفة');
    await page.fill('#f-slug', 'picked-author');
    assert.equal(await page.locator('#f-authors').isVisible(), false, 'the names box gives way to the picker');
    await page.fill('#author-search', 'henne');
    await page.locator('#author-options li', { hasText: 'سابينا هينبرغ' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.authors-picker .chips li', { hasText: 'سابينا هينبرغ' }).waitFor();
    await page.fill('#author-search', 'غير موجود');
    await page.locator('.authors-picker a[href="/admin/experts/new"]').waitFor();
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('نص قصير.');
    await Promise.all([page.waitForURL(/saved=1$/), page.click('button[name=do][value=save]')]);
    const id = /articles\/([0-9a-f]+)/.exec(page.url())![1];
    assert.deepEqual((await store.getArticle(id))!.authors.map((a) => a.name), ['سابينا هينبرغ']);
  });

  test('a 5 MB paste is refused with a message in the interface language; the text is untouched', { skip: browserSkip }, async () => {
    const page = await signIn();
    await page.goto(server.url + '/admin/articles/new');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('نص قبل اللصق');
    await paste(page, '', 'كلمة '.repeat(1_000_000));
    await page.locator('#editor-status', { hasText: 'كبير جداً' }).waitFor();
    assert.equal(await page.locator('.ProseMirror').innerText(), 'نص قبل اللصق');
  });
});
