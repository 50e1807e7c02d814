/**
 * The translators' queue (issue 16): an Arabic article with no English translation offers, in the
 * "Translations needed into English" queue, the article page's own "create translation" action (its
 * route, its ownership rule): to an editor for every article; to an author only for an article they may
 * change. Used from the queue, it makes the linked English draft, opens it in the side-by-side view,
 * and the article leaves the queue. Over real HTTP on every engine, the admin in Arabic first.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLI_EDITOR, nameOnArticle, saveEdit } from '../../src/app/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { addAccounts, signedIn, startServer, type AdminServer } from './admin-client.ts';

/** The create-translation forms in the queue for `into`: the article ids they act on. */
function createForms(page: string, into: string): string[] {
  const section = new RegExp(`<section class="queue" data-lang="${into}">([\\s\\S]*?)</section>`).exec(page)?.[1] ?? '';
  return [...section.matchAll(/<form method="post" action="\/admin\/articles\/([^/"]+)\/create-translation"[^>]*>[\s\S]*?<input type="hidden" name="lang" value="([a-z]+)"/g)].map((m) => {
    assert.equal(m[2], into, 'the form asks for the queue’s language');
    return m[1];
  });
}

forEachEngine('the translations-needed queue offers "create translation"', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let mine = '';
  let theirs = '';
  let third = '';

  before(async () => {
    store = await h.open();
    await addAccounts(store);
    mine = (await saveEdit(store, CLI_EDITOR, { article: makeArticle({ slug: 'almawani-fi-alsahil', title: 'الموانئ على الساحل' }) })).id;
    theirs = (await saveEdit(store, CLI_EDITOR, { article: makeArticle({ slug: 'alqamh-wal-asaar', title: 'القمح والأسعار' }) })).id;
    third = (await saveEdit(store, CLI_EDITOR, { article: makeArticle({ slug: 'alghaz-wal-kahraba', title: 'الغاز والكهرباء' }) })).id;
    const author = await store.db.selectFrom('users' as never).select('id' as never).where('email' as never, '=', 'author@example.org' as never).executeTakeFirstOrThrow();
    await nameOnArticle(store, CLI_EDITOR, mine, (author as { id: string }).id);
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  test('an editor is offered it for every article lacking the language, in Arabic; it makes the draft and opens it beside its source', async () => {
    const editor = await signedIn(server.url, 'editor');
    const queue = await editor.get('/admin/translations?lang=en');
    assert.equal(queue.status, 200);
    assert.match(queue.text, /<html lang="ar" dir="rtl">/);
    assert.deepEqual(createForms(queue.text, 'en').sort(), [mine, theirs, third].sort());
    assert.match(queue.text, />أنشئ الترجمة الإنجليزية</);
    // Nothing to create into Arabic: both articles are Arabic.
    assert.deepEqual(createForms((await editor.get('/admin/translations?lang=ar')).text, 'ar'), []);

    const csrf = /name="_csrf" value="([^"]+)"/.exec(queue.text)![1];
    const made = await editor.post(`/admin/articles/${theirs}/create-translation`, { lang: 'en' }, { csrf });
    assert.equal(made.status, 303, made.text.slice(0, 300));
    const draftId = /^\/admin\/articles\/([^/]+)\/translate$/.exec(made.location ?? '')?.[1];
    assert.ok(draftId, `opens the side-by-side view: ${made.location}`);
    const draft = (await store.getArticle(draftId))!;
    assert.equal(draft.lang, 'en');
    assert.deepEqual(
      (await store.getArticle(theirs))!.translations.map((t) => t.lang),
      ['en'],
      'the source is linked to its new translation',
    );
    const side = await editor.get(made.location!);
    assert.equal(side.status, 200);

    const after = await editor.get('/admin/translations?lang=en');
    assert.deepEqual(createForms(after.text, 'en').sort(), [mine, third].sort(), 'the translated article left the queue');
  });

  test('an author is offered it only for the article they may change; the route refuses the other', async () => {
    const author = await signedIn(server.url, 'author');
    const queue = await author.get('/admin/translations?lang=en');
    assert.equal(queue.status, 200);
    assert.deepEqual(createForms(queue.text, 'en'), [mine]);

    const csrf = /name="_csrf" value="([^"]+)"/.exec(queue.text)![1];
    // A form forged for an article the author may not change: refused, nothing made.
    const count = async () => (await store.db.selectFrom('articles').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = Number(await count());
    const refused = await author.post(`/admin/articles/${third}/create-translation`, { lang: 'en' }, { csrf });
    assert.equal(refused.status, 403);
    assert.equal(Number(await count()), before, 'no draft made');

    const made = await author.post(`/admin/articles/${mine}/create-translation`, { lang: 'en' }, { csrf });
    assert.equal(made.status, 303, made.text.slice(0, 300));
    assert.match(made.location ?? '', /^\/admin\/articles\/[^/]+\/translate$/);
    assert.deepEqual(createForms((await author.get('/admin/translations?lang=en')).text, 'en'), []);
  });
});
