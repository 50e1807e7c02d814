/**
 * Regression (attack run: bad input saved without an error): every importer refuses a language the site
 * does not publish in, a date that names no day and a body that is no list, naming the file, the line
 * where the format knows it, the field and the value; a slug that is no slug is made again from the name
 * with a warning naming the field; a field no article has is passed over with a warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPage } from '../../src/ingest/index.ts';
import { FieldError, MizanError } from '../../src/lib/index.ts';
import { hasDotSegment, isoDateProblem, isSlug } from '../../src/model/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const md = (front: string, file = 'page.md') => readPage({ file, bytes: enc(`---\n${front}\n---\n\nA paragraph written for this test.\n`) });
const json = (value: unknown, file = 'page.json') => readPage({ file, bytes: enc(JSON.stringify(value)) });

/** Asserts `run` throws a MizanError for `file` whose where() matches every pattern. */
function refused(run: () => unknown, file: string, line: number | undefined, ...patterns: RegExp[]): MizanError {
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof MizanError, `expected a MizanError, got ${String(caught)}`);
  assert.equal(caught.file, file);
  assert.equal(caught.line, line);
  for (const p of patterns) assert.match(caught.where(), p);
  return caught;
}

test('a language the site does not publish in is refused by every importer, naming file, field and the languages allowed', () => {
  const err = refused(() => md('title: Hello\nlang: fr'), 'page.md', 3, /^page\.md:3: lang: unknown language 'fr': the site publishes in en, ar$/);
  assert.ok(err instanceof FieldError && err.field === 'lang' && err.value === 'fr' && err.allowed?.join() === 'en,ar');
  refused(() => json({ title: 'x', lang: 'xx' }), 'page.json', undefined, /lang: unknown language 'xx': the site publishes in en, ar/);
  refused(() => json([{ title: 'a', lang: 'en' }, { title: 'b', lang: 'de' }]), 'page.json', undefined, /unknown language 'de'/);
  refused(() => readPage({ file: 'page.html', bytes: enc('<html lang="fr"><head><title>Bonjour</title></head><body><p>Un texte.</p></body></html>') }), 'page.html', undefined, /unknown language 'fr'/);
  // A path under a language prefix the site lacks is no address the site serves either.
  refused(() => md('title: Hello\npath: /fr/policy-analysis/hello'), 'page.md', 3, /path: '\/fr\/policy-analysis\/hello' is no address the site serves for an article \(\/policy-analysis\/<slug>, \/ar\/policy-analysis\/<slug>\)/);
  refused(() => json({ title: 'Hello', lang: 'en', path: '/policy-analysis/../admin' }), 'page.json', undefined, /path: '\/policy-analysis\/\.\.\/admin' is no address the site serves/);
  // A page's own canonical address under such a prefix is only a hint: the title gives the path, with a warning.
  const html = readPage({ file: 'p.html', bytes: enc('<html lang="en"><head><title>Ports and power</title><link rel="canonical" href="https://example.org/fr/policy-analysis/ports"></head><body><article><p>Ports, harbours, and trade.</p></article></body></html>') });
  assert.equal(html.articles[0].path, '/policy-analysis/ports-and-power');
  assert.match(html.warnings.find((w) => w.code === 'bad-path')?.message ?? '', /address \/fr\/policy-analysis\/ports is under a language the site does not publish in/);
  const scraped = readPage({ file: 'p.txt', bytes: enc('Ports and Power\n\nBy Jane Roe\n\nMay 18, 2023\nURL: https://example.org/fr/policy-analysis/ports\n\nThe harbour closed early this year.\n') });
  assert.equal(scraped.articles[0].path, '/policy-analysis/ports-and-power');
  assert.deepEqual(
    scraped.warnings.filter((w) => w.code === 'bad-path').map((w) => w.line),
    [6],
  );
  assert.equal(md('title: Hello\nlang: en').articles[0].lang, 'en');
});

test('an author or term slug that is no slug is made again from the name, with a warning naming the field', () => {
  const page = json({ title: 'Evil slug', lang: 'en', authors: [{ name: '<b>Evil</b>', slug: '../../x' }, { name: 'Jane Roe', slug: 'jane-roe', path: '/experts/../../admin' }], topics: [{ name: 'Water', slug: 'a/b' }] });
  const a = page.articles[0];
  assert.deepEqual(
    a.authors.map((x) => [x.slug, x.path]),
    [
      ['evil', '/experts/evil'],
      ['jane-roe', '/experts/jane-roe'],
    ],
  );
  assert.deepEqual([a.topics[0].slug, a.topics[0].path], ['water', '/policy-analysis/water']);
  const messages = page.warnings.map((w) => `${w.code}: ${w.message}`);
  assert.ok(messages.includes("bad-slug: authors[0].slug: '../../x' is not a slug (letters, digits, - and _): made 'evil' from the name"), messages.join('\n'));
  assert.ok(messages.includes("bad-path: authors[1].path: '/experts/../../admin' has a . or .. segment: made /experts/jane-roe from the slug"), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith("bad-slug: topics[0].slug: 'a/b' is not a slug")), messages.join('\n'));
  // Arabic slugs stay, as a site may make them; a name that gives no slug is refused.
  assert.equal(md('title: عنوان\nlang: ar\nauthors:\n  - name: سابينا\n    slug: سابينا').articles[0].authors[0].slug, 'سابينا');
  refused(() => md('title: T\nlang: en\nauthors:\n  - name: "…"\n    slug: "../x"'), 'page.md', 4, /authors\[0\]\.slug: '\.\.\/x' is not a slug .*and the name '…' gives none/);
  // In Markdown the warning names the line of the field.
  assert.equal(md('title: T\nlang: en\ntopics:\n  - name: Ports\n    slug: "a b"').warnings.find((w) => w.code === 'bad-slug')?.line, 4);
});

