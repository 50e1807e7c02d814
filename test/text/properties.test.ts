import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalize, foldWithOffsets, tokenize, analyze, slugify, parseDate, formatDate, findDates, findQuantities } from '../../src/text/index.ts';

/** Arabic letters, harakat, tatweel, digits of three systems, Latin, punctuation, controls and spaces. */
const PIECES = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةٱ',
  '\u064B', '\u064E', '\u0650', '\u0651', '\u0652', '\u0670', '\u0640',
  ...'٠١٢٣٤٥٦٧٨٩۰۱۲۳٤0123456789',
  ...'abcXYZéÉß', ' ', ' ', '\n', '-', '.', ',', '،', '%', '٪', '/', ':', '@', '(', ')',
  '\u200F', '\u202B', '\u200B', 'ﻻ', 'ی', 'ک', 'ﺋ', 'ﺀ', 'ٸ', 'ۆ', 'الـ', 'https://', 'www.', 'أيار/مايو ', 'في ', 'عام ', '2023',
];
const arabicish = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));
const anything = fc.oneof(arabicish, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

test('normalize is idempotent', () => {
  fc.assert(fc.property(anything, (s) => normalize(normalize(s)) === normalize(s)), { numRuns: 2000 });
});

test('token and term offsets point at their text in the original', () => {
  fc.assert(
    fc.property(anything, (s) => {
      let last = 0;
      for (const t of tokenize(s)) {
        assert.equal(s.slice(t.start, t.end), t.text);
        assert.ok(t.start >= last && t.end > t.start);
        last = t.end;
      }
      for (const t of analyze(s)) assert.ok(t.start >= 0 && t.end <= s.length && t.end > t.start && t.term.length > 0);
      for (const d of findDates(s, { ref: '2023-05-18' })) assert.equal(s.slice(d.start, d.end), d.text);
      for (const q of findQuantities(s)) assert.equal(s.slice(q.start, q.end), q.text);
    }),
    { numRuns: 1000 },
  );
});

test('slugs use only [a-z0-9-] and never start, end or double a hyphen', () => {
  fc.assert(fc.property(anything, (s) => /^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/.test(slugify(s))), { numRuns: 2000 });
});

test('parseDate inverts formatDate at every precision, in both languages', () => {
  const date = fc.oneof(
    fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.tuple(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
    fc.integer({ min: 1000, max: 2999 }).map(String),
  );
  fc.assert(
    fc.property(date, fc.constantFrom('ar', 'en'), (d, lang) => parseDate(formatDate(d, lang))?.date === d),
    { numRuns: 1000 },
  );
});

const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u2060', '\uFEFF'];

test('invisible characters inserted anywhere change neither the words nor their analysis (issue 18)', () => {
  const words = fc.array(fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة'), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
  fc.assert(
    fc.property(fc.array(words, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLES)), { maxLength: 6 }), (ws, inserts) => {
      const plain = ws.join(' ');
      let noisy = plain;
      for (const [at, c] of inserts) {
        const i = at % (noisy.length + 1);
        noisy = noisy.slice(0, i) + c + noisy.slice(i);
      }
      const terms = (s: string) => analyze(s).map((t) => t.term + '/' + t.exact);
      assert.deepEqual(terms(noisy), terms(plain));
      assert.equal(normalize(noisy), normalize(plain));
    }),
    { numRuns: 1000 },
  );
});

const LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
const arabicWord = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
/** A seat's letter, as a reader types it without the hamza. */
const CARRIER: Record<string, string> = { 'ئ': 'ي', 'ؤ': 'و', 'أ': 'ا', 'إ': 'ا', 'آ': 'ا' };

test('normalize folds like foldWithOffsets, whose offsets point into the original', () => {
  fc.assert(
    fc.property(anything, (s) => {
      const f = foldWithOffsets(s);
      assert.equal(f.text, normalize(s));
      for (let k = 0; k < f.text.length; k++) assert.ok(f.starts[k] < f.ends[k] && f.ends[k] <= s.length);
    }),
    { numRuns: 1000 },
  );
});

test('a word with a hamza on its seat and the same word typed with the bare seat letter analyze the same', () => {
  // Not before و, where every seat folds to و (the next property): مسئول is مسوول, not مسيول.
  const notWaw = arabicWord.filter((b) => b[0] !== 'و');
  fc.assert(
    fc.property(arabicWord, fc.constantFrom(...Object.keys(CARRIER)), notWaw, fc.constantFrom('', 'ال', 'وال', 'لل', 'ب'), (a, h, b, clitic) => {
      const written = clitic + a + h + b;
      const typed = clitic + a + CARRIER[h] + b;
      assert.equal(normalize(written), normalize(typed));
      assert.deepEqual(analyze(written), analyze(typed));
    }),
    { numRuns: 1000 },
  );
});

test('before و a hamza folds alike on every seat and to the و a reader types without it', () => {
  fc.assert(
    fc.property(arabicWord, fc.constantFrom('ؤ', 'ئ', 'ء', 'و'), fc.constantFrom('ؤ', 'ئ', 'ء', 'و'), arabicWord, (a, h1, h2, b) => {
      assert.equal(normalize(a + h1 + 'و' + b), normalize(a + h2 + 'و' + b));
    }),
    { numRuns: 500 },
  );
});

test('folding is idempotent on words, and a folded word holds no seated hamza', () => {
  const seated = fc.array(fc.constantFrom(...LETTERS, 'ء', 'ئ', 'ؤ', 'أ', 'إ', 'آ', 'ى', 'ة', '\u064E', '\u0651'), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
  fc.assert(
    fc.property(seated, (w) => {
      const once = normalize(w);
      assert.equal(normalize(once), once);
      assert.ok(!/[ئؤأإآ]/u.test(once), once);
      assert.deepEqual(analyze(once).map((t) => t.term), analyze(w).map((t) => t.term));
    }),
    { numRuns: 1000 },
  );
});
