import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readPage } from '../../src/ingest/index.ts';
import { MizanError } from '../../src/lib/index.ts';
import { readSeed, seedSkip } from '../support/seed.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const read = (text: string, file = 'page.txt', path?: string) => readPage({ file, bytes: enc(text), path });
const codes = (ws: { code: string; line: number | null }[]) => ws.map((w) => `${w.code}:${w.line}`);

test('the seed page becomes the article it was', { skip: seedSkip }, () => {
  const { articles, warnings, format } = read(readSeed(), 'seed.txt');
  assert.equal(format, 'text');
  const a = articles[0];
  assert.equal(a.lang, 'ar');
  assert.equal(a.dir, 'rtl');
  assert.equal(a.type, 'brief-analysis');
  assert.equal(a.typeLabel, 'تحليل موجز');
  assert.equal(a.published, '2023-05-18');
  assert.match(a.path, /^\/ar\/policy-analysis\/[a-z0-9-]+$/);
  assert.deepEqual(a.authors.map((x) => x.slug), ['sabyna-hynbrj', 'ghrant-rwmlly', 'aryk-yafwrsky']);
  assert.deepEqual(a.authors.map((x) => x.path), ['/ar/experts/sabyna-hynbrj', '/ar/experts/ghrant-rwmlly', '/ar/experts/aryk-yafwrsky']);
  assert.ok(a.authors.every((x) => x.bio.startsWith(x.name)), 'each bio is its own author\'s');
  assert.deepEqual(a.translations, [{ lang: 'en', path: '/policy-analysis/algeria-russia-relations-after-ukraine-invasion', exists: false }]);
  assert.ok(a.summary.length > 50 && !a.body.some((b) => 'text' in b && b.text === a.summary));

  const kinds = a.body.map((b) => b.kind);
  assert.deepEqual(a.body.filter((b) => b.kind === 'heading').map((b) => ('text' in b ? b.text : '')), ['حفظ التوازن للجزائر', 'الخاتمة']);
  assert.equal(kinds.filter((k) => k === 'gap').length, 1);
  assert.equal(kinds[kinds.length - 1], 'note');
  const gapAt = kinds.indexOf('gap');
  const before = a.body[gapAt - 1];
  const after = a.body[gapAt + 1];
  assert.ok('text' in before && before.text.endsWith('نفوا'));
  assert.ok('text' in after && after.text.startsWith('الجمهورية الشعبية'));

  const texts = a.body.map((b) => ('text' in b ? b.text : ''));
  assert.ok(texts.some((t) => t.includes('تقدر قيمتها بمليارات')), 'joined across the junk line');
  assert.ok(texts.some((t) => t.includes('إلا أنها لم تتم بعد.')), 'joined across the plain break');
  assert.ok(!texts.some((t) => /_ga|\]\(#\)|\(<http|\(-\)/.test(t)), 'no junk or scraper markup left');

  for (const b of a.body) {
    if (!('links' in b)) continue;
    for (const l of b.links) assert.equal(b.text.slice(l.start, l.end), l.text, 'links sit at their offsets');
  }
  const first = a.body[0];
  assert.ok(first.kind === 'paragraph');
  const link = first.links.find((l) => l.text === 'تقدر');
  assert.equal(link?.url, 'https://www.alarabiya.net/');

  const cnn = a.sources.find((s) => s.host === 'edition.cnn.com');
  assert.equal(cnn?.truncated, true);
  assert.equal(a.sources.filter((s) => s.truncated).length, 1);
  assert.equal(a.sources.find((s) => s.host === 'www.alarabiya.net')?.cited, 1, 'a link and its repeated address are one citation');
  assert.equal(new Set(a.sources.map((s) => s.url)).size, a.sources.length);
  assert.equal(a.sources.length, 9);
  assert.ok(a.sources.find((s) => s.host === 'www.middleeastmonitor.com')?.url.endsWith('desert-shield-2022'), 'the full address behind a cut anchor text');

  assert.deepEqual(a.topics.map((t) => t.slug), ['mnafst-alqwy-alzmy', 'alsyast-alrbyt-walaslamyt', 'alsyast-alamrykyt']);
  assert.equal(a.topics[0].name, 'منافسة القوى العظمى');
  assert.deepEqual(a.regions, [{ slug: 'shmal-afryqya', name: 'شمال أفريقيا', path: '/ar/policy-analysis/shmal-afryqya' }]);

  assert.equal(a.related.length, 3);
  assert.deepEqual(a.related.map((r) => [r.type, r.lang, r.authors.length, r.path === null]), [
    ['articles-testimony', 'en', 1, false],
    ['brief-analysis', 'en', 1, false],
    ['brief-analysis', 'ar', 0, true],
  ]);
  assert.equal(a.related[0].path, '/policy-analysis/libya-floods-families-search-loved-ones-politicians-trade-blame');

  assert.deepEqual(codes(warnings), ['junk-removed:38', 'sentence-joined:40', 'sentence-joined:42', 'content-gap:48', 'truncated-url:52']);
});

test('the seed with CRLF line ends, doubled and missing blank lines reads the same', { skip: seedSkip }, () => {
  const plain = read(readSeed(), 'seed.txt').articles[0];
  const crlf = read(readSeed().replace(/\n/g, '\r\n'), 'seed.txt').articles[0];
  const spaced = read(readSeed().replace(/\n\n/g, '\n\n\n\n'), 'seed.txt').articles[0];
  const tight = read(readSeed().replace(/\n+/g, '\n'), 'seed.txt').articles[0];
  assert.deepEqual(crlf, plain);
  assert.deepEqual(spaced, plain);
  assert.deepEqual(tight, plain);
});

test('--path sets the page\'s own path and its id', { skip: seedSkip }, () => {
  const a = read(readSeed(), 'seed.txt', '/ar/policy-analysis/custom').articles[0];
  assert.equal(a.path, '/ar/policy-analysis/custom');
});

test('an English page of the same family, written for this test', () => {
  const { articles, warnings } = read(fixture('scraped-en.txt'), 'en.txt');
  const a = articles[0];
  assert.equal(a.lang, 'en');
  assert.equal(a.dir, 'ltr');
  assert.equal(a.title, 'Coastal Grain Corridors After the Drought');
  assert.equal(a.path, '/policy-analysis/coastal-grain-corridors-after-drought');
  assert.equal(a.published, '2023-05-18');
  assert.equal(a.type, 'brief-analysis');
  assert.deepEqual(a.series, { name: 'PolicyWatch', number: 3740 });
  assert.deepEqual(a.authors.map((x) => [x.slug, x.path]), [
    ['jane-okafor', '/experts/jane-okafor'],
    ['tomas-lindqvist', '/experts/tomas-lindqvist'],
  ]);
  assert.match(a.authors[1].bio, /^Tomas Lindqvist writes/);
  assert.deepEqual(a.translations.map((t) => t.lang), ['ar']);
  assert.match(a.summary, /^Three harbors/);
  assert.deepEqual(a.body.map((b) => b.kind), ['paragraph', 'heading', 'paragraph', 'gap', 'paragraph', 'heading', 'paragraph', 'note']);
  const p0 = a.body[0];
  assert.ok(p0.kind === 'paragraph');
  assert.match(p0.text, /were passed on to bakers/);
  assert.match(p0.text, /but most traders said/);
  assert.equal(p0.links[0].url, 'https://example.org/bulletins/2023-04', 'tracking parameters dropped');
  assert.equal(a.sources.find((s) => s.host === 'example.org')?.cited, 1);
  assert.equal(a.sources.find((s) => s.host === 'news.example.com')?.truncated, true);
  assert.deepEqual(a.topics.map((t) => t.slug), ['food-security', 'shipping']);
  // A country listed with its own address keeps that term (slug and path) and is a country besides.
  assert.deepEqual(a.regions.map((t) => [t.slug, t.path]), [['north-africa', '/policy-analysis/north-africa'], ['algeria', '/policy-analysis/algeria']]);
  assert.deepEqual(a.countries, [{ code: 'DZ', name: 'Algeria', path: '/countries/dz' }]);
  assert.deepEqual(a.related.map((r) => [r.type, r.lang, r.path]), [
    ['policy-analysis', 'en', '/policy-analysis/harbor-fees-and-price-bread'],
    ['brief-analysis', 'ar', null],
  ]);
  assert.deepEqual(codes(warnings), ['junk-removed:29', 'sentence-joined:31', 'sentence-joined:33', 'truncated-url:37', 'content-gap:37']);
});

test('optional parts may be missing', () => {
  const page = 'A Short Note on Ports\n\nBy Jane Okafor and Sam Reyes\nMay 2, 2024\n\nPorts matter.\n';
  const a = read(page).articles[0];
  assert.deepEqual(a.authors.map((x) => x.slug), ['jane-okafor', 'sam-reyes']);
  assert.equal(a.published, '2024-05-02');
  assert.equal(a.type, 'other');
  assert.deepEqual(a.body, [{ kind: 'paragraph', text: 'Ports matter.', links: [] }]);
  assert.deepEqual(a.related, []);
  assert.deepEqual(a.topics, []);
});

test('a page that states its address keeps it as its path', () => {
  const page = 'Ports Again\nURL: https://www.example.org/policy-analysis/ports-again-2024/\nMay 2, 2024\n\nText.\n';
  const a = read(page).articles[0];
  assert.equal(a.path, '/policy-analysis/ports-again-2024');
  assert.equal(a.origin.url, 'https://www.example.org/policy-analysis/ports-again-2024/');
});

test('bad input is refused by file and line', () => {
  const fails = (text: string | Uint8Array, code: string, line?: number) => {
    assert.throws(
      () => readPage({ file: 'bad.txt', bytes: typeof text === 'string' ? enc(text) : text }),
      (e: unknown) => e instanceof MizanError && e.code === code && e.file === 'bad.txt' && (line === undefined || e.line === line),
      code,
    );
  };
  fails('', 'empty');
  fails('  \n\n \r\n', 'empty');
  fails(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'binary');
  fails(new Uint8Array([0x41, 0x42, 0, 0, 0x10, 0x11]), 'binary');
  fails('\n\nBy Jane Okafor\nMay 2, 2024\n\nText.', 'no-title', 3);
  fails('Shopping list\n\neggs\nmilk\n', 'not-an-article', 1);
});

test('UTF-16 without a byte order mark is refused as UTF-16, not as binary; with one it is read, its format found from its text', () => {
  const page = '---\nlang: ar\ntitle: تقرير محفوظ\npublished: 2024-05-02\n---\n\nفقرة من تقرير كتبناه للاختبار.\n';
  const le = Buffer.from(page, 'utf16le');
  const be = Buffer.from(le.map((_, i) => le[i ^ 1]!));
  for (const bytes of [le, be]) {
    assert.throws(
      () => readPage({ file: 'saved.md', bytes }),
      (e: unknown) => e instanceof MizanError && e.code === 'utf-16' && e.message === 'the file is UTF-16: save it as UTF-8',
    );
  }
  for (const bom of [[0xff, 0xfe, ...le], [0xfe, 0xff, ...be]]) {
    const r = readPage({ file: 'saved-without-extension', bytes: new Uint8Array(bom) });
    assert.equal(r.format, 'md');
    assert.equal(r.articles[0].title, 'تقرير محفوظ');
  }
});

test('a page over 20 MB is refused before parsing', () => {
  const big = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61);
  assert.throws(() => readPage({ file: 'big.txt', bytes: big }), (e: unknown) => e instanceof MizanError && e.code === 'too-big' && e.file === 'big.txt');
});

test('Windows-1256 Arabic is converted with a warning; other non-UTF-8 is refused', () => {
  // "تقرير" / "بواسطة سعيد" / a date, in Windows-1256.
  const cp1256: Record<string, number> = { ت: 0xca, ق: 0xde, ر: 0xd1, ي: 0xed, ب: 0xc8, و: 0xe6, ا: 0xc7, س: 0xd3, ط: 0xd8, ة: 0xc9, ع: 0xda, د: 0xcf, ' ': 0x20, '\n': 0x0a };
  const encode = (s: string) => new Uint8Array([...s].map((c) => cp1256[c] ?? c.charCodeAt(0)));
  const bytes = new Uint8Array([...encode('تقرير\n\nبواسطة سعيد\n'), ...enc('May 2, 2024\n\n'), ...encode('تقرير ب تاريخ\n')]);
  const r = readPage({ file: 'old.txt', bytes });
  assert.equal(r.articles[0].title, 'تقرير');
  assert.deepEqual(r.articles[0].authors.map((a) => a.name), ['سعيد']);
  assert.equal(r.warnings[0].code, 'encoding-converted');
  assert.throws(
    () => readPage({ file: 'latin1.txt', bytes: new Uint8Array([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]) }),
    (e: unknown) => e instanceof MizanError && e.code === 'bad-encoding' && e.file === 'latin1.txt' && e.line === 2,
  );
});
