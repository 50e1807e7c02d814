import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, stem, normalize, isStopWord, detectLang, joinedPlurals } from '../../src/text/index.ts';

const ar = (w: string) => stem(normalize(w), 'ar');

test('the Arabic stemmer strips stacked proclitics and suffixes', () => {
  const table: [string, string][] = [
    ['والمعلمون', 'معلم'],
    ['بالمدارس', 'مدارس'],
    ['وبالمدارس', 'مدارس'],
    ['للجزائر', 'جزاير'],
    ['الجزائرية', 'جزاير'],
    ['الجزائريين', 'جزاير'],
    ['وموسكو', 'موسكو'],
    ['بالكرملين', 'كرملين'],
    ['مبيعاتها', 'مبيع'],
    ['الولايات', 'ولاي'],
    ['ولاية', 'ولاي'],
    ['العلاقات', 'علاق'],
    ['علاقتها', 'علاق'],
    ['علاقتهما', 'علاق'],
    ['بينهما', 'بين'],
    ['دولتين', 'دوله'], // a three-letter noun keeps its ة (issue 18: دولة is not دول)
    ['الدولتان', 'دوله'],
    ['كتابكم', 'كتاب'],
    ['هاتفياً', 'هاتفي'], // a nisba of no place is a word of its own (issue 18)
    ['اتصالاً', 'اتصال'],
    // Past-verb endings and the feminine ت.
    ['ذهبوا', 'ذهب'],
    ['كتبتم', 'كتب'],
    ['قالت', 'قال'],
    ['أعلنت', 'اعلن'],
    // Future س before an imperfect verb; ب/ل before a verbal noun.
    ['سيزور', 'يزور'],
    ['ستحتاج', 'تحتاج'],
    ['بتعميق', 'تعميق'],
    ['لتحقيق', 'تحقيق'],
    ['باعتماد', 'اعتماد'],
    ['بمليارات', 'مليار'],
    // A construct ending before a pronoun.
    ['معلموهم', 'معلم'],
    ['علاقتاهما', 'علاق'],
  ];
  for (const [word, expected] of table) assert.equal(ar(word), expected, word);
});

test('inflection gaps of issue 18: ك and وك, the pronoun ك, endings on short words, و/ف that are and are not the word\'s own', () => {
  const meet: [string, string][] = [
    ['كمراقب', 'مراقب'],
    ['وكمسؤول', 'مسؤول'],
    ['علاقتك', 'علاقة'],
    ['علاقاتك', 'علاقات'],
    ['عاماً', 'عام'],
    ['يوما', 'يوم'],
    ['يومين', 'يوم'],
    ['الطرفين', 'طرف'],
    ['ورئيس', 'رئيس'],
    ['وفريق', 'فريق'],
    ['السياسية', 'سياسي'],
    ['سياسيون', 'سياسي'],
  ];
  for (const [a, b] of meet) assert.equal(ar(a), ar(b), `${a} / ${b}`);
  const apart: [string, string][] = [
    ['وزراء', 'زراء'],
    ['فيروس', 'يروس'],
    ['كتابة', 'تابة'],
    ['شريك', 'شري'],
    ['اشتراك', 'اشترا'],
    ['تحسين', 'تحس'],
    ['دنيا', 'دني'],
    ['سياسي', 'سياسة'],
    ['مديرية', 'مدير'],
    ['عملية', 'عمل'],
  ];
  for (const [a, b] of apart) assert.notEqual(ar(a), ar(b), `${a} / ${b}`);
  // Place names keep their own letters: كندا is no كند + tanween; روسيا still meets روسي.
  assert.equal(ar('كندا'), 'كندا');
  assert.equal(ar('روسيا'), ar('الروسي'));
});

test('a three-letter noun in ة is another word than the bare one, and meets its own forms (issue 18)', () => {
  const apart: [string, string][] = [
    ['عملة', 'عمل'],
    ['حكمة', 'حكم'],
    ['ثورة', 'ثور'],
    ['العقدة', 'العقد'],
    ['حملة', 'حمل'],
  ];
  for (const [a, b] of apart) assert.notEqual(ar(a), ar(b), `${a} / ${b}`);
  const meet = [
    ['عملة', 'العملة', 'عملتها', 'عملات', 'العملات', 'عملتين'],
    ['حكومة', 'بحكومة', 'لحكومة', 'وبحكومة', 'كحكومة', 'الحكومة'],
    ['حملة', 'بحملة', 'حملات', 'الحملة'],
    ['ثابت', 'ثابتة', 'الثابتة'], // the ة after a last radical ت is not read as ت + the pronoun ه
    ['فقراء', 'الفقراء'],
    ['وكلاء', 'الوكلاء'],
  ];
  for (const g of meet) assert.equal(new Set(g.map(ar)).size, 1, g.join(' ') + ' → ' + g.map(ar).join(' '));
  // Words that begin with ب or ك before a noun shape keep that letter.
  for (const w of ['بارجة', 'كارثة', 'كنيسة', 'لجنة', 'بطاقة']) assert.equal(ar(w)[0], normalize(w)[0], w);
  assert.equal(ar('فقير'), 'فقير');
});

