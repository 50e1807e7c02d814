/**
 * The recommended block: label and title are separate elements, series names speak the item's language,
 * and an item leads to a page only when that page exists here (by its path or by the path its title gives).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ArticleSchema, articleIdFor, articlePath } from '../../src/model/index.ts';
import { slugify } from '../../src/text/index.ts';
import { seedSkip } from '../support/seed.ts';
import { seedSite } from './seed-site.ts';

// The seed names this Arabic piece without an address; here it is stored under the path its title gives.
const NAMED_TITLE = 'استطلاع جديد للرأي في أعقاب اتفاقات أوصلو';
const named = ArticleSchema.parse({
  id: articleIdFor(articlePath('ar', slugify(NAMED_TITLE))),
  lang: 'ar',
  dir: 'rtl',
  type: 'policywatch',
  typeLabel: 'المرصد السياسي',
  series: { name: 'PolicyWatch', number: 3790 },
  title: NAMED_TITLE,
  summary: 'استطلاع كتبناه للاختبار.',
  published: '2023-09-01',
  path: articlePath('ar', slugify(NAMED_TITLE)),
  body: [{ kind: 'paragraph', text: 'نص قصير للاختبار.' }],
});

describe('recommended reading', { skip: seedSkip }, () => {
  let site: Awaited<ReturnType<typeof seedSite>>;
  before(async () => {
    site = await seedSite([named]);
  });
  after(() => site.cleanup());

  test('label, title and authors are separate elements, never run together', async () => {
    const { document } = await site.doc(site.seed!.path);
    const items = [...document.querySelectorAll('.recommended > li')];
    assert.equal(items.length, 3);
    for (const li of items) {
      const children = [...li.children].map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      assert.deepEqual(children.slice(0, 2), ['p.kicker', 'h3.rec-title'], `label then title: ${li.outerHTML}`);
    }
    assert.equal(items[0]!.querySelector('.kicker')!.textContent, 'Articles & Testimony');
    assert.equal(items[0]!.getAttribute('lang'), 'en');
  });

  test('items that are not stored here are shown without a link; one that is stored is linked', async () => {
    const { document } = await site.doc(site.seed!.path);
    const items = [...document.querySelectorAll('.recommended > li')];
    const libya = items.find((li) => /Libya Floods/.test(li.textContent!))!;
    assert.equal(libya.querySelector('a'), null, 'a page this site does not have is not linked (it would be a 404)');
    const poll = items.find((li) => li.textContent!.includes(NAMED_TITLE))!;
    assert.equal(poll.querySelector('a')?.getAttribute('href'), named.path, 'resolved to the stored article its title names');
    for (const a of document.querySelectorAll('.recommended a')) {
      const res = await site.get(a.getAttribute('href')!);
      assert.equal(res.status, 200, `${a.getAttribute('href')} answers`);
    }
  });

  test('series names are translated on Arabic pages', async () => {
    const { document } = await site.doc('/ar/');
    const kickers = [...document.querySelectorAll('.kicker')].map((k) => k.textContent);
    assert.ok(kickers.includes('المرصد السياسي 3790'), kickers.join(' | '));
    assert.ok(!kickers.some((k) => /PolicyWatch/.test(k!)), 'no English series name on the Arabic home');
    const page = await site.doc(named.path);
    assert.equal(page.document.querySelector('.article-head .kicker')!.textContent, 'المرصد السياسي 3790');
  });
});
