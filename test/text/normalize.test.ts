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
