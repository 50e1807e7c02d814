import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readPage } from '../../src/ingest/index.ts';
import { citeArticle } from '../../src/knowledge/index.ts';

const demo = (path: string) => readPage({ file: path, bytes: readFileSync(new URL(`../../demo/${path}`, import.meta.url)) }).articles[0];
const opts = { url: 'https://example.org/ar/policy-analysis/x', publisher: 'Mizan' };

test('CSL-JSON: a report with its authors, date, series and address', () => {
  const a = demo('ar/twns-wsfqt-sndwq-alnqd-almlwqt-thmn-alantzar.md');
  const [item] = JSON.parse(citeArticle(a, 'csl', opts));
  assert.equal(item.type, 'report');
  assert.equal(item.title, a.title);
  assert.deepEqual(item.author, [{ given: 'ليلى', family: 'بن عمر' }], 'an Arabic name has family and given parts');
  assert.deepEqual(item.issued, { 'date-parts': [[2023, 4, 20]] });
  assert.equal(item['collection-title'], 'PolicyWatch');
  assert.equal(item.number, '3712');
  assert.equal(item.URL, opts.url);
});

test('BibTeX keeps Arabic titles and splits Latin names; RIS carries the same fields', () => {
  const ar = demo('ar/aljzayr-wrwsya-shrakt-tslyh-tht-aldght.md');
  const bib = citeArticle(ar, 'bibtex', opts);
  assert.match(bib, /^@techreport\{danyal2023/);
  assert.ok(bib.includes(ar.title));
  const en = demo('en/algeria-and-russia-arms-partnership-under-strain.md');
  assert.match(citeArticle(en, 'bibtex', opts), /author = \{Hartley, Daniel and Benamar, Leila\}/);
  const ris = citeArticle(en, 'ris', opts);
  assert.match(ris, /^TY {2}- RPRT/);
  assert.match(ris, /AU {2}- Hartley, Daniel/);
  assert.match(ris, /PY {2}- 2023/);
  assert.match(ris, /UR {2}- https:\/\/example\.org/);
  assert.match(ris, /ER {2}- ?\r\n$/);
});

test('an unknown format is a 400 error', () => {
  const a = demo('en/algeria-and-russia-arms-partnership-under-strain.md');
  assert.throws(() => citeArticle(a, 'mla', opts), (e: { status?: number }) => e.status === 400);
});
