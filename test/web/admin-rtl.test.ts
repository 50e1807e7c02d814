/**
 * Regression (admin audit, item 2): left-to-right text inside the Arabic admin was reordered or clipped.
 * English titles in the "related items" and "link a translation" selects lost their start ("a's Stalled
 * IMF Deal…", the "en ·" gone), the translations list showed "/policy-analysis/… :en", and the date hint
 * "مثلاً 2023-05-18." read "18-05-2023.". The server's markup now gives each option its article's
 * language and direction, puts the language's name before an isolated address, and isolates ISO dates;
 * every Arabic string of the editors' side isolates the dates, addresses, e-mails and file names it holds.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { saveEdit, type Editor } from '../../src/app/index.ts';
import { dirOf, type Article } from '../../src/model/index.ts';
import { onSqlite, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { seedSkip } from '../support/seed.ts';
import { seedArticle } from './seed-site.ts';
import { addAccounts, signedIn, startServer, type AdminServer } from './admin-client.ts';

const cli: Editor = { id: null, email: 'cli', ip: null, role: 'admin' };
const TUNISIA = "Tunisia's Stalled IMF Deal and the Months Ahead";

onSqlite('left-to-right text in the Arabic admin', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let seed: Article;
  let document: Document;

  before(async () => {
    if (seedSkip) return;
    store = await h.open();
    await addAccounts(store, ['editor']);
    seed = seedArticle()!;
    await saveEdit(store, cli, { article: seed });
    await saveEdit(store, cli, { article: makeArticle({ lang: 'en', slug: 'tunisia-imf-deal-stalled', title: TUNISIA }) });
    await saveEdit(store, cli, { article: makeArticle({ lang: 'ar', slug: 'maqal-thany', title: 'مقال ثان عن الساحل' }) });
    server = await startServer(store);
    const editor = await signedIn(server.url, 'editor');
    const page = await editor.get(`/admin/articles/${seed.id}`);
    assert.equal(page.status, 200);
    document = parseHTML(page.text).document as unknown as Document;
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  test('the interface is Arabic, right to left', { skip: seedSkip }, () => {
    assert.equal(document.documentElement.getAttribute('dir'), 'rtl');
  });

  test('each option of the related-items and link-a-translation selects takes its article’s language and direction', { skip: seedSkip }, () => {
    for (const sel of ['#rel-add', '#tr-of']) {
      const options = [...document.querySelectorAll(`${sel} option`)];
      assert.ok(options.length >= 1, `${sel} offers articles`);
      for (const o of options) {
        const lang = o.getAttribute('lang')!;
        assert.ok(lang, `${sel}: ${o.outerHTML} has a language`);
        assert.equal(o.getAttribute('dir'), dirOf(lang), `${sel}: ${o.outerHTML}`);
        assert.ok(o.textContent!.startsWith(`${lang} · `), `${sel}: the language code comes first`);
      }
      const tunisia = options.find((o) => o.textContent!.includes(TUNISIA));
      assert.ok(tunisia, `${sel} offers the English article`);
      assert.equal(tunisia.getAttribute('dir'), 'ltr');
      assert.equal(tunisia.getAttribute('lang'), 'en');
    }
  });

  test('the translations list names the language first, then the address isolated left to right', { skip: seedSkip }, () => {
    const path = seed.translations[0]!.path;
    const bdi = [...document.querySelectorAll('bdi.path')].find((b) => b.textContent === path);
    assert.ok(bdi, `the address ${path} is in a <bdi>`);
    assert.equal(bdi.getAttribute('dir'), 'ltr');
    const li = bdi.closest('li')!;
    assert.match(li.textContent!.trim(), /^الإنجليزية:\s/, 'the language’s name comes first');
    assert.equal(li.firstElementChild, bdi, 'nothing else is mixed into the address');
  });

  test('the related items show their addresses isolated left to right', { skip: seedSkip }, () => {
    const items = [...document.querySelectorAll('#related li.related-item')];
    assert.equal(items.length, seed.related.length);
    for (const [i, r] of seed.related.entries()) {
      assert.equal(items[i]!.querySelector('.related-title')!.getAttribute('lang'), r.lang);
      if (r.path) assert.equal(items[i]!.querySelector('bdi.path[dir=ltr]')?.textContent, r.path);
    }
  });

  test('the ISO dates of the hints are isolated left to right', { skip: seedSkip }, () => {
    const dateHint = document.querySelector('#f-published')!.parentElement!.querySelector('.hint')!;
    assert.match(dateHint.textContent!, /^السنة-الشهر-اليوم، مثلاً 2023-05-18\.$/);
    assert.equal(dateHint.querySelector('bdi[dir=ltr]')?.textContent, '2023-05-18');
    const scheduleHint = document.querySelector('#publish-at-hint');
    if (scheduleHint) assert.equal(scheduleHint.querySelector('bdi[dir=ltr]')?.textContent, '2027-05-18 09:00');
  });
});

/** The editors' side's sources (the browser editor's client code excluded: it holds no catalog). */
function adminSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'client' ? [] : adminSources(join(dir, e.name))) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

test('every Arabic string of the editors’ side isolates the ISO dates, addresses, e-mails and file names it holds', () => {
  const root = new URL('../../src/web/admin/', import.meta.url).pathname;
  // What reorders inside an Arabic sentence, literal or as a placeholder filled with it.
  // ({who} is an account's e-mail; a localized {when} or {at} reads in its own language and needs nothing.)
  const LTR = /\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?|https?:\/\/|mailto:|[\w.+-]+@[\w-]+\.\w+|\{(?:email|file|who|path|url)\}/g;
  const OPEN = /[\u2066\u2068]$/;
  const bad: string[] = [];
  for (const file of adminSources(root)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const written of line.match(/'[^']*'|`[^`]*`/g) ?? []) {
          // Isolates written as escapes count as the characters they stand for.
          const literal = written.replace(/\\u(206[6-9])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
          if (!/[\u0621-\u064A]/.test(literal)) continue;
          for (const m of literal.matchAll(LTR)) {
            if (!OPEN.test(literal.slice(0, m.index))) bad.push(`${file.slice(root.length)}:${i + 1}: ${m[0]} in ${written}`);
          }
        }
      });
  }
  assert.deepEqual(bad, []);
});
