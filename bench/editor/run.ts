/**
 * @module The editor's latency in Chromium: keystroke to screen on a 10,000-word Arabic article (the
 * time from the key event to the frame after it is handled, taken from requestAnimationFrame following
 * the input, per key, over 200 keys), against the page's own Markdown textarea holding the same text as
 * the peer; and the autosave round trip (the request's duration in the resource timing). Run by
 * `npm run bench -- editor`.
 */
import { addUser, CLI_EDITOR, saveEdit } from '../../src/app/index.ts';
import { openStore } from '../../src/store/index.ts';
import { createWebApp, listen } from '../../src/web/index.ts';
import { launchBrowser } from '../../test/support/browser.ts';
import { FAST } from '../../test/app/fast-cost.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORDS = ['الحكومة', 'الجزائرية', 'أعلنت', 'عن', 'اتفاق', 'جديد', 'مع', 'روسيا', 'في', '٢٠٢٣', 'بقيمة', '1.9', 'مليار', 'دولار', 'وقال', 'الوزير'];
const KEYS = 200;

const dir = mkdtempSync(join(tmpdir(), 'mizan-bench-editor-'));
const store = await openStore({ db: join(dir, 'm.db') });
await addUser(store, { email: 'bench@example.org', role: 'editor', password: 'correct horse battery staple' }, { cost: FAST });
const body = Array.from({ length: 420 }, (_, i) => ({ kind: 'paragraph' as const, text: Array.from({ length: 25 }, (_, j) => WORDS[(i * 7 + j) % WORDS.length]).join(' '), links: [] }));
const article = { id: 'bench', lang: 'ar', dir: 'rtl', type: 'other', typeLabel: '', series: null, title: 'مقالة طويلة', summary: '', published: null, updated: null, path: '/ar/policy-analysis/bench-long', origin: { file: null, url: null }, authors: [], translations: [], body, sources: [], topics: [], regions: [], countries: [], related: [], image: null, attachments: [] } as const;
const saved = await saveEdit(store, CLI_EDITOR, { article: article as never });
const server = await listen(createWebApp({ store }, { noCache: true }), { port: 0, host: '127.0.0.1' });
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(server.url + '/admin/sign-in');
  await page.fill('#email', 'bench@example.org');
  await page.fill('#password', 'correct horse battery staple');
  await Promise.all([page.waitForURL(/\/admin$/), page.click('form[action="/admin/sign-in"] button[type=submit]')]);
  await page.goto(`${server.url}/admin/articles/${saved.id}`);
  await page.locator('.ProseMirror').waitFor();
  const words = await page.evaluate(() => document.querySelector('.ProseMirror')!.textContent!.split(/\s+/).filter(Boolean).length);

  const install = () =>
    page.evaluate(() => {
      const w = window as unknown as { lat: number[] };
      w.lat = [];
      document.addEventListener(
        'beforeinput',
        () => {
          const t0 = performance.now();
          requestAnimationFrame(() => setTimeout(() => w.lat.push(performance.now() - t0), 0));
        },
        { capture: true },
      );
    });
  const collect = async () => {
    await page.waitForTimeout(300);
    const lat = (await page.evaluate(() => (window as unknown as { lat: number[] }).lat)).sort((a, b) => a - b);
    return { median: lat[Math.floor(lat.length / 2)], p95: lat[Math.floor(lat.length * 0.95)], n: lat.length };
  };
  const typeKeys = async () => {
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.type(WORDS[i % WORDS.length][0]);
      await page.waitForTimeout(16);
    }
  };

  // The editor: caret in the middle of the article.
  await install();
  await page.locator('.ProseMirror p').nth(200).click();
  await typeKeys();
  const editor = await collect();

  // Autosave round trips, from the resource timing of the requests the typing caused.
  await page.waitForTimeout(2500);
  const autosave = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/autosave'))
      .map((e) => e.duration),
  );

  // The peer: the same text in the page's own textarea (Markdown mode), same keys.
  await page.click('#editor-md-toggle');
  await page.locator('#f-body').waitFor({ state: 'visible' });
  await page.reload();
  await page.locator('.ProseMirror').waitFor();
  await page.click('#editor-md-toggle');
  await page.locator('#f-body').waitFor({ state: 'visible' });
  await install();
  await page.locator('#f-body').click();
  await typeKeys();
  const textarea = await collect();

  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`article: ${words.toLocaleString('en')} words, ${body.length} paragraphs; ${KEYS} keys`);
  console.log(`keystroke → frame, rich editor: median ${ms(editor.median)}, p95 ${ms(editor.p95)} (n=${editor.n})`);
  console.log(`keystroke → frame, textarea (peer): median ${ms(textarea.median)}, p95 ${ms(textarea.p95)} (n=${textarea.n})`);
  console.log(`ratio editor/textarea: median ${(editor.median / textarea.median).toFixed(2)}×, p95 ${(editor.p95 / textarea.p95).toFixed(2)}×`);
  const sorted = autosave.sort((a, b) => a - b);
  if (sorted.length) console.log(`autosave round trip (${sorted.length} saves of the whole form): median ${ms(sorted[Math.floor(sorted.length / 2)])}, max ${ms(sorted[sorted.length - 1])}`);
} finally {
  await browser.close();
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
