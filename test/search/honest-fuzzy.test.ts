/**
 * Honest typo correction (issue 18): a correction is used only for a word the index does not know, only
 * towards a known, frequent word that is no stop word and no fragment, and always with a notice naming
 * the correction and the query as typed; `verbatim` turns it off. On SQLite and PostgreSQL.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticle } from '../../src/app/index.ts';
import { parseSearchQuery, search } from '../../src/search/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from './fixtures.ts';

const VISIT = makeArticle({ slug: 'zyarh-mrtqbh', lang: 'ar', title: 'زيارة مرتقبة', paragraphs: ['قد يزور الرئيس موسكو قريبا، وقد تبحث الزيارة صفقات جديدة.'], published: '2023-05-18' });
const PRESIDENCY = makeArticle({ slug: 'alryash', lang: 'ar', title: 'الرئاسة والحكومة', paragraphs: ['أعلنت الرئاسة تعديلا في الحكومة.'], published: '2023-01-10' });
const WINDS = makeArticle({ slug: 'alryah', lang: 'ar', title: 'رياح الصحراء', paragraphs: ['هبت رياح قوية على الساحل، والرياح تحمل الرمال.'], published: '2022-03-01' });
const ELECTIONS = makeArticle({ slug: 'alantkhabat', lang: 'ar', title: 'الانتخابات المقبلة', paragraphs: ['تستعد البلاد للانتخابات في الخريف.'], published: '2022-09-01' });

forEachEngine('honest typo correction', (engine) => {
  let store: TestStore;
  const find = (q: string, extra: Record<string, string> = {}) => search(store, parseSearchQuery({ q, ...extra }));

  before(async () => {
    store = await engine.open();
    for (const a of [VISIT, PRESIDENCY, ELECTIONS, WINDS]) await saveArticle(store, a);
  });
  after(() => engine.cleanup());

  test('كرة القدم never finds an article through the function word قد', async () => {
    const r = await find('كرة القدم');
    assert.ok(!r.hits.some((h) => h.id === VISIT.id), JSON.stringify(r.hits.map((h) => h.title)));
  });

  test('رياضة does not silently return an article about the presidency', async () => {
    const r = await find('رياضة');
    assert.ok(r.total === 0 || r.notice, `${r.total} hits and no notice`);
  });

  test('a correction is a word: the typed ta marbuta does not stay on another stem (رياضة → رياح, never «رياحه»)', async () => {
    const r = await find('رياضة');
    assert.ok(r.correction, 'رياضة is unknown here and رياح one letter away');
    assert.equal(r.correction.query, 'رياح');
    // Since a seat folds to its letter, الرئاسة is الرياسة to the index: one letter from رياضة too, and
    // as frequent here as رياح, so it is the other candidate (always behind the notice).
    assert.ok(r.hits.some((h) => h.id === WINDS.id));
    assert.deepEqual(r.hits.map((h) => h.id).filter((id) => id !== WINDS.id && id !== PRESIDENCY.id), []);
  });

  test('a correction is shown with the query as typed, in the interface language, and verbatim turns it off', async () => {
    const en = await find('الانتخبات');
    assert.deepEqual(en.hits.map((h) => h.id), [ELECTIONS.id]);
    assert.ok(en.correction && en.correction.original === 'الانتخبات' && en.correction.query !== 'الانتخبات', JSON.stringify(en.correction));
    assert.match(en.notice ?? '', /^Showing results for “.+”\. Search instead for “الانتخبات”\.$/);
    const ar = await find('الانتخبات', { ui: 'ar' });
    assert.match(ar.notice ?? '', /^تُعرض نتائج «.+»\. ابحث بدلاً من ذلك عن «الانتخبات»\.$/);
    const verbatim = await find('الانتخبات', { verbatim: '1' });
    assert.equal(verbatim.total, 0);
    assert.equal(verbatim.correction, undefined);
  });

  test('a word the index knows is never corrected', async () => {
    const r = await find('الرئاسة');
    assert.deepEqual(r.hits.map((h) => h.id), [PRESIDENCY.id]);
    assert.equal(r.correction, undefined);
    assert.equal(r.notice, undefined);
  });
});
