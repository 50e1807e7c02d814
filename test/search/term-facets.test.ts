/**
 * Regression (issue 13): a topic, region or expert appeared once per language in the facets
 * ("منافسة القوى العظمى 6" beside "Great Power Competition 4"), each counting only its own language's
 * articles. A facet value is a term: listed once, named and linked in the interface language, counting
 * every translation group that holds it, and a filter by its slug in either language finds the same.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDemo, searchArticles } from '../../src/app/index.ts';
import { parseSearchQuery } from '../../src/search/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';

forEachEngine('facets once per term', (engine) => {
  let store: TestStore;
  const find = (q: Record<string, string>) => searchArticles(store, parseSearchQuery(q));

  before(async () => {
    store = await engine.open();
    await loadDemo(store);
  });
  after(() => engine.cleanup());

  test('each topic, region and expert is one value, named in the interface language', async () => {
    for (const ui of ['ar', 'en']) {
      const r = await find({ q: '', ui });
      for (const facet of ['topic', 'region', 'expert'] as const) {
        const values = r.facets[facet];
        assert.ok(values.length > 0, `${facet} facets`);
        const labels = values.map((v) => v.label);
        assert.equal(new Set(labels).size, labels.length, `${facet} (${ui}): a name listed twice: ${labels}`);
        for (const v of values) assert.ok(v.count <= r.total, `${facet} ${v.label}: ${v.count} of ${r.total} hits`);
      }
      const script = ui === 'ar' ? /[\u0600-\u06FF]/ : /^[\p{Script=Latin}\s&'’-]+$/u;
      for (const v of [...r.facets.topic, ...r.facets.region]) assert.match(v.label!, script, `${v.label} in ${ui}`);
    }
    const ar = await find({ q: '', ui: 'ar' });
    const en = await find({ q: '', ui: 'en' });
    const north = ar.facets.region.find((v) => v.label === 'شمال أفريقيا')!;
    assert.equal(north.value, 'shmal-afryqya', 'the Arabic slug on the Arabic interface');
    assert.equal(north.count, en.facets.region.find((v) => v.label === 'North Africa')!.count);
    assert.equal(north.count, 7, 'the seven demo analyses (each with its translation) are about North Africa');
    assert.equal(ar.facets.region.length, 1);
  });

  test('a filter by a term finds its articles in both languages, whichever slug names it', async () => {
    const byAr = await find({ q: '', region: 'shmal-afryqya', ui: 'ar' });
    const byEn = await find({ q: '', region: 'north-africa', ui: 'ar' });
    assert.equal(byAr.total, byEn.total);
    assert.deepEqual(byAr.hits.map((h) => h.id), byEn.hits.map((h) => h.id));
    assert.deepEqual(byAr.facets.lang.map((f) => f.value).sort(), ['ar', 'en']);
    // The engine's own tag filter (a word query) agrees with the column filter (no words).
    const words = await find({ q: 'روسيا', region: 'north-africa', ui: 'ar' });
    assert.ok(words.total > 0 && words.total <= byEn.total);
    assert.equal(words.total, (await find({ q: 'روسيا', ui: 'ar' })).total);
  });
});
