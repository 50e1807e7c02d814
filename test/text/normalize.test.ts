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
    ['مسؤول', 'مسءول'],
    ['هيئة', 'هيءه'],
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

test('hamza on any seat is one letter: مسئول/مسؤول and الشئون/الشؤون meet (issue 18)', () => {
  assert.equal(normalize('مسئول'), normalize('مسؤول'));
  assert.equal(normalize('الشئون'), normalize('الشؤون'));
  assert.equal(normalize('شيئ'), normalize('شيء'));
  assert.equal(normalize('رئيس'), normalize('رءيس'));
});

test('letters of other languages in Arabic script fold to the letter readers type (issue 18)', () => {
  const table: [string, string][] = [
    ['ڤيتنام', 'فيتنام'], // ڤ (v)
    ['ڨالمة', 'قالمه'], // ڨ (Maghrebi g)
    ['پاکستان', 'باكستان'], // پ, keheh
    ['گاز چاي ژ', 'كاز جاي ز'],
    ['ٹ ڈ ڑ ں ۃ ې', 'ت د ر ن ه ي'], // Urdu
    ['ٲ ٵ ٶ ٸ', 'ا ا ء ء'], // rare hamza forms
    ['الصلوٰة\u06E5', 'الصلوه'], // superscript alef and the small waw of Quranic spelling
  ];
  for (const [input, expected] of table) assert.equal(normalize(input), expected, input);
});

test('invisible characters never remain: soft hyphen, ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, word joiner, BOM (issue 18)', () => {
  for (const c of ['\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u2060', '\uFEFF']) {
    assert.equal(normalize(`مس${c}ؤول`), normalize('مسؤول'), `U+${c.charCodeAt(0).toString(16)}`);
  }
});
