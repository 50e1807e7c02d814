/**
 * Broken plurals are joined at search time (issue 18): أسلحة finds an article that says only سلاح and
 * رؤساء one that says only رئيس, below an article holding the form typed — on SQLite and PostgreSQL.
 * A join needs both forms in the corpus, and never joins words that only look alike (علم / إعلام).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticle } from '../../src/app/index.ts';
import { parseSearchQuery, search } from '../../src/search/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from './fixtures.ts';

// The singular-only articles are newer, so only the join's lower weight can put the plural's first.
const PLURAL = makeArticle({ slug: 'swq-alaslhh', lang: 'ar', title: 'سوق الأسلحة في المنطقة', paragraphs: ['اشترى الجيش أسلحة جديدة من موردين كثيرين.'], published: '2019-01-10' });
const SINGULAR = makeArticle({ slug: 'slah-jdyd', lang: 'ar', title: 'تقرير عن الإمداد', paragraphs: ['تسلم الجيش سلاحا جديدا هذا الشهر، وهو سلاح متطور.'], published: '2022-01-10' });
const LEADERS = makeArticle({ slug: 'qmh-alrwsaa', lang: 'ar', title: 'قمة الرؤساء', paragraphs: ['اجتمع رؤساء الدول في العاصمة.'], published: '2019-02-10' });
const LEADER = makeArticle({ slug: 'zyarh-alryys', lang: 'ar', title: 'زيارة قصيرة', paragraphs: ['وصل الرئيس إلى العاصمة في زيارة رسمية.'], published: '2022-02-10' });
const SCIENCE = makeArticle({ slug: 'alm-aljmal', lang: 'ar', title: 'مقالة عن التعليم', paragraphs: ['يدرس الطلاب العلم في الجامعة.'], published: '2020-03-10' });
const MEDIA = makeArticle({ slug: 'wsayl-alalam', lang: 'ar', title: 'مقالة أخرى', paragraphs: ['تحدثت وسائل الإعلام عن الانتخابات.'], published: '2020-04-10' });

forEachEngine('broken plurals', (engine) => {
  let store: TestStore;
  const ids = async (q: string) => (await search(store, parseSearchQuery({ q }))).hits.map((h) => h.id);

  before(async () => {
    store = await engine.open();
    for (const a of [PLURAL, SINGULAR, LEADERS, LEADER, SCIENCE, MEDIA]) await saveArticle(store, a);
  });
  after(() => engine.cleanup());

  test('a broken plural finds its singular, and the form typed ranks first', async () => {
    assert.deepEqual(await ids('أسلحة'), [PLURAL.id, SINGULAR.id]);
    assert.deepEqual(await ids('سلاح'), [SINGULAR.id, PLURAL.id]);
    assert.deepEqual(await ids('رؤساء'), [LEADERS.id, LEADER.id]);
    assert.deepEqual(await ids('الرئيس'), [LEADER.id, LEADERS.id]);
  });

  test('the joined form is marked in the snippet', async () => {
    const r = await search(store, parseSearchQuery({ q: 'اسلحه' }));
    const hit = r.hits.find((h) => h.id === SINGULAR.id);
    assert.ok(hit && /<mark>سلاح/.test(hit.snippet), hit?.snippet);
  });

  test('a masdar shaped like a plural is not joined: علم does not find الإعلام', async () => {
    assert.deepEqual(await ids('العلم'), [SCIENCE.id]);
    assert.deepEqual(await ids('الإعلام'), [MEDIA.id]);
  });
});
