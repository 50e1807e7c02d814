/**
 * What several servers on one database rely on, on both engines: the change log names what each write
 * touched (so caches drop only that), a second connection reads it as another server would, and a
 * scheduled article falling due on several servers at once is published exactly once.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { listAudit, publishDue, saveEdit, transition, type Editor } from '../../src/app/index.ts';
import { openStore } from '../../src/store/index.ts';

const editor: Editor = { id: 'u-editor', email: 'editor@example.org', ip: '192.0.2.2', role: 'editor' };

forEachEngine('several servers on one database', (h) => {
  after(() => h.cleanup());

  test('each write is in the change log with what it touched: the article, its translation, terms, experts, listings', async () => {
    const store = await h.open();
    const start = await store.latestChangeId();
    const ar = makeArticle({ lang: 'ar' });
    const en = makeArticle({ lang: 'en' });
    const arId = (await store.putArticle({ ...ar, translations: [{ lang: 'en', path: en.path, exists: false }] })).id;
    const enId = (await store.putArticle({ ...en, translations: [{ lang: 'ar', path: ar.path, exists: false }] })).id;
    // Another server's connection reads what this one wrote.
    const other = await openStore(h.lastTarget());
    try {
      const changes = await other.changesSince(start);
      assert.equal(changes.length, 2);
      const [first, second] = changes;
      assert.ok(first.id < second.id);
      assert.ok(first.tags.includes(`article:${arId}`) && first.tags.includes('list:ar'), first.tags.join(' '));
      assert.ok(first.tags.some((t) => t.startsWith('term:')) && first.tags.some((t) => t.startsWith('expert:')), first.tags.join(' '));
      assert.ok(second.tags.includes(`article:${enId}`) && second.tags.includes(`article:${arId}`), 'the English piece touches its Arabic original');
      assert.ok(!first.tags.includes('*') && !second.tags.includes('*'));
      assert.equal(await other.latestChangeId(), second.id);
      const unchanged = await store.putArticle({ ...ar, translations: [{ lang: 'en', path: en.path, exists: false }] });
      assert.equal(unchanged.status, 'unchanged');
      assert.equal(await other.latestChangeId(), second.id, 'an unchanged save records nothing');
    } finally {
      await other.close();
    }
  });

  test('a scheduled article falling due on two servers at once is published exactly once', async () => {
    const store = await h.open();
    const second = await openStore(h.lastTarget());
    try {
      const { id } = await saveEdit(store, editor, { article: makeArticle({ lang: 'ar' }) });
      const t0 = new Date('2031-03-01T10:00:00Z');
      await transition(store, editor, id, 'schedule', { publishAt: '2031-03-01T12:00:00Z', now: t0 });
      const due = new Date('2031-03-01T12:00:01Z');
      // Both servers check at the same moment, several times over. (Two SQLite connections in one
      // process cannot wait for each other: a blocked connection blocks the thread. They take turns.)
      const checks = [store, second, store, second];
      const runs =
        h.engine === 'postgres'
          ? await Promise.all(checks.map((s) => publishDue(s, due)))
          : await checks.reduce<Promise<string[][]>>(async (done, s) => [...(await done), await publishDue(s, due)], Promise.resolve([]));
      assert.deepEqual(runs.flat(), [id], 'one check published it; the others found it done');
      const published = (await listAudit(store)).filter((e) => e.action === 'article.publish' && e.target === id);
      assert.equal(published.length, 1, 'one publication in the audit log');
    } finally {
      await second.close();
    }
  });
});
