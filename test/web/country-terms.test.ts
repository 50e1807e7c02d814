/**
 * Terms that are countries: a "Regions & Countries" entry naming a country keeps its own slug and path
 * (the site's old address still answers) and leads to the country page besides; Article JSON lists the
 * countries an article is about, from its page and from what the knowledge layer finds in it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { saveArticle } from '../../src/app/index.ts';
import { readPage } from '../../src/ingest/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { readSeed, seedSkip, SEED_FILE } from '../support/seed.ts';
import { tempStore, type TempStore } from './fixtures.ts';

/** The seed as a copy of its site listing Algeria (with its own address) under its regions. */
function seedListingAlgeria() {
  const text = readSeed().replace('(ar/policy-analysis/shmal-afryqya/) شمال أفريقيا', '(ar/policy-analysis/shmal-afryqya/) شمال أفريقيا\n\n(ar/policy-analysis/aljzayr/) الجزائر');
  return readPage({ file: SEED_FILE, bytes: new TextEncoder().encode(text) }).articles[0]!;
}

describe('terms that are countries', { skip: seedSkip }, () => {
  let temp: TempStore;
  let app: ReturnType<typeof createWebApp>;
  let id: string;
  before(async () => {
    temp = await tempStore([]);
    const article = seedListingAlgeria();
    // Saved as the importer saves: indexed and tagged in the same transaction.
    id = (await saveArticle(temp.store, article)).id;
    app = createWebApp({ store: temp.store, baseUrl: 'https://mizan.example' });
  });
  after(() => temp.cleanup());

  test('the importer keeps the term with its slug and path, and names the country besides', () => {
    const a = seedListingAlgeria();
    assert.deepEqual(a.regions.map((r) => [r.slug, r.path]), [
      ['shmal-afryqya', '/ar/policy-analysis/shmal-afryqya'],
      ['aljzayr', '/ar/policy-analysis/aljzayr'],
    ]);
    assert.deepEqual(a.countries, [{ code: 'DZ', name: 'الجزائر', path: '/ar/countries/dz' }]);
  });

  test("the term's own address answers, and leads to the country page", async () => {
    const res = await app.request('/ar/policy-analysis/aljzayr');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<a href="\/ar\/countries\/dz">صفحة البلد: الجزائر<\/a>/);
    assert.equal((await app.request('/ar/policy-analysis/aljzayr/')).status, 301);
    assert.equal((await app.request('/ar/countries/dz')).status, 200);
  });

  test('Article JSON lists the countries the article is about; the article page links to them', async () => {
    const json = (await (await app.request(`/api/articles/${id}`)).json()) as { countries: { code: string; path: string }[] };
    const codes = json.countries.map((c) => c.code);
    assert.equal(codes[0], 'DZ', 'the page\'s own first');
    for (const code of ['RU', 'US', 'UA']) assert.ok(codes.includes(code), `${code} in ${codes}`);
    assert.ok(!codes.includes('MA'), 'a country named once in passing is not what the article is about');
    assert.equal(new Set(codes).size, codes.length, 'each once');
    const page = await (await app.request('/ar/policy-analysis/allaqat-aljzayryt-alrwsyt-bd-ghzw-awkranya')).text();
    for (const code of ['dz', 'ru']) assert.match(page, new RegExp(`href="/ar/countries/${code}"`));
  });
});
