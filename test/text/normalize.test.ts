import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize } from '../../src/text/index.ts';

test('normalize applies the issue 3 folding rules', () => {
  const table: [string, string][] = [
    ['مُحَمَّدٌ', 'محمد'], // harakat, shadda, tanwin
    ['الرحمٰن', 'الرحمن'], // superscript alef
    ['العـــلاقات', 'العلاقات'], // tatweel
    ['أإآٱا', 'ااااا'],
    ['مصطفى', 'مصطفي'],
    ['علاقة', 'علاقه'],
    ['مسؤول', 'مسوول'],
    ['هيئة', 'هييه'],
    ['سماء', 'سماء'], // a lone hamza is a letter and stays
    ['٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹', '0123456789 0123456789'],
    ['ﻻ ﷲ', 'لا الله'], // presentation forms through NFKC
    ['ایران کابل', 'ايران كابل'], // Persian yeh and keheh
    ['Éclair NAÏVE Straße', 'eclair naive strasse'],
    ['e\u0301', 'e'], // decomposed accent
    ['\u202Bنص\u202C\u200F', 'نص'], // bidi controls
    ['كلمة\u200Bأخرى\uFEFF', 'كلمهاخري'], // zero-width characters
    ['٣٫٥٪', '3.5%'],
  ];
  for (const [input, expected] of table) assert.equal(normalize(input), expected, input);
});

test('normalize leaves already folded text as it is (same string)', () => {
  const s = 'العلاقات الجزائرية الروسية 2023 algeria';
  assert.equal(normalize(normalize(s)), normalize(s));
  assert.equal(normalize('plain ascii text'), 'plain ascii text');
});

test('a hamza on a seat folds to the letter that carries it, as readers type it without hamza', () => {
  // ي typed for ئ, و for ؤ, ا for أ إ آ: the spellings readers use meet the written ones, both ways.
  const pairs: [string, string][] = [
    ['الجزائري', 'الجزايري'],
    ['الجزائرية', 'الجزايرية'],
    ['جزائري', 'جزايري'],
    ['الجزائر', 'الجزاير'],
    ['الرئيس', 'الرييس'],
    ['مؤخرا', 'موخرا'],
    ['سؤال', 'سوال'],
    ['إسرائيل', 'اسراييل'],
    ['الأمن', 'الامن'],
    ['آلاف', 'الاف'],
  ];
  for (const [written, typed] of pairs) assert.equal(normalize(written), normalize(typed), `${written} / ${typed}`);
  assert.equal(normalize('الجزائر'), 'الجزاير', 'a comparison key never holds a bare ء where the text has a seat');
});

test('before و every seat of the hamza folds alike: مسؤول, مسئول, مسءول and مسوول meet', () => {
  for (const w of ['مسئول', 'مسءول', 'مسوول', 'مسئُول']) assert.equal(normalize(w), normalize('مسؤول'), w);
  assert.equal(normalize('الشئون'), normalize('الشؤون'));
  assert.equal(normalize('رءوف'), normalize('رؤوف'));
  assert.equal(normalize('المسئولين'), normalize('المسوولين'));
  // Elsewhere a hamza on the line is a letter of its own, not a seat.
  assert.equal(normalize('سماء'), 'سماء');
  assert.notEqual(normalize('جزء'), normalize('جزي'));
});

test('letters of other languages in Arabic script fold to the letter readers type (issue 18)', () => {
  const table: [string, string][] = [
    ['ڤيتنام', 'فيتنام'], // ڤ (v)
    ['ڨالمة', 'قالمه'], // ڨ (Maghrebi g)
    ['پاکستان', 'باكستان'], // پ, keheh
    ['گاز چاي ژ', 'كاز جاي ز'],
    ['ٹ ڈ ڑ ں ۃ ې', 'ت د ر ن ه ي'], // Urdu
    ['ٲ ٵ ٶ ٸ ۓ', 'ا ا و ي ي'], // rare hamza forms fold to their seats like ؤ and ئ
    ['الصلوٰة\u06E5', 'الصلوه'], // superscript alef and the small waw of Quranic spelling
  ];
  for (const [input, expected] of table) assert.equal(normalize(input), expected, input);
});

test('invisible characters never remain: soft hyphen, ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, word joiner, BOM (issue 18)', () => {
  for (const c of ['\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u2060', '\uFEFF']) {
    assert.equal(normalize(`مس${c}ؤول`), normalize('مسؤول'), `U+${c.charCodeAt(0).toString(16)}`);
  }
});
