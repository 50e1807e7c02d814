/**
 * Regression: Arabic pages showed English error text: /admin/import said "لم ينجح ذلك: empty file:
 * nothing to import" and "…not valid JSON: Unexpected end of JSON input", /ar/subscribe with langs=fr
 * "يُرجى مراجعة اختياراتك: choose at least one language among en, ar", the experts and terms pages
 * "an expert needs a name"; a UTF-16 file was refused as "not an article page…". Each is now said in
 * the page's language from the error's code and data (the parser's own words kept where they help),
 * and English pages keep English.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/index.ts';
import { addAccounts, signedIn, startServer, type AdminServer, type Client } from './admin-client.ts';
import { makeArticle } from '../support/articles.ts';

let store: Awaited<ReturnType<typeof openStore>>;
let server: AdminServer;
let ar: Client;
let en: Client;

before(async () => {
  store = await openStore({ db: ':memory:' });
  await store.putArticle(makeArticle());
  await addAccounts(store, ['admin']);
  server = await startServer(store);
  ar = await signedIn(server.url, 'admin');
  en = await signedIn(server.url, 'admin');
  const csrf = await en.csrfOf('/admin');
  const switched = await en.post('/admin/lang', { lang: 'en' }, { csrf });
  assert.equal(switched.status, 303);
});
after(async () => {
  await server?.close();
  await store?.close();
});

/** The error message of an admin page: the text of its error box. */
function flashOf(html: string): string {
  const m = /<p class="flash error"[^>]*>([\s\S]*?)<\/p>/.exec(html);
  assert.ok(m, `no flash on the page: ${html.slice(0, 300)}`);
  return m[1].replace(/<[^>]+>/g, '').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
}

async function upload(client: Client, name: string, bytes: Uint8Array<ArrayBuffer> | string): Promise<{ status: number; flash: string; html: string }> {
  const csrf = await client.csrfOf('/admin/import');
  const form = new FormData();
  form.set('file', new Blob([bytes]), name);
  const r = await client.postMultipart('/admin/import', form, csrf);
  if (r.status === 200) return { status: r.status, flash: '', html: r.text };
  // The import page names the file first (isolated, in an Arabic sentence), then says what is wrong.
  const said = flashOf(r.text);
  const named = `${name}: `;
  const bare = said.replace(/[\u2068\u2069]/g, '');
  assert.ok(bare.startsWith(named), `the message names the file: ${said}`);
  return { status: r.status, flash: bare.slice(named.length), html: r.text };
}

/** UTF-16 bytes of `text`, little-endian, with or without the byte order mark. */
function utf16(text: string, bom: boolean): Uint8Array<ArrayBuffer> {
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array(bom ? [0xff, 0xfe, ...body] : body);
}

const LATIN_WORDS = /\b(?:empty|nothing|valid|JSON input|article|page|choose|needs|name|file)\b/;

test('/admin/import in Arabic: an empty file, broken JSON, a page that is no article, each in Arabic', async () => {
  const empty = await upload(ar, 'empty.txt', '   \n');
  assert.equal(empty.status, 422);
  assert.equal(empty.flash, 'الملف فارغ: لا شيء فيه للاستيراد.');

  const json = await upload(ar, 'broken.json', '{\n  "title": "x",\n');
  assert.equal(json.status, 422);
  assert.match(json.flash, /الملف ليس JSON صالحاً \(رسالة المحلّل: [^)]*JSON[^)]*\)/, json.flash);
  assert.doesNotMatch(json.flash, /That did not work|لم ينجح ذلك|not valid JSON/);

  const notArticle = await upload(ar, 'note.txt', 'ملاحظات اجتماع\n\nنص لا يشبه صفحة مقالة.\n');
  assert.equal(notArticle.status, 422);
  assert.match(notArticle.flash, /^(?:السطر \d+: )?هذه ليست صفحة مقالة/, notArticle.flash);
  for (const flash of [empty.flash, notArticle.flash]) assert.doesNotMatch(flash, LATIN_WORDS, flash);
});

test('a UTF-16 file without a byte order mark is refused as UTF-16, in Arabic and in English; with one it is read', async () => {
  const page = '---\nlang: ar\ntitle: صفحة محفوظة بترميز آخر\npublished: 2024-02-03\n---\n\nفقرة كتبناها لهذا الاختبار.\n';
  const noBom = await upload(ar, 'utf16.md', utf16(page, false));
  assert.equal(noBom.status, 422);
  assert.equal(noBom.flash, 'الملف بترميز UTF-16: احفظه بترميز UTF-8 ثم ارفعه من جديد.');
  const inEnglish = await upload(en, 'utf16.txt', utf16(page, false));
  assert.equal(inEnglish.flash, 'The file is UTF-16: save it as UTF-8 and upload it again.');

  // With the mark, the text is read, and its format found from the text (no extension here).
  const withBom = await upload(ar, 'utf16-page', utf16(page, true));
  assert.equal(withBom.status, 200, withBom.flash);
  assert.match(withBom.html, /صفحة محفوظة بترميز آخر/);
});

test('/admin/import in English keeps English sentences', async () => {
  const empty = await upload(en, 'empty.txt', '');
  assert.equal(empty.flash, 'The file is empty: there is nothing to import.');
  const json = await upload(en, 'broken.json', '{"title": ');
  assert.match(json.flash, /^The file is not valid JSON \(the parser says: .+\)\.$/);
});

test('the experts and terms pages say a missing name in Arabic', async () => {
  const [expert] = await store.listExperts('ar');
  const csrf = await ar.csrfOf('/admin/experts');
  const r = await ar.post(`/admin/experts/${expert!.id}`, { lang: 'ar', name: '  ', title: '', bio: '' }, { csrf });
  assert.equal(r.status, 400);
  assert.equal(flashOf(r.text), 'الاسم: مطلوب');

  const newExpert = await ar.post('/admin/experts/new', { name_ar: '', name_en: '' }, { csrf: await ar.csrfOf('/admin/experts/new') });
  assert.equal(newExpert.status, 422);
  assert.equal(flashOf(newExpert.text), 'الاسم: مطلوب');

  const [topic] = await store.listTerms('topic', 'ar');
  const term = await ar.post(`/admin/terms/${topic!.id}`, { lang: 'ar', name: '' }, { csrf: await ar.csrfOf('/admin/terms') });
  assert.equal(term.status, 400);
  assert.equal(flashOf(term.text), 'الاسم: مطلوب');

  const inEnglish = await en.post(`/admin/terms/${topic!.id}`, { lang: 'ar', name: '' }, { csrf: await en.csrfOf('/admin/terms') });
  assert.equal(flashOf(inEnglish.text), 'Name: required');
});

test('/ar/subscribe with a language the site does not publish in says so in Arabic; /subscribe in English', async () => {
  const post = (path: string) =>
    fetch(server.url + path, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'reader@example.org', langs: 'fr', frequency: 'instant', follows: 'all:' }),
    });
  const arPage = await post('/ar/subscribe');
  assert.equal(arPage.status, 400);
  const arText = await arPage.text();
  assert.match(arText, /يُرجى مراجعة اختياراتك: اختر لغة واحدة على الأقل للمقالات \(English، العربية\)\./);
  assert.doesNotMatch(arText, /choose at least one language/);
  const enPage = await post('/subscribe');
  assert.match(await enPage.text(), /Please check your choices: choose at least one language for the articles \(English, العربية\)\./);
});
