import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { saveArticle, searchArticles } from '../../src/app/index.ts';
import { parseSearchQuery } from '../../src/search/index.ts';

const para = (text: string) => [{ kind: 'paragraph' as const, text, links: [] }];

forEachEngine('search across scripts', (engine) => {
  after(() => engine.cleanup());

  test('a name typed in one script finds articles that write it in the other, ranked below the word typed', async () => {
    const store = await engine.open();
    await saveArticle(store, makeArticle({ slug: 'ziyara', title: 'زيارة مرتقبة إلى موسكو', body: para('أعلن تبون أنه سيزور العاصمة الروسية قريبا.') }));
    await saveArticle(store, makeArticle({ lang: 'en', slug: 'call', title: 'A call between two capitals', body: para('Putin and Tebboune spoke by telephone in January.') }));

    const latin = await searchArticles(store, parseSearchQuery({ q: 'Tebboune' }));
    assert.deepEqual(latin.hits.map((h) => h.path), ['/policy-analysis/call', '/ar/policy-analysis/ziyara']);
    assert.match(latin.hits[1].snippet, /<mark>تبون<\/mark>/);

    const arabic = await searchArticles(store, parseSearchQuery({ q: 'بوتين' }));
    assert.deepEqual(arabic.hits.map((h) => h.path), ['/policy-analysis/call']);

    const both = await searchArticles(store, parseSearchQuery({ q: 'Tebboune telephone' }));
    assert.deepEqual(both.hits.map((h) => h.path), ['/policy-analysis/call'], 'expansion widens a word, never drops another');
  });
});
