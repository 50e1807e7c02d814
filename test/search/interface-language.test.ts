/**
 * Regression (issue 13): on /ar/search English analyses came first when relevance was close. The
 * interface language leads near-ties (and picks a translation set's member), a clearly better match in
 * the other language still comes first, and the language facet still offers both languages.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticle } from '../../src/app/index.ts';
import { parseSearchQuery, search } from '../../src/search/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from './fixtures.ts';

// Two untranslated notes with the same few words: relevance is close, only the language differs.
const NOTE_EN = makeArticle({ slug: 'opec-quota-note', lang: 'en', title: 'OPEC quota note', paragraphs: ['OPEC quota talks resumed in Vienna.'], published: '2023-03-01' });
const NOTE_AR = makeArticle({ slug: 'mlahzt-hst-opec', lang: 'ar', title: 'ملاحظة عن حصص OPEC', paragraphs: ['استؤنفت محادثات حصص OPEC في فيينا.'], published: '2023-03-01' });
// A clearly better match in English: the word throughout, in the title and the body.
const STRONG_EN = makeArticle({ slug: 'sahel-gold', lang: 'en', title: 'Gold in the Sahel: gold mines, gold routes', paragraphs: ['Gold, gold and more gold: the gold trade across the Sahel.'], published: '2023-03-01' });
const WEAK_AR = makeArticle({ slug: 'aqtsad-alsahl', lang: 'ar', title: 'اقتصاد الساحل', paragraphs: ['تتعدد موارد المنطقة من الزراعة إلى الرعي والتجارة، ويذكر بعضهم الـgold عرضاً بين سلع كثيرة في تقارير طويلة عن الاقتصاد غير الرسمي.'], published: '2023-03-01' });

forEachEngine('interface language in ranking', (engine) => {
  let store: TestStore;
  const find = (q: string, ui: string, more: Record<string, string> = {}) => search(store, parseSearchQuery({ q, ui, ...more }));

  before(async () => {
    store = await engine.open();
    for (const a of [NOTE_EN, NOTE_AR, STRONG_EN, WEAK_AR]) await saveArticle(store, a);
  });
  after(() => engine.cleanup());

  test('when relevance is close, the interface language comes first', async () => {
    assert.deepEqual((await find('OPEC', 'ar')).hits.map((h) => h.lang), ['ar', 'en']);
    assert.deepEqual((await find('OPEC', 'en')).hits.map((h) => h.lang), ['en', 'ar']);
  });

  test('a clearly better match in the other language still leads', async () => {
    const r = await find('gold', 'ar');
    assert.equal(r.hits[0].id, STRONG_EN.id);
  });

  test('the language filter stays offered, and filters', async () => {
    const r = await find('OPEC', 'ar');
    assert.deepEqual(r.facets.lang.map((f) => f.value).sort(), ['ar', 'en']);
    const en = await find('OPEC', 'ar', { lang: 'en' });
    assert.deepEqual(en.hits.map((h) => h.id), [NOTE_EN.id]);
  });
});
