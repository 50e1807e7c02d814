/**
 * Statements never exceed the engine's limit of bound values (issue: an upload answered 500 with "too
 * many SQL variables"): a long report's thousands of figures and events are stored in slices, on both
 * engines.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveTags, type Event, type Figure } from '../../src/knowledge/index.ts';
import { chunksOf, SQL_VALUES } from '../../src/store/index.ts';
import { forEachEngine } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';

test('chunksOf keeps each slice under the limit of bound values', () => {
  const rows = Array.from({ length: 25_001 }, (_, i) => i);
  const parts = chunksOf(rows, 12);
  assert.ok(parts.every((p) => p.length * 12 <= SQL_VALUES));
  assert.deepEqual(parts.flat(), rows);
  assert.deepEqual(chunksOf([]), []);
});

forEachEngine('statements within the engine limits', (h) => {
  after(() => h.cleanup());

  test('6,000 figures and events of one article are stored whole', async () => {
    const store = await h.open();
    const article = makeArticle({ slug: 'tqryr-twyl' });
    await store.putArticle(article);
    const figures: Figure[] = Array.from({ length: 6000 }, (_, i) => ({ value: i, unit: 'percent', measure: 'نسبة', period: null, actors: ['DZ'], article: article.id, block: 0, offsets: [0, 1], source: null, text: `${i}%`, approximate: false }));
    const events: Event[] = Array.from({ length: 6000 }, (_, i) => ({ date: '2023-05', precision: 'month', actors: ['DZ', 'RU'], label: `حدث ${i}`, article: article.id, block: 0, offsets: [0, 1], sources: [], entities: ['DZ'] }));
    const entities = Array.from({ length: 9000 }, (_, i) => ({ kind: 'person' as const, id: `p${i}`, salience: 0.5 }));
    await saveTags(store, article.id, { entities, events, figures } as Parameters<typeof saveTags>[2]);
    const count = async (table: string) => Number((await store.db.selectFrom(table as 'articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(await count('knowledge_figure'), 6000);
    assert.equal(await count('knowledge_event'), 6000);
    assert.equal(await count('knowledge_entity'), 9000);
  });
});
