/**
 * Regression (attack run: bad input saved without an error), over real HTTP on every engine. The article
 * form dropped a series whose number was no number (or printed "0" for none), turned an unknown type
 * into "other", took a title of marks alone and text that was not UTF-8, and stored year 0000; the
 * workflow answered an unknown step with a 409; the import page took a language the site lacks. Each
 * is now a 4xx, said in the editor's language (beside the field, for the form), with nothing saved.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLI_EDITOR, createExpert, transition, UnknownStepError } from '../../src/app/index.ts';
import { MizanError } from '../../src/lib/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { addAccounts, signedIn, startServer, type AdminServer, type Client } from './admin-client.ts';

const FORM = { lang: 'ar', type: 'policy-analysis', summary: '', published: '', seriesName: '', seriesNumber: '', authors: 'كاتب', topics: '', regions: '', note: '', version: '', body: 'نص كتبناه للاختبار.' };

const flashOf = (html: string) => /<p class="flash error"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1]?.trim() ?? '';
const besideOf = (html: string, field: string) => new RegExp(`<p class="field-error" id="f-${field}-error">([\\s\\S]*?)</p>`).exec(html)?.[1]?.trim() ?? '';
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

forEachEngine('bad input refused on the editors’ side', (h) => {
  let store: TestStore;
  let server: AdminServer;
  before(async () => {
    store = await h.open();
    await addAccounts(store, ['editor']);
    await createExpert(store, CLI_EDITOR, { names: { ar: 'كاتب' } });
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  const count = async () => (await store.db.selectFrom('articles').select('id').execute()).length;

  /** Posts the form and checks: 400, the message in the flash and beside `field`, the field marked invalid. */
  async function refusedField(a: Client, path: string, fields: Record<string, string>, field: string, message: RegExp): Promise<void> {
    const r = await a.post(path, fields, { csrf: await a.csrfOf(path) });
    assert.equal(r.status, 400, `${JSON.stringify(fields).slice(0, 200)}: ${r.status} ${flashOf(r.text)}`);
    assert.match(unescape(flashOf(r.text)), message);
    assert.match(unescape(besideOf(r.text, field)), message, `the message is beside ${field}`);
    assert.match(r.text, new RegExp(`aria-invalid="true" aria-describedby="f-${field}-error"`));
  }

  test('the article form refuses, in Arabic and beside the field, each value it used to drop or mend silently; nothing is saved', async () => {
    const a = await signedIn(server.url, 'editor');
    const before = await count();
    const post = (fields: Record<string, string>, field: string, message: RegExp) => refusedField(a, '/admin/articles/new', { ...FORM, title: 'مقالة', slug: 'mqala', ...fields }, field, message);
    await post({ seriesName: 'PolicyWatch', seriesNumber: 'abc' }, 'seriesNumber', /^رقم السلسلة «\u2068abc\u2069»: ليس عدداً صحيحاً/);
    await post({ seriesName: 'PolicyWatch', seriesNumber: '-5' }, 'seriesNumber', /^رقم السلسلة «\u2068-5\u2069»: ليس عدداً صحيحاً/);
    await post({ seriesName: 'PolicyWatch', seriesNumber: '' }, 'seriesNumber', /^رقم السلسلة: مطلوب$/);
    await post({ seriesName: '', seriesNumber: '12' }, 'seriesName', /^السلسلة: مطلوب$/);
    await post({ type: 'bogus' }, 'type', /^النوع «\u2068bogus\u2069»: ليس من القيم المسموح بها$/);
    await post({ title: '\u064B\u064C\u064F\u200F' }, 'title', /^العنوان: لا يحوي حرفاً ولا رقماً$/);
    await post({ published: '0000-01-01' }, 'published', /^تاريخ النشر «\u20680000-01-01\u2069»: ليس تاريخاً حقيقياً بين عامي 1000 و9999$/);
    await post({ published: '2023-02-30' }, 'published', /ليس تاريخاً حقيقياً/);
    await post({ lang: 'fr' }, 'lang', /^اللغة «\u2068fr\u2069»: ليس من القيم المسموح بها \(المسموح به: \u2068en، ar\u2069\)$/);
    assert.equal(await count(), before, 'nothing was saved');
  });

  test('a title sent as bytes that are not UTF-8 is refused, not stored as replacement characters', async () => {
    const a = await signedIn(server.url, 'editor');
    const before = await count();
    const csrf = await a.csrfOf('/admin/articles/new');
    const body = new URLSearchParams({ ...FORM, slug: 'bytes', _csrf: csrf }).toString() + '&title=%FF%FE';
    const r = await a.request('POST', '/admin/articles/new', { body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: a.origin } });
    assert.equal(r.status, 400);
    assert.match(flashOf(r.text), /^العنوان: فيه بايتات ليست نصاً \(UTF-8\)/);
    assert.match(besideOf(r.text, 'title'), /فيه بايتات ليست نصاً/);
    assert.equal(await count(), before);
  });

  test('in English, and when editing: the same refusals, the stored article unchanged', async () => {
    const a = await signedIn(server.url, 'editor');
    await a.post('/admin/lang', { lang: 'en' }, { csrf: await a.csrfOf() });
    const made = await a.post('/admin/articles/new', { ...FORM, title: 'سلسلة مرقمة', slug: 'slsla', seriesName: 'PolicyWatch', seriesNumber: '٣٧٤٠' }, { csrf: await a.csrfOf('/admin/articles/new') });
    assert.equal(made.status, 303, flashOf(made.text));
    const edit = made.location!.replace('?saved=1', '');
    const id = edit.split('/').pop()!;
    assert.deepEqual((await store.getArticle(id))?.series, { name: 'PolicyWatch', number: 3740 }, 'Arabic digits are a number');
    const fields = { ...FORM, title: 'سلسلة مرقمة', version: '1' };
    await refusedField(a, edit, { ...fields, seriesName: 'PolicyWatch', seriesNumber: 'abc' }, 'seriesNumber', /^Series number “abc”: not a whole number/);
    await refusedField(a, edit, { ...fields, seriesName: 'PolicyWatch', seriesNumber: '' }, 'seriesNumber', /^Series number: required$/);
    await refusedField(a, edit, { ...fields, type: 'bogus', seriesName: 'PolicyWatch', seriesNumber: '3740' }, 'type', /^Type “bogus”: not one of the allowed values$/);
    await refusedField(a, edit, { ...fields, seriesName: 'PolicyWatch', seriesNumber: '3740', published: '0000-01-01' }, 'published', /^Publication date “0000-01-01”: not a real calendar date between the years 1000 and 9999$/);
    const stored = await store.getArticle(id);
    assert.deepEqual([stored?.series, stored?.type, stored?.published], [{ name: 'PolicyWatch', number: 3740 }, 'policy-analysis', null]);
  });

  test('the workflow: an unknown step is a 400 in the editor’s language; a step the state does not allow stays a 409', async () => {
    const a = await signedIn(server.url, 'editor');
    const made = await a.post('/admin/articles/new', { ...FORM, title: 'خطوات', slug: 'khtwat' }, { csrf: await a.csrfOf('/admin/articles/new') });
    const id = made.location!.replace('?saved=1', '').split('/').pop()!;
    const step = async (action: string) => a.post(`/admin/articles/${id}/workflow`, { action }, { csrf: await a.csrfOf(`/admin/articles/${id}`) });
    const explode = await step('explode');
    assert.equal(explode.status, 400);
    assert.match(flashOf(explode.text), /^«\u2068explode\u2069» ليست خطوة من خطوات سير العمل: لم يتغير شيء\.$/);
    assert.doesNotMatch(explode.text, /unknown step/);
    assert.equal((await step('constructor')).status, 400);
    assert.equal((await step('unpublish')).status, 409, 'a draft cannot be unpublished: a conflict with its state');
    assert.equal((await store.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'draft');
    await assert.rejects(transition(store, CLI_EDITOR, id, 'explode' as never), (err: unknown) => err instanceof UnknownStepError && err.status === 400 && /unknown step explode: the steps are submit, withdraw, publish, schedule, unpublish/.test(err.message));
  });

  test('the store refuses what no entry point may write: a year before 1000, a language the site lacks, a slug that is a path', async () => {
    const good = makeArticle({ slug: 'hdwd' });
    for (const bad of [{ ...good, published: '0000-01-01' }, { ...good, lang: 'fr' }, { ...good, authors: [{ ...good.authors[0], slug: '../../x' }] }, { ...good, topics: [{ ...good.topics[0], path: '/ar/policy-analysis/../../admin' }] }]) {
      await assert.rejects(store.putArticle(bad), (err: unknown) => err instanceof MizanError && err.code === 'invalid-article', JSON.stringify(bad).slice(0, 120));
    }
    assert.equal(await store.getArticle(good.id), undefined);
  });

  test('the import page refuses a language the site lacks and a date that is no day, naming the file; a slug that is no slug is mended with a warning', async () => {
    const a = await signedIn(server.url, 'editor');
    const upload = async (name: string, text: string) => {
      const form = new FormData();
      form.set('file', new Blob([text], { type: 'text/plain' }), name);
      return a.postMultipart('/admin/import', form, await a.csrfOf('/admin/import'));
    };
    const before = await count();
    const fr = await upload('hello-fr.md', '---\ntitle: Hello\nlang: fr\n---\n\nA paragraph written for this test.\n');
    assert.equal(fr.status, 422);
    assert.match(flashOf(fr.text), /^\u2068hello-fr\.md\u2069: السطر 3: اللغة «\u2068fr\u2069»: ليس من القيم المسموح بها \(المسموح به: \u2068en، ar\u2069\)$/);
    const json = await upload('lang-xx.json', '{"title":"x","lang":"xx"}');
    assert.equal(json.status, 422);
    assert.match(flashOf(json.text), /اللغة «\u2068xx\u2069»/);
    const date = await upload('feb-30.md', '---\ntitle: Thirtieth\nlang: en\ndate: 2023-02-30\n---\n\nA paragraph written for this test.\n');
    assert.equal(date.status, 422);
    assert.match(flashOf(date.text), /feb-30\.md\u2069: السطر 4: تاريخ النشر «\u20682023-02-30\u2069»: ليس تاريخاً حقيقياً/);
    const body = await upload('body.json', '{"title":"Body","lang":"en","body":"not an array"}');
    assert.equal(body.status, 422);
    assert.equal(await count(), before, 'nothing was saved');
    const evil = await upload('evil.json', JSON.stringify({ title: 'Evil slug', lang: 'en', authors: [{ name: '<b>Evil</b>', slug: '../../x' }] }));
    assert.equal(evil.status, 200);
    assert.match(unescape(evil.text), /authors\[0\]\.slug: '\.\.\/\.\.\/x' is not a slug \(letters, digits, - and _\): made 'evil' from the name/);
    const stored = await store.db.selectFrom('articles').select('doc').where('path', '=', '/policy-analysis/evil-slug').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(stored.doc).authors.map((x: { slug: string; path: string }) => [x.slug, x.path]), [['evil', '/experts/evil']]);
  });
});
