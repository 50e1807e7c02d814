/**
 * The site's settings in the admin, over real HTTP on both engines, with the page cache on: only admins
 * reach them; a bad value is refused beside its field in the admin's language and nothing is stored; a
 * saved name and a reordered, extended, shortened menu show on the public pages at once (the cached
 * pages dropped through the change log); a setting set back to the file's value follows the file again.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DEMO_DIR, readSettings, readSiteConfig } from '../../../src/app/index.ts';
import { createWebApp, listen, type Listening } from '../../../src/web/index.ts';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { addAccounts, signedIn } from '../admin-client.ts';
import { fixtureArticles } from '../fixtures.ts';

const base = readSiteConfig(join(DEMO_DIR, 'mizan.config.yaml'));

function mainMenu(html: string): string[] {
  const nav = /<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a href="([^"]+)"(?![^>]*lang-switch)[^>]*>([^<]*)<\/a>/g)].filter((m) => !/class="lang-switch"/.test(m[0])).map((m) => `${m[2]}=${m[1]}`);
}

forEachEngine('admin: site settings and menus', (h) => {
  let store: TestStore;
  let server: Listening;
  let url: string;
  before(async () => {
    store = await h.open();
    await addAccounts(store, ['editor', 'admin']);
    server = await listen(createWebApp({ store, site: base }), { port: 0, host: '127.0.0.1' });
    url = server.url.replace(/\/?$/, '/');
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  test('only admins reach the settings', async () => {
    const ed = await signedIn(server.url, 'editor');
    assert.equal((await ed.get('/admin/settings')).status, 403);
    assert.equal((await ed.get('/admin/settings/menus')).status, 403);
    const admin = await signedIn(server.url, 'admin');
    const page = await admin.get('/admin/settings');
    assert.equal(page.status, 200);
    assert.match(page.text, /إعدادات الموقع/);
    assert.match(page.text, /value="معهد القنطرة لسياسات شمال أفريقيا"/);
  });

  test('bad values are refused beside their fields, in Arabic and English, and nothing is stored', async () => {
    const admin = await signedIn(server.url, 'admin');
    const csrf = await admin.csrfOf('/admin/settings');
    const fields = {
      'name.ar': '',
      'name.en': '',
      email: 'not-an-address',
      accent: 'blue',
      timeZone: 'Mars/Olympus',
      'social.0.network': 'x',
      'social.0.url': 'javascript:alert(1)',
    };
    const ar = await admin.post('/admin/settings', fields, { csrf });
    assert.equal(ar.status, 422);
    assert.match(ar.text, /لم يُحفظ شيء/);
    assert.match(ar.text, /هذا الحقل مطلوب/);
    assert.match(ar.text, /ليس عنوان بريد إلكتروني/);
    assert.match(ar.text, /لون بصيغة/);
    assert.match(ar.text, /منطقة زمنية لا يعرفها ميزان/);
    assert.match(ar.text, /id="f-name-ar" [^>]*aria-invalid="true"/);
    assert.match(ar.text, /value="not-an-address"/, 'what was typed is kept');
    assert.deepEqual(await readSettings(store), {});

    await admin.post('/admin/lang', { lang: 'en' }, { csrf });
    const en = await admin.post('/admin/settings', fields, { csrf });
    assert.equal(en.status, 422);
    assert.match(en.text, /Not an email address/);
    assert.match(en.text, /An address starting with https:\/\//);
    await admin.post('/admin/lang', { lang: 'ar' }, { csrf });
    assert.deepEqual(await readSettings(store), {});
  });

  test('a saved name shows on the cached public pages at once; back to the file value, the file rules again', async () => {
    const before = await fetch(url + 'ar/');
    assert.match(await before.text(), /معهد القنطرة لسياسات شمال أفريقيا/);
    await fetch(url + 'ar/'); // now cached

    const admin = await signedIn(server.url, 'admin');
    const page = await admin.get('/admin/settings');
    const values = Object.fromEntries([...page.text.matchAll(/<input id="[^"]+" type="[^"]+" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&').replace(/&quot;/g, '"')]));
    for (const m of page.text.matchAll(/<select [^>]*name="([^"]+)"[^>]*>[\s\S]*?<option value="([^"]+)" selected/g)) values[m[1]] = m[2];
    assert.equal(values['social.1.network'], 'linkedin');
    assert.equal(values['tagline.en'], base.tagline.en);
    const saved = await admin.post('/admin/settings', { ...values, 'name.ar': 'معهد الجسر للدراسات' }, { csrf: await admin.csrfOf('/admin/settings') });
    assert.equal(saved.status, 303, saved.text.slice(0, 400));
    const stored = await readSettings(store);
    assert.deepEqual(Object.keys(stored), ['name'], 'only what differs from the file is stored');

    const after = await (await fetch(url + 'ar/')).text();
    assert.match(after, /معهد الجسر للدراسات/);
    assert.doesNotMatch(after, /<span class="brand-name">معهد القنطرة/);

    const back = await admin.post('/admin/settings', { ...values }, { csrf: await admin.csrfOf('/admin/settings') });
    assert.equal(back.status, 303);
    assert.deepEqual(await readSettings(store), {});
    assert.match(await (await fetch(url + 'ar/')).text(), /<span class="brand-name">معهد القنطرة لسياسات شمال أفريقيا/);
  });

  test("feeds and citations carry the institute's name, not the software's", async () => {
    for (const [path, name] of [['feed.xml', base.name.en], ['ar/feed.atom', base.name.ar], ['ar/feed.json', base.name.ar]] as const) {
      const body = await (await fetch(url + path)).text();
      assert.ok(body.includes(`${name}:`), `${path} is titled with the institute's name (${name})`);
      assert.doesNotMatch(body, /Mizan:|ميزان:/, `${path} names the software`);
    }
    const article = fixtureArticles().find((a) => a.lang === 'ar')!;
    await store.putArticle(article);
    const ris = await (await fetch(`${url}api/articles/${article.id}/cite?format=ris`)).text();
    assert.match(ris, new RegExp(`^PB  - ${base.name.ar}`, 'm'), ris);
  });

  test('menus: add, move up, remove; the public menu follows in that order', async () => {
    const admin = await signedIn(server.url, 'admin');
    const csrf = await admin.csrfOf('/admin/settings/menus');
    const page = await admin.get('/admin/settings/menus');
    const values = Object.fromEntries([...page.text.matchAll(/name="(menus\.[^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const arItems = base.menus.main.ar!;
    // Add "الفعاليات" in the empty row, then move it up one place.
    const n = arItems.length;
    const added = await admin.post('/admin/settings/menus', { ...values, [`menus.main.ar.${n}.label`]: 'الفعاليات', [`menus.main.ar.${n}.href`]: '/ar/events', op: 'save' }, { csrf });
    assert.equal(added.status, 303, added.text.slice(0, 300));
    let menu = mainMenu(await (await fetch(url + 'ar/')).text());
    assert.equal(menu.at(-1), 'الفعاليات=/ar/events');

    const now = await admin.get('/admin/settings/menus');
    const v2 = Object.fromEntries([...now.text.matchAll(/name="(menus\.[^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const moved = await admin.post('/admin/settings/menus', { ...v2, op: `up.main.ar.${n}` }, { csrf });
    assert.equal(moved.status, 303);
    menu = mainMenu(await (await fetch(url + 'ar/')).text());
    assert.deepEqual(menu.slice(-2), ['الفعاليات=/ar/events', `${arItems[n - 1].label}=${arItems[n - 1].href}`]);

    const v3 = Object.fromEntries([...(await admin.get('/admin/settings/menus')).text.matchAll(/name="(menus\.[^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const removed = await admin.post('/admin/settings/menus', { ...v3, op: 'remove.main.ar.0' }, { csrf });
    assert.equal(removed.status, 303);
    menu = mainMenu(await (await fetch(url + 'ar/')).text());
    assert.equal(menu[0], `${arItems[1].label}=${arItems[1].href}`);
    assert.equal(menu.length, n);
    // The English menu was not touched.
    assert.equal(mainMenu(await (await fetch(url)).text()).length, base.menus.main.en!.length);
  });

  test('a menu target that is neither a site path nor an address is refused beside it', async () => {
    const admin = await signedIn(server.url, 'admin');
    const csrf = await admin.csrfOf('/admin/settings/menus');
    const before = await readSettings(store);
    const r = await admin.post('/admin/settings/menus', { 'menus.main.ar.0.label': 'سيئ', 'menus.main.ar.0.href': 'javascript:alert(1)', 'menus.main.ar.1.label': 'بلا وجهة', op: 'save' }, { csrf });
    assert.equal(r.status, 422);
    assert.match(r.text, /id="f-menus-main-ar-0-href" [^>]*aria-invalid="true"/);
    assert.match(r.text, /مسار في الموقع يبدأ بـ/);
    assert.match(r.text, /id="f-menus-main-ar-1-href" [^>]*aria-invalid="true"/);
    assert.deepEqual(await readSettings(store), before);
  });
});
