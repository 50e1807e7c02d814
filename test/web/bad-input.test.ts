/** Bad input never reaches a 500: unknown paths, malformed escapes, absurd parameters, very long addresses. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { fixtureSite } from './fixtures.ts';

describe('bad input', () => {
  let site: Awaited<ReturnType<typeof fixtureSite>>;
  before(async () => {
    site = await fixtureSite();
  });
  after(() => site.cleanup());

  test('a malformed percent-escape is a 400 page in the language of the path', async () => {
    const ar = await site.html('/ar/policy-analysis/%E0%A4%A');
    assert.equal(ar.res.status, 400);
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    const en = await site.html('/policy-analysis/x?type=%ZZ');
    assert.equal(en.res.status, 400);
    assert.match(en.body, /Bad request/);
  });

  test('a very long address is a 414 page', async () => {
    const res = await site.get('/ar/policy-analysis/' + 'ا'.repeat(3000));
    assert.equal(res.status, 414);
    assert.match(await res.text(), /العنوان طويل جداً/);
  });

  test('API errors are JSON with code and message', async () => {
    const res = await site.get('/api/articles?limit=100000');
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'bad-limit');
    assert.match(body.error.message, /limit/);
    const missing = await site.get('/api/nothing');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not-found');
  });

  test('no address, however odd, gets a 500', async () => {
    const segment = fc.oneof(
      fc.string({ maxLength: 20 }).map((s) => encodeURIComponent(s)),
      fc.constantFrom('%', '%E0', '%zz', '..', '.', '', 'policy-analysis', 'experts', 'ar', 'feed.xml', 'api', 'articles', '%00', '%2F'),
    );
    const query = fc.constantFrom('', '?page=-1', '?page=abc', '?page=99999999', '?type=../../', '?type=op-ed&page=2', '?limit=0', '?q=%', '?page=1&page=2');
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 5 }), query, async (segments, q) => {
        const res = await site.get('/' + segments.join('/') + q);
        assert.ok(res.status < 500, `${res.status} for /${segments.join('/')}${q}`);
      }),
      { numRuns: 150 },
    );
  });
});
