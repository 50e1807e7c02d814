import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { indexToken } from '../../src/search/index-token.ts';
import { analyze } from '../../src/text/index.ts';

/** The index spelling as defined: letters and digits only, lower-cased. */
const spelled = (term: string) => term.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

test('a term is spelled in the index as letters and digits only, lower-cased, whatever its characters', () => {
  const pieces = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة', '\u0640', '\u064E', '\u0651', ...'٠١٩۰۹', ...'azAZ09éÉß', "'", '-', '.', '\u200B', 'İ', 'Σ'];
  const terms = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join('')), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }));
  fc.assert(fc.property(terms, (t) => indexToken(t) === spelled(t)), { numRuns: 20000 });
  assert.equal(indexToken('علاقات'), 'علاقات');
  assert.equal(indexToken("O'Brien"), 'obrien');
  assert.equal(indexToken('ـالجزائرـ'), 'ـالجزائرـ');
});

test('a word analyzed again, or in another language, gets that language\'s analysis each time', () => {
  const first = analyze('والعلاقات الجزائرية الروسية politiques economies', 'en');
  const again = analyze('والعلاقات الجزائرية الروسية politiques economies', 'en');
  assert.deepEqual(again, first);
  assert.deepEqual(first.map((t) => t.term).slice(3), ['politiqu', 'economi']);
  // The same Latin words in a French text go through the French stemmer, not the English analysis kept above.
  assert.deepEqual(analyze('politiques economies', 'fr').map((t) => t.term), ['polit', 'econom']);
  assert.deepEqual(analyze('politiques economies', 'en').map((t) => t.term), ['politiqu', 'economi']);
});
