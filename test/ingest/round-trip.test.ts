import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readPage, toJson, toMarkdown, collectSources } from '../../src/ingest/index.ts';
import { ARTICLE_TYPES, PUBLICATION_TYPES, ArticleSchema, articleIdFor, articlePath, dirOf, typeLabel, type Article, type Block, type Link } from '../../src/model/index.ts';
import { readSeed, seedSkip } from '../support/seed.ts';

const enc = (s: string) => new TextEncoder().encode(s);

// Words chosen to hit Markdown's syntax: emphasis, links, entities, tables, autolinks, block starts.
const WORDS = ['الجزائر', 'وموسكو', 'تحليل', 'word', 'Policy', '2023', '1.', '2)', '#', '##', '*', '**', '_', '[', ']', '(', ')', '[x](y)', '<b>', '>', '!', '|', '~', '&', '&amp;', '&#1575;', '@', 'a@b.org', '\\', '`', ':::', ':::note', '-', '+', '=', '---', 'https://x.org/a', 'www.a.com', '"', "'", ':', '❖', '٧٦٪'];
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}$/);
const url = fc.tuple(fc.constantFrom('https', 'http'), fc.stringMatching(/^[a-z]{1,8}\.(org|com|ru)$/), fc.stringMatching(/^(\/[a-zA-Z0-9_.~-]{0,8}){0,3}(\?[a-z]{1,3}=[a-z0-9]{1,3}(&[a-z]=[0-9])?)?$/), fc.constantFrom('', '-', '(1)'))
  .map(([s, h, p, tail]) => `${s}://${h}${p === '' ? '/' : p}${tail}`);

type Seg = { kind: 'text' | 'link' | 'address'; text: string; url: string };
const seg: fc.Arbitrary<Seg> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), text: words, url: fc.constant('') }),
  fc.record({ kind: fc.constant('link' as const), text: words, url }),
  fc.record({ kind: fc.constant('address' as const), text: fc.constant(''), url }),
);
/** Inline text with links at offsets, as an importer produces it: single spaces, addresses right after the word they follow. */
const inline = fc.array(seg, { minLength: 1, maxLength: 5 }).map((segs) => {
  let text = '';
  const links: Link[] = [];
  for (const s of segs) {
    if (s.kind === 'address') {
      links.push({ text: '', url: s.url, start: text.length, end: text.length });
      continue;
    }
    if (text !== '') text += ' ';
    const start = text.length;
    text += s.text;
    if (s.kind === 'link') links.push({ text: s.text, url: s.url, start, end: text.length });
  }
  return { text, links };
}).filter((t) => t.text !== '');

const block = fc.oneof(
  inline.map((t) => ({ kind: 'paragraph' as const, ...t })),
  fc.tuple(inline, fc.integer({ min: 2, max: 6 })).map(([t, level]) => ({ kind: 'heading' as const, level, ...t })),
  inline.map((t) => ({ kind: 'quote' as const, ...t })),
  inline.map((t) => ({ kind: 'note' as const, ...t })),
  fc.constant({ kind: 'gap' as const, text: '', links: [] }),
  fc.record({ kind: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(inline, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('image' as const), src: url, alt: fc.oneof(fc.constant(''), words), caption: fc.oneof(fc.constant(''), words), credit: fc.oneof(fc.constant(''), words) }),
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([w, h]) =>
    fc.array(fc.array(fc.oneof(fc.constant(''), words), { minLength: w, maxLength: w }), { minLength: h, maxLength: h }).map((rows) => ({ kind: 'table' as const, rows })),
  ),
) as fc.Arbitrary<Block>;

