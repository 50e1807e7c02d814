import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { forEachEngine } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { readPage } from '../../src/ingest/index.ts';
import { saveArticle, deleteArticle, withCountries, countriesOfAll } from '../../src/app/index.ts';
import { retagAll } from '../../src/app/tag-article.ts';
import { articleEntities, countryKnowledge, decideEntity, relationKnowledge } from '../../src/knowledge/index.ts';
import type { Article } from '../../src/model/index.ts';

const demo = (path: string): Article => readPage({ file: path, bytes: readFileSync(new URL(`../../demo/${path}`, import.meta.url)) }).articles[0];

forEachEngine('knowledge', (engine) => {
  after(() => engine.cleanup());

  test('saving an article tags it: entities, country page, relation page, all from the same transaction', async () => {
    const store = await engine.open();
    const a = demo('en/algeria-and-russia-arms-partnership-under-strain.md');
    const b = demo('ar/aljzayr-wrwsya-shrakt-tslyh-tht-aldght.md');
    await saveArticle(store, a);
    await saveArticle(store, b);
    const entities = await articleEntities(store, a.id);
    assert.deepEqual(entities.slice(0, 2).map((e) => e.id).sort(), ['DZ', 'RU']);
    assert.equal(entities.find((e) => e.id === 'DZ')?.name, 'Algeria');
    const dz = await countryKnowledge(store, 'dz');
    assert.deepEqual(dz.names, { ar: 'الجزائر', en: 'Algeria' });
    assert.deepEqual(dz.articles.map((x) => x.id).sort(), [a.id, b.id].sort());
    assert.ok(dz.events.some((e) => e.date === '2023-06-13' && e.article === a.id && e.path === a.path));
    assert.ok(dz.figures.some((f) => f.unit === 'percent' && f.value === 76 && f.source?.includes('sipri.org')));
    const rel = await relationKnowledge(store, 'ru', 'dz');
    assert.deepEqual(rel.countries, ['DZ', 'RU']);
    assert.ok(rel.events.length >= 2);
    assert.ok(rel.events.every((e) => e.actors.includes('DZ') && e.actors.includes('RU')));
    for (let i = 1; i < rel.events.length; i++) assert.ok(rel.events[i - 1].date <= rel.events[i].date, 'in time order');
  });

  test("the static build's bulk read gives each article the countries its own read gives, after editors' decisions", async () => {
    const store = await engine.open();
    const articles = [demo('ar/aljzayr-wrwsya-shrakt-tslyh-tht-aldght.md'), demo('en/algeria-and-russia-arms-partnership-under-strain.md'), demo('en/morocco-and-algeria-rivalry-rearmed.md')];
    for (const a of articles) await saveArticle(store, a);
    await decideEntity(store, { articleId: articles[2].id, kind: 'country', id: 'ES', status: 'rejected' });
    await decideEntity(store, { articleId: articles[2].id, kind: 'country', id: 'FR', status: 'accepted' });
    const add = await countriesOfAll(store);
    for (const a of articles) {
      const one = (await withCountries(store, a)).countries;
      assert.ok(one.length > 0, `${a.id} has countries`);
      assert.deepEqual(add(a).countries, one, a.id);
    }
    const third = add(articles[2]).countries.map((c) => c.code);
    assert.ok(third.includes('FR') && !third.includes('ES'));
    assert.equal(add(articles[0]).countries.find((c) => c.code === 'DZ')?.name, 'الجزائر');
  });

  test("an editor's rejection is kept across re-tagging and removes the article from that country", async () => {
    const store = await engine.open();
    const a = demo('en/morocco-and-algeria-rivalry-rearmed.md');
    await saveArticle(store, a);
    assert.ok((await countryKnowledge(store, 'es')).articles.length === 1);
    await decideEntity(store, { articleId: a.id, kind: 'country', id: 'ES', status: 'rejected', by: 'editor@example.org' });
    await decideEntity(store, { articleId: a.id, kind: 'country', id: 'FR', status: 'accepted' });
    await saveArticle(store, { ...a, summary: a.summary + ' Updated.' });
    await retagAll(store);
    const entities = await articleEntities(store, a.id);
    assert.ok(!entities.some((e) => e.id === 'ES'));
    assert.equal(entities.find((e) => e.id === 'FR')?.status, 'accepted');
    assert.equal((await articleEntities(store, a.id, { withRejected: true })).find((e) => e.id === 'ES')?.status, 'rejected');
    assert.deepEqual((await countryKnowledge(store, 'es')).articles, []);
    assert.equal((await countryKnowledge(store, 'fr')).articles.length, 1);
  });

  test("a rejected country loses the article's events and figures too, on its own page and its relations", async () => {
    const store = await engine.open();
    const a = makeArticle({ lang: 'en', body: [{ kind: 'paragraph', text: 'In March 2022 Russia and Algeria signed a deal worth 7 billion dollars.', links: [] }] });
    await saveArticle(store, a);
    const before = await countryKnowledge(store, 'ru');
    assert.deepEqual([before.articles.length, before.events.length, before.figures.length], [1, 1, 1]);
    await decideEntity(store, { articleId: a.id, kind: 'country', id: 'RU', status: 'rejected' });
    const ru = await countryKnowledge(store, 'ru');
    assert.deepEqual([ru.articles, ru.events, ru.figures], [[], [], []]);
    assert.deepEqual((await relationKnowledge(store, 'dz', 'ru')).events, []);
    assert.equal((await countryKnowledge(store, 'dz')).events.length, 1, 'the state not rejected keeps it');
  });

  test('deleting an article forgets its tags; unknown codes and articles are not found', async () => {
    const store = await engine.open();
    const a = makeArticle({ lang: 'en', body: [{ kind: 'paragraph', text: 'In March 2022 Russia and Algeria signed a deal.', links: [] }] });
    await saveArticle(store, a);
    assert.equal((await relationKnowledge(store, 'dz', 'ru')).events.length, 1);
    await deleteArticle(store, a.id);
    assert.deepEqual((await relationKnowledge(store, 'dz', 'ru')).events, []);
    await assert.rejects(() => countryKnowledge(store, 'xx'), /no country/);
    await assert.rejects(() => articleEntities(store, 'nope'), /no article/);
  });
});
