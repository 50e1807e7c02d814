/**
 * @module Broken plurals by pattern: the singular and plural shapes Arabic uses most (أفعال، فعول، فعال،
 * أفعلة، فعلاء، أفعلاء، فواعل، مفاعل، مفاعيل، فعائل، فعل …), written over the analyzer's stems (so ة is gone
 * and hamza seats are ء). `pluralPartners` gives, for one stem, every stem that pattern says may be its
 * plural or its singular; it knows no words, so it over-generates by design: search keeps only the
 * partners that the corpus's own vocabulary holds, and ranks what they find below the word typed.
 */
import { PLACE_NAMES } from './place-names.ts';

/**
 * Singular ↔ plural shapes. Digits are the root's letters (a digit repeated is the same letter); other
 * characters are literal; the third element names slots that must hold a strong letter (not و ي: سياره is
 * no singular of اسير, عملي none of عمالي). Each pair is used both ways.
 */
const PAIRS: [string, string, string?][] = [
  // Triliteral nouns: حرب/حروب, حزب/احزاب, شهر/اشهر, حق/حقوق, باب/ابواب.
  ['123', '12و3'],
  ['123', 'ا12ا3'],
  ['123', 'ا123', '3'],
  ['12', '12و2'],
  ['1ا3', 'ا1وا3'],
  // فعال and فعالة: سلاح/اسلحه, رساله/رسائل.
  ['12ا4', 'ا124', '2'],
  ['12ا4', '12اي4'],
  // فعيل and فعيلة: رئيس/رؤساء, صديق/اصدقاء, قبيله/قبائل, طبيب/اطباء.
  ['12ي4', '124اء'],
  ['12ي4', 'ا124اء'],
  ['12ي4', '12اي4'],
  ['12ي2', 'ا12اء'],
  // فاعل and فاعلة: قاعده/قواعد, عالم/علماء.
  ['1ا34', '1وا34'],
  ['1ا34', '134اء'],
  // Four letters: مكتب/مكاتب, منطقه/مناطق, جوهر/جواهر, تجربه/تجارب.
  ['1234', '12ا34', '4'],
  // Five letters with a long vowel before the last: مشروع/مشاريع, مفتاح/مفاتيح, قانون/قوانين, تقرير/تقارير.
  ['123و5', '12ا3ي5'],
  ['123ا5', '12ا3ي5'],
  ['123ي5', '12ا3ي5'],
  ['1ا3و5', '1وا3ي5'],
  ['1ا3ي5', '1وا3ي5'],
  // فعلة of a doubled root and فعل: قصه/قصص, حصه/حصص (the ه is ta marbuta, kept on short stems).
  ['12ه', '122'],
  // فعال and فعول with أفعلة: غطاء/اغطيه, دواء/ادويه, عمود/اعمده.
  ['12اء', 'ا12ي'],
  ['12و4', 'ا124', '2'],
  // Weak endings: قضيه/قضايا, ناحيه/نواح, غني/اغنياء.
  ['12ي', '12اي'],
  ['1ا3ي', '1وا3'],
  ['12ي', 'ا12ياء'],
];
// Left out, measured on bench/text/gold: فعال from فعل (كلام/كلمة, سلام/سلم), فعال and فعل from فعيل
// (وزير/وزارة, قريب/قرب), فعّال from فاعل (كاتب/كتاب), فعلان, and hollow أفعال without its و (دور/ادار):
// each joined more distinct words than plurals.

/**
 * Stems shaped like a plural that are words of their own, mostly masdars: إفعال (إعلام, إسلام, إصلاح) looks
 * like أفعال once hamza is folded, and فعول (دخول, خروج, وجود) like the plural فعول; فعولة nouns (حكومة)
 * lose their ة. Frequent ones only; a plural they hide (أعداد, أبعاد) is not listed.
 */
const NOT_PLURAL = new Set(
  (
    'اعلام اسلام اصلاح ارسال انتاج اخراج ادخال اعلان انجاز ابلاغ اسكان اطلاق ارهاب انقاذ اعدام اكرام اجبار احسان ' +
    'اسراع اصدار انذار اكمال امكان احصاء انشاء الغاء انهاء احراق اغلاق انكار اقصاء اعفاء اعطاء اشراف اشراك اشعال ' +
    'اضراب اطعام افراج افلاس اقلاع اقناع انصاف اهمال ايمان اجراء اعلان اقرار ابقاء ادراج اتمام انزال ارجاء ' +
    'دخول خروج نزول قبول وصول حصول عبور شعور وجود هجوم سقوط جلوس رجوع طلوع ثبوت نهوض صعود هبوط سكوت حضور ' +
    'قعود جمود صمود ركود بروز ظهور مرور خضوع نفوذ هدوء لجوء نشوء طموح وضوح غموض نزوح قدوم عزوف شروق غروب ' +
    'حكوم بطول رجول طفول صعوب سهول خصوص عموم ' +
    // فِعالة masdars of offices (ولاية, like رئاسة and إمارة, which no pattern pair reaches) lose their ة.
    'ولاي ' +
    // Form III participles (مُفاعِل: مواطن, مقابل, مشارك) are shaped like the plural مفاعل of مَفْعَل
    // (مكاتب/مكتب), and in policy writing the participle is the word: مواطن is a citizen, not homelands.
    'مواطن مقابل مشارك مقاتل مراقب مساعد مسافر مقاوم منافس مفاوض مناضل محارب مهاجر'
  ).split(' '),
);



