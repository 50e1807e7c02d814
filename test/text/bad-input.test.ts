import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize, tokenize, analyze, slugify, parseDate, findDates, findQuantities, detectLang } from '../../src/text/index.ts';

const NASTY = ['', '\u0301', '\u064E\u0651\u0652', '\u202B\u202E\u200F\u2066', '\uD800', '\uDC00abc\uD83D', 'a\uD800b', '\u0000\uFFFF', '🙂👨‍👩‍👧', '‏@@@...---%%%'];

test('every function takes hostile strings without throwing', () => {
  for (const s of NASTY) {
    normalize(s);
    tokenize(s);
    analyze(s);
    analyze(s, 'ar');
    slugify(s);
    parseDate(s, { ref: '2023-05-18' });
    findDates(s, { ref: '2023-05-18' });
    findQuantities(s);
    detectLang(s);
  }
  assert.equal(normalize('a\uD800b'), 'ab', 'an unpaired surrogate is dropped');
  assert.equal(normalize('\u0301'), '', 'a lone combining accent is dropped');
  assert.deepEqual(tokenize('\u064E\u0651'), [], 'lone harakat make no token');
  assert.equal(parseDate('not a date'), null);
  assert.equal(parseDate('2023-05-18', { ref: 'garbage' })?.date, '2023-05-18', 'a bad ref is ignored, not thrown');
});

test('10 MB strings are analysed in linear time (a budget only catastrophic backtracking would exceed)', () => {
  const unit = 'في تشرين الأول/أكتوبر 2022 بلغت الواردات 76 في المائة a.a.a.a ';
  const big = unit.repeat(Math.ceil(10_000_000 / unit.length));
  // Quadratic behaviour on any of these (1–2 MB) would take hours, not seconds.
  const patho = ['a.'.repeat(1_000_000), '1,'.repeat(1_000_000), 'www'.repeat(500_000), '@a'.repeat(1_000_000), 'a'.repeat(63) + '.'.repeat(1_000_000)];
  const t0 = process.hrtime.bigint();
  assert.equal(normalize(big).length > 0, true);
  assert.ok(tokenize(big).length > 1_000_000);
  for (const p of patho) {
    tokenize(p);
    slugify(p.slice(0, 100_000));
  }
  findDates(big.slice(0, 2_000_000));
  findQuantities(big.slice(0, 2_000_000));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  assert.ok(seconds < 60, `took ${seconds.toFixed(1)} s`);
});
