/** HTTP behaviour every answer shares: ETag and 304, compression, HEAD, caching headers, security headers. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { fixtureSite } from './fixtures.ts';

describe('HTTP', () => {
  let site: Awaited<ReturnType<typeof fixtureSite>>;
  before(async () => {
    site = await fixtureSite();
  });
  after(() => site.cleanup());

  test('pages carry an ETag, and a matching If-None-Match gets 304 without a body', async () => {
    const first = await site.get('/ar/policy-analysis/trq-alhbwb-bd-alhrb');
    const etag = first.headers.get('etag');
    assert.ok(etag, 'an ETag');
    const again = await site.get('/ar/policy-analysis/trq-alhbwb-bd-alhrb', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('etag'), etag);
    const other = await site.get('/ar/policy-analysis/trq-alhbwb-bd-alhrb', { 'if-none-match': 'W/"something-else"' });
    assert.equal(other.status, 200);
  });

  test('brotli and gzip when asked, identical text once decoded', async () => {
    const plain = await (await site.get('/')).text();
    const br = await site.get('/', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.match(br.headers.get('vary') ?? '', /Accept-Encoding/i);
    assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8'), plain);
    const gz = await site.get('/', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8'), plain);
    const none = await site.get('/', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    assert.equal(none.headers.get('content-encoding'), null);
  });

  test('internal marks never reach the reader', async () => {
    for (const path of ['/', '/', '/feed.xml', '/api/articles', '/nothing']) {
      const res = await site.get(path);
      assert.equal(res.headers.get('x-mizan-page-cache'), null, path);
    }
  });

  test('HEAD answers the same headers with no body', async () => {
    const get = await site.get('/ar/');
    const head = await site.app.request('/ar/', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    assert.equal(head.headers.get('etag'), get.headers.get('etag'));
    assert.equal(head.headers.get('content-type'), get.headers.get('content-type'));
  });

  test('security headers on pages, errors and redirects alike', async () => {
    for (const path of ['/', '/ar/nothing-here', '/ar/policy-analysis/trq-alhbwb-bd-alhrb/', '/api/articles/none']) {
      const res = await site.get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.match(csp, /script-src 'self'/, path);
      assert.doesNotMatch(csp, /unsafe-inline/, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.ok(res.headers.get('referrer-policy'), path);
    }
  });

  test('pages are cacheable for a while; assets for a year under hashed names', async () => {
    const page = await site.html('/');
    assert.match(page.res.headers.get('cache-control') ?? '', /max-age=\d+/);
    const css = /<link rel="stylesheet" href="(\/assets\/site\.[\w-]+\.css)"/.exec(page.body)?.[1];
    assert.ok(css);
    const sheet = await site.get(css);
    assert.equal(sheet.status, 200);
    assert.match(sheet.headers.get('content-type') ?? '', /text\/css/);
    assert.match(sheet.headers.get('cache-control') ?? '', /max-age=31536000, immutable/);
    const text = await sheet.text();
    const font = /url\((\/assets\/fonts\/noto-naskh-arabic-arabic-400-normal\.[\w-]+\.woff2)\)/.exec(text)?.[1];
    assert.ok(font, 'the Arabic face is self-hosted');
    const woff = await site.get(font);
    assert.equal(woff.headers.get('content-type'), 'font/woff2');
    assert.ok((await woff.arrayBuffer()).byteLength > 10_000);
    assert.equal((await site.get('/assets/site.nope.css')).status, 404);
  });

  test('a write through the store shows on the next request despite the page cache', async () => {
    const path = '/policy-analysis/ports-and-power';
    assert.match((await site.html(path)).body, /Ports and Power/);
    const article = await site.store.getArticleByPath(path);
    assert.ok(article);
    await site.store.putArticle({ ...article, title: 'Ports, Power and Patience' });
    // The store's content version is read in the background: poll briefly until it lands.
    let body = '';
    for (let i = 0; i < 60 && !body.includes('Ports, Power and Patience'); i++) {
      body = (await site.html(path)).body;
      if (!body.includes('Ports, Power and Patience')) await new Promise((r) => setTimeout(r, 50));
    }
    assert.match(body, /Ports, Power and Patience/);
  });
});

describe('listen', () => {
  test('serves on a free port, and says plainly when the port is taken', async () => {
    const site = await fixtureSite();
    const { listen } = await import('../../src/web/index.ts');
    const first = await listen(site.app, { port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(first.url + '/healthz');
      assert.equal(res.status, 200);
      const port = Number(new URL(first.url).port);
      await assert.rejects(listen(site.app, { port, host: '127.0.0.1' }), (err: Error & { code?: string }) => {
        assert.equal(err.code, 'port-taken');
        assert.equal(err.message, `port ${port} on 127.0.0.1 is already in use`);
        return true;
      });
    } finally {
      await first.close();
      await site.cleanup();
    }
  });
});