const SLOTS = '123456789';

/** The root letters of `stem` read through `shape` (`strong`: slots that may not be و or ي), or null when it does not fit. */
function read(stem: string, shape: string, strong = ''): string[] | null {
  if (stem.length !== shape.length) return null;
  const slots: string[] = [];
  for (let i = 0; i < shape.length; i++) {
    const k = SLOTS.indexOf(shape[i]);
    if (k < 0) {
      if (stem[i] !== shape[i]) return null;
    } else if (slots[k] === undefined) {
      // A root letter is a consonant or a weak letter, never the long-vowel alef the shapes spell out.
      if (stem[i] === 'ا') return null;
      slots[k] = stem[i];
    } else if (slots[k] !== stem[i]) return null;
  }
  for (const d of strong) if (slots[SLOTS.indexOf(d)] === 'و' || slots[SLOTS.indexOf(d)] === 'ي') return null;
  return slots;
}

function write(slots: string[], shape: string): string {
  let out = '';
  for (const c of shape) {
    const k = SLOTS.indexOf(c);
    out += k < 0 ? c : slots[k];
  }
  return out;
}

/** A hamza radical while the shapes are read (any character the folded text never holds). */
const HAMZA = '#';

/** Adds to `out` the stems every pair of shapes makes of `stem` (only pairs whose singular has `least` letters or more). */
function addPartners(stem: string, out: Set<string>, least = 0): void {
  for (const [singular, plural, strong] of PAIRS) {
    if (singular.length < least) continue;
    const s = read(stem, singular, strong);
    if (s) out.add(write(s, plural));
    const p = read(stem, plural, strong);
    if (p) out.add(write(p, singular));
  }
}

/**
 * Stems that may be the plural or the singular of `stem` by a known pair of patterns (never `stem`).
 * @example pluralPartners('سلاح').includes('اسلح') // → true (سلاح / أسلحة)
 * @example pluralPartners('روساء').includes('رييس') // → true (رؤساء / رئيس: the hamza's seat differs)
 */
export function pluralPartners(stem: string): string[] {
  // A three-letter noun in ة keeps its ه in the stem (حمله): its plural patterns are those of its letters.
  if (stem.length === 4 && stem.endsWith('ه')) return pluralPartners(stem.slice(0, 3)).filter((p) => p !== stem.slice(0, 3));
  const out = new Set<string>();
  if (NOT_PLURAL.has(stem)) return [];
  addPartners(stem, out);
  // A hamza radical folds to its seat, and singular and plural seat it differently (رئيس/رؤساء, سؤال/أسئلة,
  // فؤاد/أفئدة): a و or ي inside the stem is also read as a hamza, a strong letter, on the other seat. Only
  // through singulars of four letters (فعيل, فعال …): read through فعل/أفعل it joined أسير to سور and سورة.
  for (let i = 1; i < stem.length - 1; i++) {
    if (stem[i] !== 'و' && stem[i] !== 'ي') continue;
    const seated = new Set<string>();
    addPartners(stem.slice(0, i) + HAMZA + stem.slice(i + 1), seated, 4);
    const other = stem[i] === 'و' ? 'ي' : 'و';
    for (const w of seated) if (w.includes(HAMZA)) out.add(w.replace(HAMZA, other));
  }
  out.delete(stem);
  for (const w of out) if (NOT_PLURAL.has(w)) out.delete(w);
  // …and a three-letter singular may be one in ة (افكار → فكر and فكره).
  for (const w of [...out]) if (w.length === 3 && stem.length > 3) out.add(w + 'ه');
  return [...out];
}

/**
 * The partners of `stem` that the corpus holds (`has`): the search-time join. A stem that is a held stem
 * behind ب, ل or ك (بقيم is ب + قيم, left whole by the stemmer) is joined to nothing: its shape is a clitic's.
 * @example joinedPlurals('اسلح', (s) => s === 'سلاح') // → ['سلاح']
 */
export function joinedPlurals(stem: string, has: (stem: string) => boolean): string[] {
  const clitic = (s: string) => 'بلك'.includes(s[0]) && s.length >= 4 && has(s.slice(1));
  // Place names are names, not plurals (الجزائر, مصر): the stemmer already joins them to their adjectives.
  if (clitic(stem) || PLACE_NAMES.has(stem)) return [];
  return pluralPartners(stem).filter((p) => has(p) && !clitic(p) && !PLACE_NAMES.has(p));
}

/**
 * Stems one nisba away: a noun and its adjective (سياس / سياسي, اقتصاد / اقتصادي), which the stemmer keeps
 * apart except for places.
 * @example nisbaPartners('سياسي') // → ['سياس']
 */
export function nisbaPartners(stem: string): string[] {
  if (stem.length >= 4 && stem.endsWith('ي') && stem[stem.length - 2] !== 'ا') return [stem.slice(0, -1)];
  return stem.length >= 3 ? [stem + 'ي'] : [];
}
