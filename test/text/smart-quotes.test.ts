/**
 * Regression (issue 13): straight quotes stayed straight in reader-facing prose. Arabic prints «…», English
 * “…” and ’; one character for one (link offsets hold) and addresses untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { smartQuotes } from '../../src/text/index.ts';

test('Arabic quotations take guillemets, English ones curly marks and apostrophes', () => {
  assert.equal(smartQuotes('زميل في "برنامج السياسة العربية" منذ عام 2006', 'ar'), 'زميل في «برنامج السياسة العربية» منذ عام 2006');
  assert.equal(smartQuotes('"الفرصة ربما لتمهيد الطريق"، كما قال', 'ar'), '«الفرصة ربما لتمهيد الطريق»، كما قال');
  assert.equal(smartQuotes(`He called it "a window" (the "last") and wasn't alone; the institutes' view`, 'en'), 'He called it “a window” (the “last”) and wasn’t alone; the institutes’ view');
  assert.equal(smartQuotes(`a 'quoted' word`, 'en'), 'a ‘quoted’ word');
  assert.equal(smartQuotes('no quotes here', 'en'), 'no quotes here');
});

test('an address in the text keeps its straight quotes', () => {
  const text = `see https://example.org/o'brien-report and "this"`;
  assert.equal(smartQuotes(text, 'en'), `see https://example.org/o'brien-report and “this”`);
  assert.equal(smartQuotes(`انظر www.example.org/o'brien و"هذا"`, 'ar'), `انظر www.example.org/o'brien و«هذا»`);
});

test('one character for one, and only quotes change', () => {
  const pieces = ['"', "'", ' ', 'a', 'ب', '(', ')', '،', '.', '-', 'https://x.org/', '\n'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));
  fc.assert(
    fc.property(text, fc.constantFrom('ar', 'en'), (s, lang) => {
      const out = smartQuotes(s, lang);
      assert.equal(out.length, s.length);
      for (let i = 0; i < s.length; i++) if (s[i] !== out[i]) assert.ok(`"'`.includes(s[i]), `${JSON.stringify(s)} @${i}`);
      assert.equal(smartQuotes(out, lang), out, 'a second pass changes nothing');
    }),
    { numRuns: 2000 },
  );
});
