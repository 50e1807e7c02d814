import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPage, detectFormat, canonicalUrl, looksTruncated } from '../../src/ingest/index.ts';
import { MizanError } from '../../src/lib/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const md = (s: string, file = 'page.md', path?: string) => readPage({ file, bytes: enc(s), path });

const PAGE = `---
lang: ar
type: brief-analysis
title: موانئ الحبوب بعد الجفاف
summary: ثلاثة موانئ تحمل معظم قمح المنطقة.
published: 2024-03-01
authors:
  - slug: jane-okafor
    name: جين أوكافور
    bio: باحثة في لوجستيات الموانئ.
topics:
  - slug: amn-ghdhaey
    name: الأمن الغذائي
regions:
  - slug: shmal-afryqya
    name: شمال أفريقيا
countries:
  - code: dz
    name: الجزائر
translations:
  - lang: en
    path: /policy-analysis/grain-ports-after-drought
---

حين شحّ المطر، نقل المصدّرون شحناتهم جنوباً وفق [نشرة وزارية](https://example.org/bulletin?utm_source=x).

## ثلاثة ضغوط

- أسعار الكهرباء
- قواعد **الملوحة**

1. أولاً
2. ثانياً

> ميناء بلا كهرباء نصب تذكاري.

![محطة تحلية](https://example.org/plant.jpg "المحطة الشرقية")
تصوير: ر. عمراني

| الميناء | السعة |
| --- | --- |
| الشرقي | 300 |

:::gap
:::

:::note
جين أوكافور باحثة زائرة.
:::
`;

test('hand-written Markdown with front matter, as the demo content is written', () => {
  const { articles, warnings, format } = md(PAGE);
  assert.equal(format, 'md');
  assert.deepEqual(warnings, []);
  const a = articles[0];
  assert.equal(a.lang, 'ar');
  assert.equal(a.dir, 'rtl');
  assert.equal(a.typeLabel, 'تحليل موجز');
  assert.equal(a.published, '2024-03-01');
  assert.match(a.path, /^\/ar\/policy-analysis\/[a-z0-9-]+$/, 'a missing path comes from the title');
  assert.deepEqual(a.authors[0], { slug: 'jane-okafor', name: 'جين أوكافور', title: null, bio: 'باحثة في لوجستيات الموانئ.', path: '/ar/experts/jane-okafor' });
  assert.equal(a.topics[0].path, '/ar/policy-analysis/amn-ghdhaey');
  assert.deepEqual(a.countries, [{ code: 'DZ', name: 'الجزائر', path: '/ar/countries/dz' }]);
  assert.deepEqual(a.body.map((b) => b.kind), ['paragraph', 'heading', 'list', 'list', 'quote', 'image', 'table', 'gap', 'note']);
  const p = a.body[0];
  assert.ok(p.kind === 'paragraph');
  assert.equal(p.text.slice(p.links[0].start, p.links[0].end), 'نشرة وزارية');
  assert.deepEqual(a.sources, [{ url: 'https://example.org/bulletin', host: 'example.org', truncated: false, cited: 1 }]);
  assert.deepEqual(a.body[2], { kind: 'list', ordered: false, items: [{ text: 'أسعار الكهرباء', links: [] }, { text: 'قواعد الملوحة', links: [] }] });
  assert.equal(a.body[3].kind === 'list' && a.body[3].ordered, true);
  assert.deepEqual(a.body[5], { kind: 'image', src: 'https://example.org/plant.jpg', alt: 'محطة تحلية', caption: 'المحطة الشرقية', credit: 'تصوير: ر. عمراني' });
  assert.deepEqual(a.body[6], { kind: 'table', rows: [['الميناء', 'السعة'], ['الشرقي', '300']] });
  assert.deepEqual(a.body[8], { kind: 'note', text: 'جين أوكافور باحثة زائرة.', links: [] });
});

test('--path overrides the front matter path', () => {
  assert.equal(md(PAGE, 'page.md', '/ar/policy-analysis/mwan').articles[0].path, '/ar/policy-analysis/mwan');
});

test('raw HTML in Markdown is dropped with a warning', () => {
  const r = md('---\ntitle: T\nlang: en\n---\n\nText <script>alert(1)</script> more.\n\n<div onclick="x()">block</div>\n');
  assert.ok(!JSON.stringify(r.articles[0].body).includes('<script'));
  assert.ok(r.warnings.some((w) => w.code === 'html-dropped'));
});

test('bad Markdown is refused by file and line', () => {
  const fails = (text: string, code: string, line?: number) =>
    assert.throws(() => md(text, 'bad.md'), (e: unknown) => e instanceof MizanError && e.code === code && e.file === 'bad.md' && (line === undefined || e.line === line), code);
  fails('# Just a heading\n\ntext', 'no-front-matter', 1);
  fails('---\ntitle: [unclosed\n---\n', 'bad-front-matter');
  fails('---\nlang: en\n---\n\nno title', 'no-title');
  fails('---\ntitle: T\ntype: novel\n---\n', 'bad-front-matter');
  fails('---\ntitle: T\n---\n\n:::note\nnever closed\n', 'bad-markdown', 5);
  fails('---\ntitle: T\npublished: 2023-02-30\n---\n', 'bad-date', 3);
});

test('bad JSON is refused by file and line', () => {
  assert.throws(() => readPage({ file: 'bad.json', bytes: enc('{\n "title": "x",\n oops\n}') }), (e: unknown) => e instanceof MizanError && e.code === 'bad-json' && e.line === 3);
  assert.throws(() => readPage({ file: 'bad.json', bytes: enc('[]') }), (e: unknown) => e instanceof MizanError && e.code === 'not-an-article');
});

test('formats are detected by extension, then by content', () => {
  assert.equal(detectFormat('a.md', enc('x')), 'md');
  assert.equal(detectFormat('a.HTM', enc('x')), 'html');
  assert.equal(detectFormat('a.json', enc('x')), 'json');
  assert.equal(detectFormat('page', enc('  <!DOCTYPE html><p>x')), 'html');
  assert.equal(detectFormat('page', enc('{"title":"x"}')), 'json');
  assert.equal(detectFormat('page', enc('---\ntitle: x\n---\n')), 'md');
  assert.equal(detectFormat('000_5cd05298e511e9f1.txt', enc('<p>x')), 'text');
  assert.equal(detectFormat('page', enc('\n\nعنوان\n')), 'text');
});

test('canonical addresses', () => {
  assert.deepEqual(canonicalUrl('HTTPS://Example.COM:443/a/b?utm_source=x&id=2&fbclid=9#top'), { url: 'https://example.com/a/b?id=2', host: 'example.com' });
  assert.deepEqual(canonicalUrl('http://Example.com:80/?_ga=1*2&gclid=3&mc_eid=4'), { url: 'http://example.com/', host: 'example.com' });
  assert.equal(canonicalUrl('http://example.com:8080/x')?.url, 'http://example.com:8080/x');
  assert.equal(canonicalUrl('//cdn.example.com/x')?.url, 'https://cdn.example.com/x');
  for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.c', '/relative/path', '', 'http://']) assert.equal(canonicalUrl(bad), null, bad);
  assert.equal(looksTruncated('https://edition.cnn.com/2020/10/01/politics/mark-esper-'), true);
  assert.equal(looksTruncated('https://example.com/a-b'), false);
});
