/**
 * Regression (admin audit, item 1): saving "Related items" deleted the imported recommended reading.
 * The seed article arrives with three recommended items: one this site does not hold (Libya), one held
 * at its own address (Iran, stored here for the test), one held only at the address its title gives (the
 * Arabic poll). The editor's multi-select showed none of them as chosen, and saving one article replaced
 * all three; a bogus value answered 303 and emptied the list. Now the panel lists every current item with
 * its own "remove" box, a save adds what was chosen and takes off only what was ticked, and a value that
 * names no article of this site is refused (400, the message beside the field, nothing changed). Over
 * real HTTP, on every engine; the public page's "recommended" box still shows the items after a save.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { saveEdit, transition, type Editor } from '../../src/app/index.ts';
import { articlePath, type Article } from '../../src/model/index.ts';
import { slugify } from '../../src/text/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { seedSkip } from '../support/seed.ts';
import { seedArticle } from './seed-site.ts';
import { addAccounts, signedIn, startServer, type AdminServer, type Client } from './admin-client.ts';

const cli: Editor = { id: null, email: 'cli', ip: null, role: 'admin' };

forEachEngine('related items in the editor', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let seed: Article;
  const ids: Record<string, string> = {};

  before(async () => {
    if (seedSkip) return;
    store = await h.open();
    await addAccounts(store, ['editor']);
    seed = seedArticle()!;
    assert.equal(seed.related.length, 3, 'the seed imports three recommended items');
    const [, iran, poll] = seed.related;
    ids.seed = (await saveEdit(store, cli, { article: seed })).id;
    // Held here: the Iran piece at its own address, the poll at the address its title gives.
    ids.iran = (await saveEdit(store, cli, { article: makeArticle({ lang: 'en', slug: iran!.path!.split('/').pop()!, title: iran!.title }) })).id;
    ids.poll = (await saveEdit(store, cli, { article: makeArticle({ lang: 'ar', slug: slugify(poll!.title), title: poll!.title }) })).id;
    ids.tunisia = (await saveEdit(store, cli, { article: makeArticle({ lang: 'en', slug: 'tunisia-imf-deal-stalled', title: "Tunisia's Stalled IMF Deal and the Months Ahead" }) })).id;
    for (const k of ['seed', 'iran', 'poll', 'tunisia']) await transition(store, cli, ids[k]!, 'publish');
    assert.equal(articlePath('ar', slugify(poll!.title)), (await store.getArticle(ids.poll!))!.path);
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  const edit = () => `/admin/articles/${ids.seed}`;
  const related = async () => (await store.getArticle(ids.seed!))!.related;
  const version = async () => Number((await store.db.selectFrom('articles').select('version').where('id', '=', ids.seed!).executeTakeFirstOrThrow()).version);
  /** The related-items form of the edit page, parsed. */
  async function relatedForm(client: Client) {
    const page = await client.get(edit());
    assert.equal(page.status, 200);
    const form = parseHTML(page.text).document.querySelector(`form[action="${edit()}/related"]`);
    assert.ok(form, 'the edit page has the related-items form');
    return form;
  }
  async function post(client: Client, fields: Record<string, string | string[]>) {
    return client.post(`${edit()}/related`, { version: String(await version()), ...fields }, { csrf: await client.csrfOf(edit()) });
  }

  test('the panel lists every current related item, site articles and outside items alike, each with its own remove box', { skip: seedSkip }, async () => {
    const editor = await signedIn(server.url, 'editor');
    const form = await relatedForm(editor);
    const items = [...form.querySelectorAll('li.related-item')];
    assert.equal(items.length, 3, form.outerHTML.slice(0, 2000));
    for (const [i, r] of seed.related.entries()) {
      assert.ok(items[i]!.textContent!.includes(r.title), `item ${i + 1} shows "${r.title}"`);
      assert.equal(items[i]!.querySelectorAll('input[type=checkbox][name=remove]').length, 1, `item ${i + 1} can be removed`);
    }
    // The two held here lead to their own edit pages; the Libya piece is marked as not on this site.
    assert.equal(items[1]!.querySelector('a')?.getAttribute('href'), `/admin/articles/${ids.iran}`);
    assert.equal(items[2]!.querySelector('a')?.getAttribute('href'), `/admin/articles/${ids.poll}`);
    assert.equal(items[0]!.querySelector('a'), null);
    // What is already related is not offered again; what is not, is.
    const offered = [...form.querySelectorAll('select[name=related] option')].map((o) => o.getAttribute('value'));
    assert.ok(offered.includes(ids.tunisia!), 'an article not yet related is offered');
    for (const k of ['seed', 'iran', 'poll']) assert.ok(!offered.includes(ids[k]!), `${k} is not offered in the select`);
  });

  test('choosing one article keeps the imported recommended reading, and the public box still shows it', { skip: seedSkip }, async () => {
    const editor = await signedIn(server.url, 'editor');
    const before = await related();
    const r = await post(editor, { related: ids.tunisia! });
    assert.equal(r.status, 303, r.text.slice(0, 500));
    const after = await related();
    assert.deepEqual(
      after.map((x) => x.title),
      [...before.map((x) => x.title), "Tunisia's Stalled IMF Deal and the Months Ahead"],
      'the three imported items are kept, the chosen article added after them',
    );
    assert.deepEqual(after.slice(0, 3), before, 'the imported items are kept as they were');
    // Choosing it again adds nothing.
    assert.equal((await post(editor, { related: ids.tunisia! })).status, 303);
    assert.equal((await related()).length, 4);
    const page = parseHTML((await editor.get(seed.path)).text).document;
    // The public page sets typographic apostrophes ("Iran’s").
    const shown = [...page.querySelectorAll('.recommended > li')].map((li) => li.textContent!.replace(/\u2019/g, "'"));
    for (const r of seed.related) assert.ok(shown.some((t) => t.includes(r.title)), `the public page still recommends "${r.title}": ${JSON.stringify(shown)}`);
  });

  test('an item is removed only when its own box is ticked', { skip: seedSkip }, async () => {
    const editor = await signedIn(server.url, 'editor');
    const form = await relatedForm(editor);
    const libya = [...form.querySelectorAll('li.related-item')].find((li) => li.textContent!.includes('Libya'))!;
    const key = libya.querySelector('input[name=remove]')!.getAttribute('value')!;
    const before = await related();
    const r = await post(editor, { remove: key });
    assert.equal(r.status, 303, r.text.slice(0, 500));
    assert.deepEqual(await related(), before.filter((x) => !x.title.startsWith('Libya')));
    // A box for an item already gone (another tab removed it) changes nothing more.
    assert.equal((await post(editor, { remove: key })).status, 303);
    assert.equal((await related()).length, before.length - 1);
  });

  test('a value that names no article of this site is refused: 400, the message beside the field, nothing changed', { skip: seedSkip }, async () => {
    const editor = await signedIn(server.url, 'editor');
    for (const bogus of ['../../x', 'ffffffffffffffff', ids.seed!]) {
      const was = { related: await related(), version: await version() };
      const r = await post(editor, { related: [ids.tunisia!, bogus] });
      assert.equal(r.status, 400, `${bogus}: ${r.status}`);
      const doc = parseHTML(r.text).document;
      const select = doc.querySelector('select[name=related]')!;
      assert.equal(select.getAttribute('aria-invalid'), 'true');
      const err = doc.getElementById(select.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-err'))!)!;
      assert.ok(err && err.classList.contains('field-error'), 'the message sits beside the field');
      assert.match(err.textContent!, /[\u0600-\u06ff]/, 'in the admin’s language (Arabic)');
      assert.ok(select.closest('form')!.contains(err), 'inside the related-items form');
      assert.deepEqual({ related: await related(), version: await version() }, was, `${bogus}: nothing changed`);
    }
  });
});
