/**
 * The search suite, run on SQLite and PostgreSQL alike: what a reader typing Arabic or English
 * notices — variants found, exact forms first, phrases, exclusions, facets, translations as one hit,
 * and hostile input answered without a database error.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteArticle, saveArticle } from '../../src/app/index.ts';
import { MizanError } from '../../src/lib/index.ts';
import { indexArticles, parseSearchQuery, reindexAll, search, type SearchResponse } from '../../src/search/index.ts';
import { FIELDS, searchDoc } from '../../src/search/search-doc.ts';
import { searchDb } from '../../src/search/tables.ts';
import { documentCounts } from '../../src/search/vocabulary.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { ARMS_AR, ARMS_EN, BODY_WORD, CORPUS, ELECTION_EN, ELECTIONS_EN, EXACT_AR, GAS_EN, makeArticle, STEM_AR, TITLE_WORD, TRADE_AR } from './fixtures.ts';

const ids = (r: SearchResponse) => r.hits.map((h) => h.id);
/** Every article id a response shows, hits and their translations. */
const allIds = (r: SearchResponse) => r.hits.flatMap((h) => [h.id, ...h.translations.map((t) => t.id)]);

forEachEngine('search', (engine) => {
  let store: TestStore;
  const find = (q: string, more: Record<string, string> = {}) => search(store, parseSearchQuery({ q, ...more }));

  before(async () => {
    store = await engine.open();
    for (const a of CORPUS) await saveArticle(store, a);
  });
  after(() => engine.cleanup());

  test('hamza-less اسلحة finds أسلحة, الأسلحة and بالأسلحة', async () => {
    const r = await find('اسلحة');
    for (const a of [EXACT_AR, STEM_AR, ARMS_AR]) assert.ok(allIds(r).includes(a.id), `${a.title} missing`);
    const arms = r.hits.find((h) => h.id === ARMS_AR.id)!;
    assert.match(arms.snippet, /<mark>(بالأسلحة|الأسلحة)<\/mark>/, 'the original spelling is what gets marked');
  });

  test('ه for ة: الجزائريه finds الجزائرية', async () => {
    const r = await find('الجزائريه');
    assert.ok(allIds(r).includes(ARMS_AR.id));
    assert.match(r.hits.find((h) => h.id === ARMS_AR.id)!.snippet, /<mark>الجزائرية<\/mark>/);
  });

  test('with و and ال: والعلاقات finds العلاقات', async () => {
    const r = await find('والعلاقات');
    assert.ok(allIds(r).includes(TRADE_AR.id));
    assert.ok(allIds(r).includes(ARMS_AR.id));
  });

  test('English stems: "exporting" finds "exports"', async () => {
    const r = await find('exporting');
    assert.deepEqual(ids(r), [GAS_EN.id]);
  });

  test('an exact form ranks above a stem-only match, in both languages', async () => {
    const ar = ids(await find('أسلحة'));
    assert.ok(ar.indexOf(EXACT_AR.id) < ar.indexOf(STEM_AR.id), 'أسلحة before الأسلحة');
    const ar2 = ids(await find('الأسلحة'));
    assert.ok(ar2.indexOf(STEM_AR.id) < ar2.indexOf(EXACT_AR.id), 'الأسلحة before أسلحة');
    const en = ids(await find('elections'));
    assert.deepEqual(en.slice(0, 2), [ELECTIONS_EN.id, ELECTION_EN.id]);
    const en2 = ids(await find('election'));
    assert.deepEqual(en2.slice(0, 2), [ELECTION_EN.id, ELECTIONS_EN.id]);
  });

  test('a title match ranks above a body match, even when the body match is newer', async () => {
    const r = ids(await find('Sahara'));
    assert.deepEqual(r, [TITLE_WORD.id, BODY_WORD.id]);
  });

  test('all words must match; when none holds them all, any word matches, with a notice', async () => {
    const both = await find('natural Mediterranean');
    assert.deepEqual(ids(both), [GAS_EN.id]);
    assert.equal(both.notice, undefined);
    const none = await find('Sahara pipelines');
    assert.deepEqual(new Set(ids(none)), new Set([TITLE_WORD.id, BODY_WORD.id, GAS_EN.id]));
    assert.ok(none.notice && /some of them/.test(none.notice));
  });

  test('phrases match words in order', async () => {
    assert.deepEqual(ids(await find('"natural gas"')), [GAS_EN.id]);
    assert.equal((await find('"gas natural"')).total, 0);
    assert.ok(allIds(await find('"الغاز الطبيعي"')).includes(TRADE_AR.id));
    assert.deepEqual(ids(await find('"carry natural gas north"')), [GAS_EN.id], 'four words in a row');
    assert.equal((await find('"carry gas north"')).total, 0, 'every pair in a row, not only the words');
    assert.equal((await find('"europe demand"')).total, 0, 'never across two fields (title, then summary)');
  });

  test('-exclusion removes articles holding the word', async () => {
    assert.equal((await find('Tunisia')).total, 2);
    assert.equal((await find('Tunisia -elections')).total, 0, 'election and elections share a stem');
    const r2 = await find('Europe -pipelines');
    assert.ok(!allIds(r2).includes(GAS_EN.id));
  });

  test('OR takes either word', async () => {
    const r = await find('Sahara OR Tunisia');
    assert.deepEqual(new Set(ids(r)), new Set([TITLE_WORD.id, BODY_WORD.id, ELECTIONS_EN.id, ELECTION_EN.id]));
  });

  test('an article and its translation are one hit, showing both languages', async () => {
    const r = await find('Algeria');
    const hit = r.hits.find((h) => h.id === ARMS_EN.id || h.id === ARMS_AR.id)!;
    assert.ok(hit);
    const langs = [hit.lang, ...hit.translations.map((t) => t.lang)].sort();
    assert.deepEqual(langs, ['ar', 'en']);
    assert.equal(r.hits.filter((h) => h.id === ARMS_EN.id || h.id === ARMS_AR.id).length, 1);
    assert.equal(r.total, r.hits.length);
  });

  test('Arabic and English in one query', async () => {
    const r = await find('روسيا weapons');
    assert.equal(r.hits[0]?.id === ARMS_AR.id || r.hits[0]?.id === ARMS_EN.id, true);
    assert.equal(r.total, 1);
  });

  test('a query of stop words only still finds articles', async () => {
    assert.ok((await find('the')).total > 0);
    assert.ok((await find('مع')).total > 0);
  });

  test('typo tolerance: one edit in a word of 5+ letters', async () => {
    assert.deepEqual(ids(await find('Mediteranean')), [GAS_EN.id]);
    assert.ok(allIds(await find('الحكومت')).includes(ARMS_AR.id));
    assert.equal((await find('gass')).total, 0, 'four letters: no typo tolerance');
    const tunisia = await find('Tunisa');
    assert.deepEqual(new Set(ids(tunisia)), new Set([ELECTIONS_EN.id, ELECTION_EN.id]));
    assert.equal((await find('ا'.repeat(300))).total, 0, 'a 300-letter word is no typo: answered at once, with nothing');
  });

  test('facets count hits per value, and filters narrow them', async () => {
    const all = await find('');
    assert.equal(all.total, CORPUS.length - 1, 'the translated pair counts once');
    const langs = Object.fromEntries(all.facets.lang.map((f) => [f.value, f.count]));
    assert.deepEqual(langs, { ar: 4, en: 6 });
    const dz = all.facets.country.find((f) => f.value === 'DZ')!;
    assert.equal(dz.count, 2);
    const filtered = await find('', { country: 'dz' });
    assert.equal(filtered.total, 2);
    const ar = await find('', { lang: 'ar', type: 'policy-analysis' });
    assert.deepEqual(ids(ar), [TRADE_AR.id]);
    const y = await find('', { year: '2022' });
    assert.deepEqual(ids(y), [GAS_EN.id]);
    const range = await find('', { from: '2023-01', to: '2023-12-31' });
    assert.equal(range.total, 1);
    const topic = await find('', { topic: 'economy' });
    assert.deepEqual(ids(topic), [GAS_EN.id]);
    const expert = await find('', { expert: 'layla-hsn' });
    assert.deepEqual(allIds(expert).sort(), [ARMS_AR.id, ARMS_EN.id].sort());
  });

  test('sort by date and paging', async () => {
    const r = await find('', { sort: 'date', size: '3' });
    assert.equal(r.hits.length, 3);
    assert.equal(r.hits[0].id, BODY_WORD.id);
    assert.ok([ARMS_AR.id, ARMS_EN.id].includes(r.hits[1].id));
    assert.equal(r.hits[2].id, GAS_EN.id);
    const p2 = await find('', { sort: 'date', size: '3', page: '2' });
    assert.equal(p2.hits.length, 3);
    assert.ok(!ids(p2).some((id) => ids(r).includes(id)));
  });

  test('snippets mark the original text and escape the rest', async () => {
    const r = await find('prices');
    assert.equal(r.hits.length, 1);
    assert.ok(r.hits[0].snippet.includes('<mark>prices</mark>'));
    assert.ok(r.hits[0].snippet.includes('&lt;b&gt;fell&lt;/b&gt; &amp; rose'));
  });

  test('hostile input gives results or a 400, never a database error', async () => {
    const inputs = ['"', '"unbalanced quote', '***', 'NEAR(a b)', 'a:b', '100%', '(((', '^x', 'title:gas', '- -- ---', 'OR', 'OR OR', '"" ""', "'; drop table search_doc; --", '\\', '{title}: x', 'ا'.repeat(300), 'الجزائر '.repeat(60)];
    for (const q of inputs) {
      const r = await find(q);
      assert.ok(Array.isArray(r.hits), q);
    }
    assert.throws(() => parseSearchQuery({ q: 'x'.repeat(10_240) }), (e: unknown) => e instanceof MizanError && e.status === 400 && /too long/.test(e.message));
    assert.throws(() => parseSearchQuery({ q: 'x', page: '0' }), (e: unknown) => e instanceof MizanError && e.status === 400);
    assert.throws(() => parseSearchQuery({ q: 'x', type: 'nonsense' }), (e: unknown) => e instanceof MizanError && /type/.test(e.message));
    assert.ok((await find('-روسيا')).total > 0, 'only an exclusion: everything else');
  });

  test('a deleted article leaves the index; an edit is found under its new words; reindex rebuilds', async () => {
    const s = await engine.open();
    const a = makeArticle({ slug: 'tmp', lang: 'en', title: 'Phosphate mining', paragraphs: ['Mines in the south.'], published: '2020-02-02' });
    await saveArticle(s, a);
    assert.equal((await search(s, parseSearchQuery({ q: 'phosphate' }))).total, 1);
    await saveArticle(s, { ...a, title: 'Copper mining' });
    assert.equal((await search(s, parseSearchQuery({ q: 'phosphate' }))).total, 0);
    assert.equal((await search(s, parseSearchQuery({ q: 'copper' }))).total, 1);
    assert.equal(await reindexAll(s), 1);
    assert.equal((await search(s, parseSearchQuery({ q: 'copper' }))).total, 1);
    await deleteArticle(s, a.id);
    assert.equal((await search(s, parseSearchQuery({ q: 'copper' }))).total, 0);
  });

  test('a batch indexed in one go answers as article-by-article indexing does, and counts each word once per article', async () => {
    const s = await engine.open();
    assert.equal(await indexArticles(s, CORPUS), CORPUS.length);
    for (const q of ['اسلحة', 'الجزائر روسيا', 'gas', '"عقوداً جديدة"', 'exporting -gas']) {
      const [batch, single] = [await search(s, parseSearchQuery({ q })), await find(q)];
      assert.deepEqual(ids(batch), ids(single), q);
      assert.equal(batch.total, single.total, q);
    }
    const stem = 'جزاير'; // الجزائر as the analyzer stems it
    const holding = CORPUS.filter((a) => FIELDS.some((f) => searchDoc(a).fields[f].stems.includes(stem))).length;
    assert.ok(holding > 1, 'several articles hold the word');
    assert.equal((await documentCounts(searchDb(s), [stem])).get(stem), holding);
  });

  test('an article with a 1,500-letter "word", and a 200,000-word testimony, are saved and found', async () => {
    const s = await engine.open();
    const run = 'ب'.repeat(1500); // over PostgreSQL's 2,046 bytes for one lexeme
    const odd = makeArticle({ slug: 'klmt-twylt', lang: 'ar', title: 'نص بكلمة طويلة', paragraphs: [`${run} ${run}x ثم نص عادي`], published: '2021-01-01' });
    // 60,000 distinct words: over the 1 MB a PostgreSQL tsvector may take.
    const word = (i: number) => 'w' + i.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]);
    const paragraphs = Array.from({ length: 2000 }, (_, p) => Array.from({ length: 100 }, (_, k) => word((p * 7919 + k * 104729) % 60000)).join(' ') + '.');
    const huge = makeArticle({ slug: 'long-testimony', lang: 'en', title: 'A very long testimony', paragraphs, published: '2021-02-01', authors: [['jane-roe', 'Jane Roe']] });
    await saveArticle(s, odd);
    await saveArticle(s, huge);
    assert.deepEqual(ids(await search(s, parseSearchQuery({ q: 'عادي' }))), [odd.id]);
    assert.deepEqual(ids(await search(s, parseSearchQuery({ q: 'testimony' }))), [huge.id]);
    assert.deepEqual(ids(await search(s, parseSearchQuery({ q: 'Roe' }))), [huge.id], 'names are kept first');
    assert.deepEqual(ids(await search(s, parseSearchQuery({ q: `"${paragraphs[0].split(' ').slice(0, 3).join(' ')}"` }))), [huge.id], 'its opening as a phrase');
  });
});