test('broken plurals join their singular by pattern when the vocabulary holds both, a noun in ة included (issue 18)', () => {
  const joins = (a: string, b: string) => {
    const [x, y] = [ar(a), ar(b)];
    const has = (s: string) => s === x || s === y;
    return joinedPlurals(x, has).includes(y) || joinedPlurals(y, has).includes(x);
  };
  for (const [s, p] of [['سلاح', 'أسلحة'], ['رئيس', 'رؤساء'], ['سؤال', 'أسئلة'], ['قصة', 'قصص'], ['غطاء', 'أغطية'], ['عمود', 'أعمدة'], ['فكرة', 'أفكار'], ['فقير', 'فقراء']]) {
    assert.ok(joins(s, p), `${s} / ${p}`);
  }
  for (const [a, b] of [['عمل', 'عملة'], ['حرب', 'حربة'], ['عقد', 'عقدة']]) assert.ok(!joins(a, b), `${a} / ${b}`);
});

test('inflections of one word meet on one stem', () => {
  const groups = [
    ['أسلحة', 'اسلحة', 'الأسلحة', 'بالأسلحة', 'وأسلحة', 'للأسلحة', 'أسلحتها'],
    ['روسيا', 'الروسية', 'الروسي', 'الروس'],
    ['أمريكا', 'الأمريكية', 'الأمريكيين', 'أمريكي'],
    ['الوزارة', 'وزارة', 'والوزارة', 'وزارات'],
    ['ألمانيا', 'بألمانيا', 'لألمانيا'],
    ['الكويت', 'الكويتية', 'بالكويت'],
    ['تفاوت', 'تفاوتات', 'التفاوت'],
    ['ثابت', 'ثابتة', 'الثابتة'],
  ];
  for (const g of groups) assert.equal(new Set(g.map(ar)).size, 1, g.join(' ') + ' → ' + g.map(ar).join(' '));
});

test('length guards keep short words and radical و/ف', () => {
  const table: [string, string][] = [
    ['وزير', 'وزير'],
    ['وزن', 'وزن'],
    ['واشنطن', 'واشنطن'],
    ['فرص', 'فرص'],
    ['حكم', 'حكم'],
    ['محاكم', 'محاكم'],
    ['بيت', 'بيت'],
    ['صوتها', 'صوت'],
    ['قانون', 'قانون'],
    ['إيران', 'ايران'],
    ['الف', 'الف'],
    ['في', 'في'],
    // Nouns that begin like a future verb or a preposition keep their first letter.
    ['سياسة', 'سياس'],
    ['السياسة', 'سياس'],
    ['سيطرة', 'سيطر'],
    ['كتاب', 'كتاب'],
    ['بحر', 'بحر'],
    ['لاعب', 'لاعب'],
    ['باحث', 'باحث'],
  ];
  for (const [word, expected] of table) assert.equal(ar(word), expected, word);
});

test('English words go through Porter2', () => {
  assert.equal(stem('relations', 'en'), 'relat');
  assert.equal(stem('invasion', 'en'), 'invas');
  assert.equal(stem('running', 'en'), 'run');
});

test('analyze gives stems, exact forms, offsets and stop flags, per script', () => {
  const text = 'والمعلمون في Algeria-Russia Relations، ٧٦٪';
  const terms = analyze(text);
  assert.deepEqual(terms.map((t) => [t.term, t.exact, t.stop]), [
    ['معلم', 'والمعلمون', false],
    ['في', 'في', true],
    ['algeria', 'algeria', false],
    ['russia', 'russia', false],
    ['relat', 'relations', false],
    ['76', '76%', false],
  ]);
  assert.equal(text.slice(terms[3].start, terms[3].end), 'Russia');
  for (const t of terms) assert.ok(t.end > t.start);
  // Query side and index side are the same function: a query meets its inflected forms.
  assert.deepEqual(analyze('العلاقة', 'ar').map((t) => t.term), analyze('بالعلاقات').map((t) => t.term));
});

test('stop words are normalized like the text, and content words are not stop words', () => {
  assert.ok(isStopWord(normalize('إلى'), 'ar'));
  assert.ok(isStopWord(normalize('هذه'), 'ar'));
  assert.ok(isStopWord('the', 'en'));
  for (const w of ['مايو', 'مليار', 'زياره', 'عام']) assert.equal(isStopWord(w, 'ar'), false, w);
  for (const w of ['research', 'state', 'world']) assert.equal(isStopWord(w, 'en'), false, w);
});

test('detectLang goes by the share of Arabic letters', () => {
  assert.equal(detectLang('العلاقات الجزائرية الروسية (Algeria-Russia)'), 'ar');
  assert.equal(detectLang('Algeria-Russia relations after the invasion'), 'en');
  assert.equal(detectLang(''), 'en');
  assert.equal(detectLang('2023'), 'en');
});

test('the stemmer remembers long words without keeping the texts they were read in', () => {
  // A word of 13 letters or more is a slice of its text, and V8 keeps a slice's whole parent alive:
  // remembered as read, 2,000 words would keep 2,000 texts of 50 KB (100 MB).
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const filler = 'ق'.repeat(25_000);
  const letter = (n: number) => String.fromCharCode(0x0628 + (n % 20));
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 2000; i++) analyze(`${filler} كلمطويلجداسسسس${letter(i)}${letter(i / 20)}${letter(i / 400)}`, 'ar');
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  assert.ok(grown < 10_000_000, `2,000 analyzed texts kept ${(grown / 1e6).toFixed(1)} MB`);
});
