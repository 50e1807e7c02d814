/**
 * Regression: the country filter never matched. `/api/articles/<id>` listed the seed's countries (DZ, RU,
 * US, UA: the knowledge layer tags them after the page is read, since the page lists none), but the
 * search index wrote its country tags from the page's own list, before the tags existed, so `country=DZ`
 * found nothing, `facets.country` stayed empty, `mizan reindex` did not help, and `mizan import --json`
 * reported `"countries": []`. Now the index and the import report take the countries readers see. On
 * SQLite and PostgreSQL.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { CLI_EDITOR, decideSuggestion, importFiles, reindex, searchArticles, withCountries } from '../../src/app/index.ts';
import { parseSearchQuery } from '../../src/search/index.ts';
import { forEachEngine } from '../support/engines.ts';
import { SEED_FILE, seedSkip } from '../support/seed.ts';

/** The countries the API gives for the seed (article-countries.ts): the page lists none. */
const SEED_COUNTRIES = ['DZ', 'RU', 'US', 'UA'];

forEachEngine('country facet and filter', (engine) => {
  after(() => engine.cleanup());

  test('an imported seed is found by country=DZ (or dz), listed in the facet with a label, after the import and after a reindex', { skip: seedSkip }, async () => {
    const store = await engine.open();
    const report = await importFiles(store, [SEED_FILE]);
    const id = report.files[0].articles[0];
    const shown = (await withCountries(store, (await store.getArticle(id))!)).countries;
    assert.deepEqual(shown.map((c) => c.code).sort(), [...SEED_COUNTRIES].sort(), 'what /api/articles/:id lists');
    assert.deepEqual(report.articles[0].countries, shown, 'import --json reports the countries the article ends up with');

    const byCountry = async (country: string, ui = 'ar') => searchArticles(store, parseSearchQuery({ q: '', country, ui }));
    const check = async (when: string) => {
      for (const code of ['DZ', 'dz', 'UA']) {
        const r = await byCountry(code);
        assert.deepEqual(r.hits.map((h) => h.id), [id], `${when}: country=${code}`);
      }
      assert.equal((await byCountry('FR')).total, 0, `${when}: a country the seed is not about`);
      const all = await searchArticles(store, parseSearchQuery({ q: '', ui: 'ar' }));
      const dz = all.facets.country.find((f) => f.value === 'DZ');
      assert.ok(dz && dz.count === 1, `${when}: ${JSON.stringify(all.facets.country)}`);
      assert.equal(dz.label, 'الجزائر', `${when}: the facet names DZ in the interface language`);
      assert.deepEqual(all.facets.country.map((f) => f.value).sort(), [...SEED_COUNTRIES].sort(), when);
      const words = await searchArticles(store, parseSearchQuery({ q: 'الجزاير', country: 'RU' }));
      assert.deepEqual(words.hits.map((h) => h.id), [id], `${when}: words and a country together`);
    };
    await check('after the import');
    assert.equal(await reindex(store), 1);
    await check('after a reindex');
    // On PostgreSQL the tags are rebuilt on a thread of their own, beside the index: lost tags come back
    // there, and the articles whose countries moved are indexed again once both are done.
    await sql`delete from knowledge_entity`.execute(store.db);
    assert.equal(await reindex(store, { target: engine.lastTarget() }), 1);
    await check('after a reindex that found the tags again');
  });

  test('an editor rejecting a country takes the article out of that country’s results, accepting it back puts it in', { skip: seedSkip }, async () => {
    const store = await engine.open();
    const id = (await importFiles(store, [SEED_FILE])).files[0].articles[0];
    const ua = async () => (await searchArticles(store, parseSearchQuery({ q: '', country: 'UA' }))).total;
    assert.equal(await ua(), 1);
    await decideSuggestion(store, CLI_EDITOR, { articleId: id, kind: 'country', id: 'UA', status: 'rejected' });
    assert.equal(await ua(), 0);
    await decideSuggestion(store, CLI_EDITOR, { articleId: id, kind: 'country', id: 'UA', status: 'accepted' });
    assert.equal(await ua(), 1);
  });

  test('a dry run reports the countries too, and stores nothing', { skip: seedSkip }, async () => {
    const store = await engine.open();
    const report = await importFiles(store, [SEED_FILE], { dryRun: true });
    assert.deepEqual(report.articles[0].countries.map((c) => c.code).sort(), [...SEED_COUNTRIES].sort());
    assert.equal(await store.countArticles(), 0);
  });
});