const term = fc.record({ slug, name: words });
const article: fc.Arbitrary<Article> = fc
  .record({
    lang: fc.constantFrom('ar', 'en'),
    // Static pages live at /<slug>, not under /policy-analysis/: their round trip is tested in test/site/.
    type: fc.constantFrom(...PUBLICATION_TYPES),
    series: fc.option(fc.record({ name: fc.constantFrom('PolicyWatch', 'Policy Note'), number: fc.nat(9999) }), { nil: null }),
    title: words,
    summary: fc.oneof(fc.constant(''), words),
    published: fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
    updated: fc.constant(null),
    slug,
    originFile: fc.option(fc.constantFrom('seed.txt', 'a/b.html'), { nil: null }),
    originUrl: fc.option(url, { nil: null }),
    authors: fc.array(fc.record({ slug, name: words, title: fc.option(words, { nil: null }), bio: fc.oneof(fc.constant(''), words), custom: fc.boolean() }), { maxLength: 3 }),
    translations: fc.array(fc.record({ lang: fc.constantFrom('en', 'ar', 'fa'), slug, exists: fc.boolean() }), { maxLength: 2 }),
    body: fc.array(block, { maxLength: 8 }),
    topics: fc.array(term, { maxLength: 3 }),
    regions: fc.array(term, { maxLength: 2 }),
    countries: fc.array(fc.record({ code: fc.constantFrom('DZ', 'RU', 'US'), name: words }), { maxLength: 2 }),
    related: fc.array(fc.record({ type: fc.option(fc.constantFrom(...ARTICLE_TYPES), { nil: null }), lang: fc.constantFrom('ar', 'en'), title: words, authors: fc.array(words, { maxLength: 2 }), path: fc.option(slug.map((s) => `/policy-analysis/${s}`), { nil: null }) }), { maxLength: 3 }),
  })
  .map((r) => {
    const path = articlePath(r.lang, r.slug);
    const prefix = r.lang === 'ar' ? '/ar' : '';
    return ArticleSchema.parse({
      id: articleIdFor(path),
      lang: r.lang,
      dir: dirOf(r.lang),
      type: r.type,
      typeLabel: typeLabel(r.type, r.lang),
      series: r.series,
      title: r.title,
      summary: r.summary,
      published: r.published,
      updated: r.updated,
      path,
      origin: { file: r.originFile, url: r.originUrl },
      authors: r.authors.map((a) => ({ slug: a.slug, name: a.name, title: a.title, bio: a.bio, path: a.custom ? `/people/${a.slug}` : `${prefix}/experts/${a.slug}` })),
      translations: r.translations.map((t) => ({ lang: t.lang, path: `/${t.lang}/policy-analysis/${t.slug}`, exists: t.exists })),
      body: r.body,
      sources: collectSources(r.body),
      topics: r.topics.map((t) => ({ ...t, path: `${prefix}/policy-analysis/${t.slug}` })),
      regions: r.regions.map((t) => ({ ...t, path: `/elsewhere/${t.slug}` })),
      countries: r.countries.map((c) => ({ ...c, path: `${prefix}/countries/${c.code.toLowerCase()}` })),
      related: r.related,
    });
  });

test('Markdown export reads back to the same article (property)', () => {
  fc.assert(
    fc.property(article, (a) => {
      const back = readPage({ file: 'x.md', bytes: enc(toMarkdown(a)) });
      assert.deepEqual(back.articles, [a]);
      assert.deepEqual(back.warnings, []);
    }),
    { numRuns: 300 },
  );
});

test('Article JSON export reads back to the same article (property)', () => {
  fc.assert(
    fc.property(article, (a) => {
      assert.deepEqual(readPage({ file: 'x.json', bytes: enc(toJson(a)) }).articles, [a]);
    }),
    { numRuns: 200 },
  );
});

test('the seed survives both export formats', { skip: seedSkip }, () => {
  const a = readPage({ file: 'seed.txt', bytes: enc(readSeed()) }).articles[0];
  assert.deepEqual(readPage({ file: 'seed.md', bytes: enc(toMarkdown(a)) }).articles[0], a);
  assert.deepEqual(readPage({ file: 'seed.json', bytes: enc(toJson(a)) }).articles[0], a);
});
