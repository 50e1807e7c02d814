/**
 * A printed PDF carries the article's dates, not the print time, at the same byte length (so its
 * cross-reference table stays right), and loses them rather than keep the print time when it has none.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stablePdfDates } from '../../src/web/pdf/pdf-dates.ts';

const printed = (at: string) => Buffer.from(`%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF)\n/CreationDate (D:${at}+00'00')\n/ModDate (D:${at}+00'00')>>\nendobj\n`, 'latin1');

test('two prints of one article give the same bytes, dated by the article, at the same length', () => {
  const dates = { published: '2023-05-18', updated: '2024-01-02T10:11:12Z' };
  const a = stablePdfDates(printed('20261202170533'), dates);
  const b = stablePdfDates(printed('20261202170534'), dates);
  assert.ok(a.equals(b));
  assert.equal(a.length, printed('20261202170533').length);
  assert.match(a.toString('latin1'), /\/CreationDate \(D:20230518000000\+00'00'\)\n\/ModDate \(D:20240102101112\+00'00'\)>>/);
});

test('an undated article\'s PDF names no date rather than the print time', () => {
  const out = stablePdfDates(printed('20261202170533'), { published: null, updated: null }).toString('latin1');
  assert.doesNotMatch(out, /Date|2026/);
  assert.equal(out.length, printed('20261202170533').length);
  assert.match(out, /<<\/Producer \(Skia\/PDF\)\n +\n +>>/);
});
