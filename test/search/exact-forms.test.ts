/**
 * A word as the reader typed it ranks above the same stem in another form, wherever it stands — in
 * the title (from the heads) and in the body alone (asked of the engine) — on SQLite and PostgreSQL.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticle } from '../../src/app/index.ts';
import { parseSearchQuery, search } from '../../src/search/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from './fixtures.ts';

// Same length, same place; the stem-only one is newer, so only the form as typed can put the other first.
const AS_TYPED_AR = makeArticle({ slug: 'tqryr-awl', lang: 'ar', title: 'تقرير أول عن الإمداد', paragraphs: ['وصلت ذخائر كثيرة إلى الميناء هذا الشهر.'], published: '2019-03-01' });
const OTHER_FORM_AR = makeArticle({ slug: 'tqryr-thany', lang: 'ar', title: 'تقرير ثان عن الإمداد', paragraphs: ['وصلت بالذخائر سفن كثيرة إلى الميناء.'], published: '2021-03-01' });
const AS_TYPED_EN = makeArticle({ slug: 'first-note', lang: 'en', title: 'A first note on supply', paragraphs: ['Several shipments arrived at the port this month.'], published: '2019-03-01' });
const OTHER_FORM_EN = makeArticle({ slug: 'second-note', lang: 'en', title: 'A second note on supply', paragraphs: ['One shipment arrived at the port this month.'], published: '2021-03-01' });

forEachEngine('words as typed', (engine) => {
  let store: TestStore;
  const ids = async (q: string) => (await search(store, parseSearchQuery({ q }))).hits.map((h) => h.id);

  before(async () => {
    store = await engine.open();
    for (const a of [AS_TYPED_AR, OTHER_FORM_AR, AS_TYPED_EN, OTHER_FORM_EN]) await saveArticle(store, a);
  });
  after(() => engine.cleanup());

  test('in the body alone, the form as typed ranks first, in Arabic and English', async () => {
    assert.deepEqual(await ids('ذخائر'), [AS_TYPED_AR.id, OTHER_FORM_AR.id]);
    assert.deepEqual(await ids('بالذخائر'), [OTHER_FORM_AR.id, AS_TYPED_AR.id]);
    assert.deepEqual(await ids('shipments'), [AS_TYPED_EN.id, OTHER_FORM_EN.id]);
    assert.deepEqual(await ids('shipment'), [OTHER_FORM_EN.id, AS_TYPED_EN.id]);
  });
});
