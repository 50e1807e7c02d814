/**
 * The body as the rich-text editor posts it (Article blocks in JSON), over real HTTP on every engine:
 * hostile markup and addresses are sanitized on the server whatever the client did, malformed JSON is
 * refused naming what is wrong with the writer's words kept, a 50,000-word body saves, and the Markdown
 * mode converts both ways through the importer's own reader.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { addAccounts, signedIn, startServer, type AdminServer } from '../admin-client.ts';

const FORM = { lang: 'ar', type: 'policy-analysis', summary: '', published: '', seriesName: '', seriesNumber: '', authors: '', topics: '', regions: '', note: '', version: '', body: '' };

forEachEngine('the editor body as JSON', (h) => {
  let store: TestStore;
  let server: AdminServer;
  before(async () => {
    store = await h.open();
    await addAccounts(store, ['editor']);
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  test('scripts, event handlers and javascript: links posted as blocks are never stored', async () => {
    const a = await signedIn(server.url, 'editor');
    const blocks = [
      { kind: 'paragraph', text: 'نص <script>alert(1)</script>آمن <img src=x onerror=alert(1)>', links: [{ text: 'نص', url: 'javascript:alert(1)', start: 0, end: 2 }] },
      { kind: 'quote', text: 'We will "not" sign', links: [{ text: 'sign', url: 'https://example.org/x', start: 14, end: 18 }] },
      { kind: 'image', src: 'javascript:alert(1)', alt: 'x', caption: '', credit: '' },
      { kind: 'table', rows: [['<b onclick=alert(1)>a</b>', 'ب']] },
    ];
    const r = await a.post('/admin/articles/new', { ...FORM, title: 'مقالة بالكتل', slug: 'blocks-json', bodyJson: JSON.stringify(blocks) }, { csrf: await a.csrfOf('/admin/articles/new') });
    assert.equal(r.status, 303, r.text.slice(0, 300));
    const id = /articles\/([0-9a-f]+)/.exec(r.location!)![1];
    const body = (await store.getArticle(id))!.body;
    const json = JSON.stringify(body);
    assert.doesNotMatch(json, /<script|onerror|onclick|javascript:/i);
    assert.deepEqual(body[0], { kind: 'paragraph', text: 'نص آمن ', links: [] });
    assert.deepEqual(body[1], blocks[1]);
    assert.deepEqual(body.map((b) => b.kind), ['paragraph', 'quote', 'table'], 'the image with a script address is dropped');
    assert.deepEqual((await store.getArticle(id))!.sources.map((s) => s.url), ['https://example.org/x']);
  });

  test('malformed blocks are refused naming the block, and the writer’s words stay on the page', async () => {
    const a = await signedIn(server.url, 'editor');
    const csrf = await a.csrfOf('/admin/articles/new');
    const bad = await a.post('/admin/articles/new', { ...FORM, title: 'عنوان', bodyJson: JSON.stringify([{ kind: 'paragraph', text: 'كلمات لا تضيع', links: [] }, { kind: 'heading', text: 'x', level: 9, links: [] }]) }, { csrf });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /النص، المقطع 2: /, 'the block named, in the editor’s language');
    assert.match(bad.text, /كلمات لا تضيع/);
    const broken = await a.post('/admin/articles/new', { ...FORM, title: 'عنوان', bodyJson: '[{"kind":' }, { csrf });
    assert.equal(broken.status, 422);
  });

  test('a 50,000-word Arabic body saves as one article', async () => {
    const a = await signedIn(server.url, 'editor');
    const csrf = await a.csrfOf('/admin/articles/new');
    const words = ['الحكومة', 'الجزائرية', 'أعلنت', 'عن', 'اتفاق', 'جديد', 'مع', 'روسيا', 'في', '٢٠٢٣'];
    const blocks = Array.from({ length: 1000 }, (_, i) => ({ kind: 'paragraph', text: Array.from({ length: 50 }, (_, j) => words[(i + j) % words.length]).join(' '), links: [] }));
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...FORM, title: 'مقالة طويلة جداً', slug: 'long-article', bodyJson: JSON.stringify(blocks), _csrf: csrf })) form.set(k, v);
    const r = await a.request('POST', '/admin/articles/new', { body: form, headers: { origin: server.url } });
    assert.equal(r.status, 303, r.text.slice(0, 300));
    const id = /articles\/([0-9a-f]+)/.exec(r.location!)![1];
    const body = (await store.getArticle(id))!.body;
    assert.equal(body.reduce((n, b) => n + (b.kind === 'paragraph' ? b.text.split(' ').length : 0), 0), 50_000);
  });

  test('the Markdown mode converts both ways with the importer’s reader', async () => {
    const a = await signedIn(server.url, 'editor');
    const csrf = await a.csrfOf('/admin/articles/new');
    const md = await a.post('/admin/editor/convert', { to: 'markdown', blocks: JSON.stringify([{ kind: 'heading', level: 2, text: 'عنوان', links: [] }, { kind: 'paragraph', text: 'فقرة فيها رابط', links: [{ text: 'رابط', url: 'https://example.org/', start: 10, end: 14 }] }]) }, { csrf });
    assert.equal(md.status, 200);
    const { markdown } = JSON.parse(md.text) as { markdown: string };
    assert.match(markdown, /^## عنوان/);
    const back = await a.post('/admin/editor/convert', { to: 'blocks', markdown }, { csrf });
    assert.deepEqual(JSON.parse(back.text).blocks, [
      { kind: 'heading', level: 2, text: 'عنوان', links: [] },
      { kind: 'paragraph', text: 'فقرة فيها رابط', links: [{ text: 'رابط', url: 'https://example.org/', start: 10, end: 14 }] },
    ]);
    const refused = await a.post('/admin/editor/convert', { to: 'markdown', blocks: '{"x":1}' }, { csrf });
    assert.equal(refused.status, 422);
  });
});
