/**
 * Regression (issue 13, typography): what a reader sees is typeset as a publication. Straight quotes in
 * stored prose print as the language's marks («…» in Arabic, “…” and ’ in English) in titles, summaries,
 * body, bios, listings and search results, with link offsets intact and addresses untouched.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { saveArticle } from '../../src/app/index.ts';
import { ArticleSchema, articleIdFor, type Article } from '../../src/model/index.ts';
import { seedAvailable } from '../support/seed.ts';
import { seedSite } from './seed-site.ts';

function quoted(lang: 'ar' | 'en'): Article {
  const path = lang === 'ar' ? '/ar/policy-analysis/nafidhat-alfurs' : '/policy-analysis/window-of-chances';
  const text = lang === 'ar' ? 'وصف الوزير الاتفاق بأنه "نافذة فرص" في تقرير الوزارة.' : `The minister called the deal "a window" in the ministry's report.`;
  const anchor = lang === 'ar' ? 'تقرير الوزارة' : `ministry's report`;
  const start = text.indexOf(anchor);
  return ArticleSchema.parse({
    id: articleIdFor(path),
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    type: 'brief-analysis',
    typeLabel: lang === 'ar' ? 'تحليل موجز' : 'Brief Analysis',
    title: lang === 'ar' ? 'اتفاق "نافذة الفرص"' : `The "Window" Deal`,
    summary: lang === 'ar' ? 'ما يعنيه "الاتفاق" للجيران.' : `What the "deal" means for its neighbours.`,
    published: '2024-05-02',
    path,
    authors: [lang === 'ar'
      ? { slug: 'slma-nasr', name: 'سلمى ناصر', title: null, bio: 'سلمى ناصر باحثة في "برنامج الطاقة".', path: '/ar/experts/slma-nasr' }
      : { slug: 'salma-nasser', name: 'Salma Nasser', title: null, bio: `Salma Nasser leads the "Energy Program".`, path: '/experts/salma-nasser' }],
    body: [{ kind: 'paragraph', text, links: [{ text: anchor, url: "https://example.org/o'neill-report", start, end: start + anchor.length }] }],
  });
}

describe('quotation marks', () => {
  let site: Awaited<ReturnType<typeof seedSite>>;
  before(async () => {
    site = await seedSite();
    for (const lang of ['ar', 'en'] as const) await saveArticle(site.store, quoted(lang)); // indexed, as imports are
  });
  after(() => site.cleanup());

  test('an Arabic article prints «…» in its title, summary, body and bio; its link keeps its words and address', async () => {
    const { document } = await site.doc('/ar/policy-analysis/nafidhat-alfurs');
    assert.equal(document.querySelector('h1')!.textContent, 'اتفاق «نافذة الفرص»');
    assert.equal(document.querySelector('title')!.textContent!.split(' | ')[0].split(' — ')[0], 'اتفاق «نافذة الفرص»');
    assert.equal(document.querySelector('.lede')!.textContent, 'ما يعنيه «الاتفاق» للجيران.');
    const p = document.querySelector('.article-body p')!;
    assert.match(p.textContent!, /بأنه «نافذة فرص» في تقرير الوزارة/);
    const a = p.querySelector('a')!;
    assert.equal(a.textContent, 'تقرير الوزارة');
    assert.equal(a.getAttribute('href'), "https://example.org/o'neill-report");
    assert.match(document.body.innerHTML, /في «برنامج الطاقة»/);
  });

  test('an English article prints “…” and ’, in the page and in listings', async () => {
    const { document } = await site.doc('/policy-analysis/window-of-chances');
    assert.equal(document.querySelector('h1')!.textContent, 'The “Window” Deal');
    const p = document.querySelector('.article-body p')!;
    assert.match(p.textContent!, /called the deal “a window” in the ministry’s report\./);
    assert.equal(p.querySelector('a')!.textContent, 'ministry’s report');
    const home = await site.doc('/');
    assert.match(home.html, /The “Window” Deal/);
    assert.doesNotMatch(home.html, /The &quot;Window&quot; Deal|The "Window" Deal/);
  });

  test('search results print the marks too', async () => {
    const ar = await site.doc('/ar/search?q=%D9%86%D8%A7%D9%81%D8%B0%D8%A9');
    assert.match(ar.document.querySelector('.hit-title')!.textContent!, /«نافذة الفرص»/);
    assert.match(ar.document.querySelector('.snippet')!.textContent!, /«/);
    const en = await site.doc('/search?q=window');
    assert.match(en.document.querySelector('.hit-title')!.textContent!, /“Window”/);
  });

  test('the seed page shows no straight double quote in its prose', { skip: seedAvailable ? false : 'no ../shared/seeds' }, async () => {
    const { document } = await site.doc(site.seed!.path);
    const prose = [...document.querySelectorAll('main p, main h1, main h2, main li')].map((e) => e.textContent).join('\n');
    assert.doesNotMatch(prose, /"/);
    assert.match(prose, /«[^»]+»/);
  });
});
