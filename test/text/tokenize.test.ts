import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, analyze } from '../../src/text/index.ts';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);

test('tokenize splits Arabic, Latin and mixed text with offsets into the original', () => {
  const text = 'قالَ الرئيسُ (Tebboune) إنّ 76% من "الواردات"';
  const tokens = tokenize(text);
  assert.deepEqual(tokens.map((t) => t.text), ['قالَ', 'الرئيسُ', 'Tebboune', 'إنّ', '76%', 'من', 'الواردات']);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test('tokenize keeps numbers, hyphenated words, URLs and e-mail addresses whole', () => {
  assert.deepEqual(kinds('٧٦٪ و1,000.5 و٣٫٥'), ['number:٧٦٪', 'word:و1', 'number:000.5', 'word:و٣', 'number:٥']);
  assert.deepEqual(kinds('76 % 2023'), ['number:76', 'number:2023']);
  assert.deepEqual(kinds('Algeria-Russia ties, Iran’s role'), ['word:Algeria-Russia', 'word:ties', 'word:Iran’s', 'word:role']);
  assert.deepEqual(kinds('(https://example.org/a/b_c?x=1). المصدر'), ['url:https://example.org/a/b_c?x=1', 'word:المصدر']);
  assert.deepEqual(kinds('<http://en.example.ru/catalog/82/print>'), ['url:http://en.example.ru/catalog/82/print']);
  assert.deepEqual(kinds('www.example.com، ثم'), ['url:www.example.com', 'word:ثم']);
  assert.deepEqual(kinds('راسلوا info.desk@example.org اليوم'), ['word:راسلوا', 'email:info.desk@example.org', 'word:اليوم']);
  assert.deepEqual(kinds('a@b c'), ['word:a', 'word:b', 'word:c']);
});

test('tokenize skips punctuation, lone marks and controls', () => {
  assert.deepEqual(kinds('\u064E\u0651 ... \u202B؟! \u200F'), []);
  assert.deepEqual(tokenize(''), []);
});

test('an invisible character inside a word never splits it; around a word it is left out (issue 18)', () => {
  for (const c of ['\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u2060', '\uFEFF']) {
    const text = `قال المس${c}ؤول${c} إن`;
    const words = tokenize(text).map((t) => t.text);
    assert.deepEqual(words, ['قال', `المس${c}ؤول`, 'إن'], `U+${c.charCodeAt(0).toString(16)}`);
  }
  assert.deepEqual(analyze('الشئ\u200Bون').map((t) => t.exact), [analyze('الشؤون')[0].exact]);
});