test('a date that is given but names no day is refused, naming field, value and line; a written-out day is read', () => {
  refused(() => md('title: T\nlang: en\ndate: 2023-02-30'), 'page.md', 4, /^page\.md:4: date: '2023-02-30' is not a real calendar date: write the day as YYYY-MM-DD$/);
  refused(() => md('title: T\nlang: en\ndate: sometime soon'), 'page.md', 4, /date: 'sometime soon' is not a date/);
  refused(() => md('title: T\nlang: en\npublished: 0000-01-01'), 'page.md', 4, /published: '0000-01-01' is before the year 1000/);
  refused(() => md('title: T\nlang: en\nupdated: May 2023'), 'page.md', 4, /updated: 'May 2023' is not one day/);
  refused(() => json({ title: 'T', lang: 'en', published: '2023-13-01' }), 'page.json', undefined, /published: '2023-13-01' is not a real calendar date/);
  assert.equal(md('title: T\nlang: en\ndate: 2023-05-18').articles[0].published, '2023-05-18');
  assert.equal(md('title: T\nlang: en\npublished: 18 May 2023').articles[0].published, '2023-05-18');
  assert.equal(md('title: عنوان\nlang: ar\npublished: 18 أيار/مايو 2023').articles[0].published, '2023-05-18');
  // A page's own metadata (HTML) is not the writer's to fix: its bad date is left out, with a warning.
  const html = readPage({ file: 'p.html', bytes: enc('<html lang="en"><head><title>Ports</title><meta property="article:published_time" content="2023-02-30T10:00"></head><body><article><p>Ports, harbours, and trade.</p></article></body></html>') });
  assert.equal(html.articles[0].published, null);
  assert.match(html.warnings.find((w) => w.code === 'bad-date')?.message ?? '', /published: '2023-02-30T10:00' is not a real calendar date: left out/);
});

test('Article JSON: a body, a source list or a list field that is no list is refused by name', () => {
  refused(() => json({ title: 'x', lang: 'en', body: 'not an array' }), 'page.json', undefined, /article 1: body: expected a list of blocks, got a string \("not an array"\)/);
  refused(() => json({ title: 'x', lang: 'en', sources: {} }), 'page.json', undefined, /sources: expected a list, got a mapping/);
  refused(() => json({ title: 'x', lang: 'en', authors: 'Jane' }), 'page.json', undefined, /authors: expected a list, got a string \("Jane"\)/);
  refused(() => json({ title: 'x', lang: 'en', topics: [3] }), 'page.json', undefined, /topics\[0\]: expected a mapping \(or a name\), got a number/);
  assert.equal(json({ title: 'x', lang: 'en', body: [] }).articles[0].body.length, 0);
  // A name alone is an author (or a term), as writers of front matter put it.
  assert.deepEqual(md('title: T\nlang: en\nauthors: [Jane Roe]').articles[0].authors.map((a) => a.slug), ['jane-roe']);
});

test('a series needs its name and a whole number; a field no article has is passed over with a warning', () => {
  refused(() => md('title: T\nlang: en\nseries:\n  name: PolicyWatch\n  number: abc'), 'page.md', 4, /series\.number: "abc" is not a whole number, 0 or more/);
  refused(() => json({ title: 'T', lang: 'en', series: { name: 'PolicyWatch', number: -5 } }), 'page.json', undefined, /series\.number: -5 is not a whole number/);
  refused(() => json({ title: 'T', lang: 'en', series: { name: 'PolicyWatch' } }), 'page.json', undefined, /series\.number: a series needs its number/);
  refused(() => json({ title: 'T', lang: 'en', series: 'PolicyWatch 12' }), 'page.json', undefined, /series: expected \{ name, number \}/);
  assert.deepEqual(json({ title: 'T', lang: 'en', series: { name: 'PolicyWatch', number: '3740' } }).articles[0].series, { name: 'PolicyWatch', number: 3740 });
  const page = md('title: T\nlang: en\npubished: 2023-05-18');
  assert.deepEqual(
    page.warnings.map((w) => [w.code, w.line, w.message]),
    [['unknown-field', 4, "'pubished' is no field of an article: ignored"]],
  );
});

test('the model checks days, slugs and paths the same way for every entry point', () => {
  assert.equal(isoDateProblem('2024-02-29'), null);
  assert.equal(isoDateProblem('2023-02-29'), 'is not a real calendar date');
  assert.equal(isoDateProblem('0999-12-31'), 'is before the year 1000');
  assert.equal(isoDateProblem('1000-01-01'), null);
  assert.equal(isoDateProblem('9999-12-31'), null);
  assert.equal(isoDateProblem('18/5/2023'), 'is not a date written YYYY-MM-DD');
  for (const ok of ['sabyna-hynbrj', 'x', 'سابينا-هينبرج', 'a_b', '2023']) assert.ok(isSlug(ok), ok);
  for (const bad of ['', '../../x', '..', 'a/b', 'a b', '-x', 'a%2Fb', 'a.b', 'x'.repeat(201)]) assert.ok(!isSlug(bad), bad);
  for (const bad of ['/experts/../x', '/a/./b', '/a/..', '/a/%2e%2E/b', '/a\\..\\b']) assert.ok(hasDotSegment(bad), bad);
  for (const ok of ['/experts/a.b', '/a/..b', '/policy-analysis/x']) assert.ok(!hasDotSegment(ok), ok);
});
