/**
 * The server stays up and keeps serving whatever it is sent (issue: uploads drove the server out of
 * memory, answered 500 with "too many SQL variables" and "Maximum call stack size exceeded", and POST
 * bodies to any address were read before a 404). Each hostile request gets a clear 4xx in the
 * language of the address, and a page is read successfully after every one.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Hono } from 'hono';
import { timeLimit } from '../../src/web/http/limits.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { addAccounts, signedIn, startServer, type AdminServer } from '../web/admin-client.ts';

/** Sends `bytes` bytes (declared, or chunked when `chunked`) and reports the answer, even if the server stops reading. */
function post(base: string, path: string, bytes: number, opts: { chunked?: boolean } = {}): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const headers: Record<string, string | number> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (!opts.chunked) headers['content-length'] = bytes;
    let answered = false;
    // A fresh connection each time: an answer with Connection: close ends the one before.
    const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8').on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !answered) {
        // Never more than the declared length: extra bytes would be read as a second, malformed request.
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

forEachEngine('hostile requests', (h) => {
  let store: TestStore;
  let server: AdminServer;
  before(async () => {
    store = await h.open();
    await store.putArticle(makeArticle({ slug: 'mqala-baqya' }));
    await addAccounts(store, ['editor']);
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  async function stillServing(): Promise<void> {
    const page = await fetch(server.url + '/ar/policy-analysis/mqala-baqya');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /علاقات تجريبية/);
  }

  test('large bodies to public addresses and to no address are refused before they are read', async () => {
    const ar = await post(server.url, '/ar/nothing-here', 50 * 1024 * 1024);
    assert.equal(ar.status, 413);
    assert.equal(ar.headers.connection, 'close');
    assert.match(ar.text, /<html lang="ar"/);
    assert.match(ar.text, /حجم أكبر من المسموح/);
    await stillServing();
    const en = await post(server.url, '/api/search', 20 * 1024 * 1024, { chunked: true });
    assert.equal(en.status, 413);
    assert.equal(JSON.parse(en.text).error.code, 'too-large');
    await stillServing();
    const small = await post(server.url, '/nothing-here', 1000);
    assert.equal(small.status, 404);
    await stillServing();
  });

  test('hostile uploads to /admin/import: refused with a clear message, the site keeps serving', async () => {
    const editor = await signedIn(server.url, 'editor');
    const upload = async (name: string, text: string | Uint8Array<ArrayBuffer>) => {
      const form = new FormData();
      form.set('file', new File([text], name));
      return editor.postMultipart('/admin/import', form, await editor.csrfOf('/admin/import'));
    };
    const page = (tag: string, n: number) => `<html lang="ar"><head><title>عمق</title></head><body><article><h1>عمق</h1>${`<${tag}>`.repeat(n)}نص${`</${tag}>`.repeat(n)}</article></body></html>`;
    const cases: [string, string | Uint8Array<ArrayBuffer>, number, RegExp][] = [
      // The editors' side is in Arabic unless English was chosen: the refusals are said in Arabic.
      ['quotes.html', page('blockquote', 5000), 422, /تتداخل عناصر HTML أعمق من 100 مستوى: رُفضت الصفحة/],
      ['divs.html', page('div', 20000), 422, /تتداخل عناصر HTML أعمق من 100 مستوى/],
      ['lists.md', `---\ntitle: عمق\nlang: ar\n---\n\n${Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '- بند').join('\n')}\n`, 422, /تتداخل القوائم أعمق من 100 مستوى/],
      ['stars.md', `---\ntitle: عمق\nlang: ar\n---\n\n${'**'.repeat(20000)}نص${'**'.repeat(20000)}\n`, 422, /أكثر من 64 علامة تنسيق متتالية/],
      ['many.json', JSON.stringify({ lang: 'ar', title: 'كثير', path: '/ar/policy-analysis/kthyr', body: Array.from({ length: 30000 }, () => ({ kind: 'paragraph', text: 'ن', links: [] })) }), 422, /أكثر من 20,000 فقرة/],
      ['big.txt', new Uint8Array(6 * 1024 * 1024).fill(65), 413, /./],
      ['binary.html', new Uint8Array(200_000).map((_, i) => (i * 7919) % 256), 422, /./],
    ];
    for (const [name, body, status, message] of cases) {
      const r = await upload(name, body);
      assert.equal(r.status, status, `${name}: ${r.text.slice(0, 300)}`);
      assert.match(r.text, message, name);
      await stillServing();
    }
    assert.equal(await store.countArticles(), 1, 'nothing half-imported');
  });
});

test('a request that takes longer than the time limit is answered 503 in the address language', async () => {
  const app = new Hono();
  app.use(timeLimit(50));
  app.get('/ar/slow', async (c) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return c.text('late');
  });
  app.get('/ar/fast', (c) => c.text('fast'));
  const slow = await app.request('/ar/slow');
  assert.equal(slow.status, 503);
  assert.match(await slow.text(), /استغرق الأمر وقتاً أطول من اللازم/);
  assert.equal((await app.request('/ar/fast')).status, 200);
});
