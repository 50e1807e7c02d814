import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { saveArticle, searchArticles, SearchPool, searchWorkersOf } from '../../src/app/index.ts';
import { parseSearchQuery } from '../../src/search/index.ts';

const para = (text: string) => [{ kind: 'paragraph' as const, text, links: [] }];

forEachEngine('searches in worker processes', (engine) => {
  after(() => engine.cleanup());

  test('the pool answers as the server thread would, and sees a write made after it started', async () => {
    const store = await engine.open();
    await saveArticle(store, makeArticle({ slug: 'silah', title: 'صفقات الأسلحة الروسية إلى الجزائر', body: para('اشترت الجزائر أسلحة روسية بمليارات الدولارات، ومنها سلاح جوي حديث.') }));
    await saveArticle(store, makeArticle({ lang: 'en', slug: 'arms', title: 'Russian arms for Algeria', body: para('Algeria bought Russian weapons worth billions; Tebboune visited Moscow.') }));
    const pool = await SearchPool.start({ target: engine.lastTarget(), size: 2 });
    after(() => pool.close());

    for (const q of ['اسلحة', 'سلاح', 'الجزائر', 'Tebboune', 'arms Algeria', 'اسلحه روسيه']) {
      const query = parseSearchQuery({ q, ui: 'ar' });
      assert.deepEqual(await pool.search(query, {}), await searchArticles(store, query), `"${q}": the worker's answer is the server's`);
    }
    const before = await pool.search(parseSearchQuery({ q: 'الزرافات' }), {});
    assert.equal(before.total, 0);
    await saveArticle(store, makeArticle({ slug: 'zarafa', title: 'الزرافات في الصحراء', body: para('تعيش الزرافات بعيدا عن الصحراء الكبرى.') }));
    const found = await pool.search(parseSearchQuery({ q: 'الزرافات' }), {});
    assert.deepEqual(found.hits.map((h) => h.path), ['/ar/policy-analysis/zarafa'], 'a search after a commit finds what it committed');
  });

  test('many searches at once are all answered, each its own', async () => {
    await engine.open();
    const pool = await SearchPool.start({ target: engine.lastTarget(), size: 2 });
    after(() => pool.close());
    const words = ['الجزائر', 'روسيا', 'Algeria', 'سلاح', 'Moscow', 'weapons'];
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => pool.search(parseSearchQuery({ q: words[i % words.length]! }), {})));
    assert.equal(answers.length, 60);
    for (const a of answers) assert.ok(Array.isArray(a.hits));
  });
});

forEachEngine('a search worker that dies', (engine) => {
  after(() => engine.cleanup());

  test('is replaced: the searches it held fail with a 503, the next ones are answered', async () => {
    const store = await engine.open();
    await saveArticle(store, makeArticle({ slug: 'silah', title: 'صفقات الأسلحة', body: para('اشترت الجزائر أسلحة روسية.') }));
    const pool = await SearchPool.start({ target: engine.lastTarget(), size: 1 });
    after(() => pool.close());
    const [pid] = pool.pids();
    process.kill(pid!, 'SIGKILL');
    await assert.rejects(pool.search(parseSearchQuery({ q: 'أسلحة' }), {}), (err: { status?: number }) => err.status === 503);
    let answer;
    for (let i = 0; i < 50 && !answer; i++) {
      answer = await pool.search(parseSearchQuery({ q: 'أسلحة' }), {}).catch(() => undefined);
      if (!answer) await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(answer?.hits.map((h) => h.path), ['/ar/policy-analysis/silah']);
    assert.notEqual(pool.pids()[0], pid, 'a new process took its place');
  });
});

test('a database a worker cannot open is refused at start, with the reason', async () => {
  await assert.rejects(SearchPool.start({ target: { db: '/nonexistent/dir/mizan.db' }, size: 1 }), /could not open the database/);
});

test('MIZAN_SEARCH_WORKERS: a number of threads, 0 for none, anything else refused by name', () => {
  assert.equal(searchWorkersOf('0'), 0);
  assert.equal(searchWorkersOf('3'), 3);
  assert.equal(searchWorkersOf(undefined, 2), 1, 'one core for pages, one for searches');
  assert.equal(searchWorkersOf(undefined, 16), 4);
  assert.throws(() => searchWorkersOf('two'), /MIZAN_SEARCH_WORKERS.*"two"/);
});
