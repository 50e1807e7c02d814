/**
 * @module The Arabic light stemmer: light10's prefix and suffix rules (Larkey, Ballesteros and Connell)
 * extended with the pronoun and dual suffixes light10 misses, a ta-marbuta rule for suffixed nouns and
 * length guards so short words survive. Input is `normalize`d (ة is ه, ى is ي, alef forms are ا).
 * Rules are applied in the order below, each at most once; the reasons are next to each rule.
 */

import { PLACE_NAMES } from './place-names.ts';

/**
 * Rule 1 — article stacks, longest first: a conjunction (و ف), then a preposition (ب ك ل), then ال;
 * ل + ال is written لل. At least 2 letters must remain (الان → ان, but الف "thousand" stays).
 */
const ARTICLE_STACKS = ['وبال', 'وكال', 'فبال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];

/**
 * Rule 2 — a bare conjunction و or ف (no article) comes off when 3+ letters remain (وموسكو → موسكو),
 * unless the word's own first letter is و/ف: these stems begin with a radical و or ف and keep it
 * (وزير "minister" is not و + زير). The list holds frequent words of policy writing.
 */
const RADICAL_INITIAL = [
  'وزير', 'وزار', 'واشنطن', 'وارد', 'وثيق', 'وطن', 'وقت', 'وفق', 'وجه', 'وجود', 'وكيل', 'وكال', 'ولاي', 'وسط', 'وسايل',
  'وضع', 'وصل', 'وقع', 'وعد', 'ولد', 'وحد', 'واحد', 'وحيد', 'وصف', 'ورق', 'وزن', 'وسيل', 'وظيف', 'ودي', 'وفد', 'وفر',
  'وسع', 'واقع', 'واضح', 'واجب', 'وراء', 'وريث', 'وريد', 'وريق', 'ورد', 'وقف', 'وافق', 'وفا', 'وعي', 'ولي', 'وهم',
  'وزراء', 'وزر', 'ورش', 'وادي', 'واحه', 'وباء', 'وجب', 'ورث', 'وصي', 'وضح', 'وفاق', 'وقود', 'وسام', 'وليم', 'وحش',
  'فرص', 'فرنس', 'فلسطين', 'فكر', 'فتر', 'فريق', 'فضل', 'فعل', 'فقط', 'فلك', 'فرض', 'فوز', 'فرد', 'فوق', 'فهم', 'فيه',
  'فشل', 'فصل', 'فقر', 'فتح', 'فاعل', 'فني', 'فيدرال', 'فنزويل', 'فيتنام', 'فترض',
  'فيروس', 'فيلم', 'فيضان', 'فيزياء', 'فاتور', 'فارق', 'فاصل', 'فايد', 'فايض', 'فايز', 'فتوي', 'فجر', 'فخر', 'فراغ',
  'فرع', 'فساد', 'فضاء', 'فلاح', 'فلسف', 'فنان', 'فندق', 'فوضي', 'فيات', 'فرقاطه', 'فصيل', 'فقه', 'فقيه',
  'فنون', 'فروع', 'فروق', 'فصول', 'فروض', 'فنادق', 'فوايد', 'فوارق', 'فواصل', 'فيالق', 'وفود', 'وعود', 'وجوه', 'ورود',
  'وثايق', 'وظايف', 'وحدات',
  // Singulars and broken plurals whose ف/و the gold pairs showed lost (فقير/فقراء, وكيل/وكلاء, فارس/فرسان).
  'وكلاء', 'وصايا', 'فقير', 'فقراء', 'فاكه', 'فواكه', 'فضيل', 'فضايل', 'فريض', 'فرايض', 'فنجان', 'فناجين', 'فارس',
  'فرسان', 'فانوس', 'فوانيس', 'فستان', 'فساتين', 'فيلق', 'فهود', 'فواد',
];

/** Nouns that begin like a future verb (س + ي ت ن ا): kept whole by rule 2c. */
const S_NOUNS = [
  'سياس', 'سيار', 'سيطر', 'سيد', 'سيول', 'سيناريو', 'سينما', 'سيناء', 'سيبير', 'ستراتيج', 'ستار', 'ستين', 'ستوكهولم', 'سنو', 'سنغافور',
  'سنتيم', 'سنام', 'سابق', 'ساح', 'ساع', 'سال', 'سام', 'ساد', 'سان', 'ساق', 'سار', 'ساس', 'ساب', 'سات', 'ساك', 'سايل', 'سامر', 'ساكن', 'سافر',
];

/** Names whose endings look like suffixes (ايران is not اير + ان): kept whole after rule 1. */
const PROTECTED = new Set(['ايران', 'لبنان', 'سودان', 'عمان', 'يابان', 'بحرين', 'فلسطين', 'طهران', 'المانيا', 'الله', 'واشنطن', 'موسكو', 'كرملين', 'يونان', 'اذربيجان', 'تايوان']);

const CLITICS = 'وفبكل';

/** Rule 3 — one pronoun suffix, longest first, with the letters that must remain after it. */
const PRONOUNS: [string, number][] = [['كما', 4], ['هما', 3], ['كم', 4], ['كن', 4], ['هم', 3], ['هن', 3], ['ها', 3], ['نا', 3], ['ه', 3]];

/** Rule 4 — subject endings of past verbs, longest first (3+ letters must remain). */
const VERB_ENDINGS = ['تمو', 'تما', 'تم', 'تن', 'وا'];

/** Rule 6 — one plural or dual suffix, longest first, with the letters that must remain. */
const NUMBERS: [string, number][] = [['تين', 3], ['تان', 3], ['ات', 3], ['ون', 4], ['ين', 4], ['ان', 4]];

function isArabicLetters(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 0x0621 || c > 0x064a) return false;
  }
  return true;
}

/**
 * Shapes of verbal nouns and participles that a preposition often precedes: ت… and م… with 4+ letters
 * (تفعيل, مفاعل), and with 5+ letters the derived-form masdars استفعال, افتعال (…ت…), انفعال and افعال.
 */
function isVerbalNoun(r: string): boolean {
  if (r.length >= 4 && (r[0] === 'ت' || r[0] === 'م')) return true;
  if (r.length < 5 || r[0] !== 'ا') return false;
  return r.startsWith('است') || r[2] === 'ت' || (r[1] === 'ن' && r[4] === 'ا') || r[3] === 'ا';
}

/**
 * A word read as ب, ل or ك before a noun in ة (بعلاقة, لحكومة, بحملة): 3+ letters before the ه, and on
 * three not a فاعلة or فعيلة shape, whose first letter the clitic usually is (بارجة, كارثة, كنيسة).
 */
function isNounInTa(w: string): boolean {
  if (!w.endsWith('ه') || w.length < 5) return false;
  return w.length > 5 || (w[1] !== 'ا' && !'اوي'.includes(w[2]));
}

/** Length of the longest radical-initial stem `w` begins with (0: none). */
function radicalPrefix(w: string): number {
  let best = 0;
  for (const r of RADICAL_INITIAL) if (r.length > best && w.startsWith(r)) best = r.length;
  return best;
}

/**
 * Whether the و/ف that begins `w` is the word's own letter: it begins a listed stem, and what follows
 * the letter does not begin a longer listed stem (وفريق is و + فريق, though وفر "abundance" is listed).
 */
/**
 * The dual/plural ين on a three-letter noun (يومين, شهرين, طرفين), told apart from the masdars and
 * nouns of five letters that end in ين by nature: تفعيل (تحسين, تمرين, تعيين) and مفعيل (مسكين).
 */
function isShortDual(w: string, suffix: string): boolean {
  return suffix === 'ين' && w.length === 5 && !((w[0] === 'ت' || w[0] === 'م') && w[3] === 'ي') && !w.startsWith('ال');
}

/** A nisba of a place (جزائري, روسي, امريكي, لبناني): the place's name, or its name less a final ا, remains. */
function isPlaceNisba(w: string): boolean {
  const base = w.slice(0, -1);
  return PLACE_NAMES.has(base) || PROTECTED.has(base) || PLACE_NAMES.has(base + 'يا') || PLACE_NAMES.has(base + 'ا') || PLACE_NAMES.has(w + 'ا') || PROTECTED.has('ال' + w + 'ا');
}

function startsWithRadical(w: string): boolean {
  const own = radicalPrefix(w);
  return own > 0 && radicalPrefix(w.slice(1)) <= own;
}

/**
 * Light-stems one normalized Arabic word; anything that is not plain Arabic letters comes back unchanged.
 * @example stemArabic('والمعلمون') // → 'معلم'
 * @example stemArabic('مبيعاتها') // → 'مبيع'
 * @example stemArabic('وزير') // → 'وزير'
 */
export function stemArabic(word: string): string {
  if (word.length < 3 || !isArabicLetters(word) || PROTECTED.has(word)) return word;
  let w = word;
  let prefixed = false;
  // Rule 0: a place name behind one or two clitics is that name: لإيران، وبواشنطن، لأوكرانيا، لليبيا.
  // Prepositions alone are never stripped otherwise (بريطانيا, لبنان and كتاب start with them).
  for (let k = 1; k <= 2 && k < word.length; k++) {
    if (!CLITICS.includes(word[k - 1])) break;
    const rest = word.slice(k);
    if (PROTECTED.has(rest)) return rest;
    if (PLACE_NAMES.has(rest)) {
      w = rest;
      prefixed = true;
      break;
    }
  }

  // Rule 1: article stacks.
  for (const p of prefixed ? [] : ARTICLE_STACKS) {
    if (w.startsWith(p) && w.length - p.length >= 2) {
      w = w.slice(p.length);
      prefixed = true;
      break;
    }
  }
  // Rule 2: a bare conjunction, guarded.
  if (!prefixed && (w[0] === 'و' || w[0] === 'ف') && w.length >= 4 && !startsWithRadical(w)) {
    w = w.slice(1);
  }
  // Rule 2b: ب, ل or ك before a verbal noun or participle (بتعميق, لتحقيق, بمليارات, لمسوول, باعتماد,
  // لاجراء, باستخدام, كمراقب, وكمسوول); other words beginning with ب ك ل (بحر, كتاب, لجنه, لاعب) keep their
  // first letter, and so does ك before ت (كتابه, كتيبه are not ك + تابه).
  if (!prefixed && (w[0] === 'ب' || w[0] === 'ل' || (w[0] === 'ك' && w[1] !== 'ت')) && (isVerbalNoun(w.slice(1)) || isNounInTa(w)) && !PLACE_NAMES.has(w)) {
    w = w.slice(1);
  }
  // Rule 2c: the future particle س before an imperfect prefix (سيتنفس, ستحتاج, سنعمل), 4+ letters left,
  // except on the common nouns that begin the same way (سياسه, سيطره, ستراتيجيه, سنوات, سابق …).
  else if (!prefixed && w[0] === 'س' && 'يتنا'.includes(w[1]) && w.length - 1 >= 4 && !S_NOUNS.some((n) => w.startsWith(n))) {
    w = w.slice(1);
  }
  if (PROTECTED.has('ال' + w)) return 'ال' + w; // names that begin with ال themselves: المانيا
  if (PROTECTED.has(w) || w.length < 3) return w;

  // Rule 3: one pronoun suffix (ها هم نا …; ه also takes a ta marbuta, which normalize wrote as ه).
  let pronoun = false;
  // The pronoun ك ("your") only where nothing else can end so: after ta marbuta written ت or the plural ات
  // (علاقتك, علاقاتك); a final ك is usually the word's own (شريك, اشتراك, مشترك, سلوك).
  if (w.endsWith('تك') && w.length - 1 >= 4) {
    w = w.slice(0, -1);
    pronoun = true;
  }
  // A final ه on three letters is kept: it is ta marbuta as often as the pronoun, and the noun in ة is
  // another word than the bare one (عملة / عمل, حكمة / حكم, ثورة / ثور); see taMarbuta below.
  if (!pronoun && w.length === 4 && w.endsWith('ه')) return w;
  for (const [s, keep] of pronoun ? [] : PRONOUNS) {
    if (w.endsWith(s) && w.length - s.length >= keep) {
      w = w.slice(0, -s.length);
      pronoun = true;
      break;
    }
  }
  // Rule 4: the subject endings of a past verb (ذهبوا, كتبتم, كتبتما, كتبتن; كتبتموه after rule 3).
  let verb = false;
  for (const s of VERB_ENDINGS) {
    if (w.endsWith(s) && w.length - s.length >= 3) {
      w = w.slice(0, -s.length);
      verb = true;
      break;
    }
  }
  if (!verb && pronoun) {
    // Rule 5a: before a pronoun, ta marbuta is written ت (علاقتها = علاقه + ها): drop it too, unless it
    // is the ت of the plural ات, which rule 6 takes. A construct ending ا or و (علاقتاهما, معلموهم) goes too.
    const last = w[w.length - 1];
    if (last === 'ت' && w[w.length - 2] !== 'ا' && w.length - 1 >= 3) {
      w = w.slice(0, -1);
      // On three letters the ة comes back (حملتها → حمله, like حملة), except after a bare ه, which may be
      // the word's own ة after a last radical ت (ثابتة → ثاب, like ثابت under rule 8).
      if (w.length === 3 && !word.endsWith('ته')) return w + 'ه';
    } else if ((last === 'ا' || last === 'و') && w.length - 1 >= 3) w = w.slice(0, -1);
  } else if (!verb && w.endsWith('ا') && (w.length >= 5 || (w.length === 4 && !'ايو'.includes(w[2]) && !PLACE_NAMES.has(w)))) {
    // Rule 5b: tanween alef (اتصالا، هاتفيا; on three letters too: عاما، يوما، حربا), except after ا ي و
    // on four letters (دنيا، عليا, رويا end that way by nature) and on place names (روسيا، كندا).
    w = w.slice(0, -1);
  }

  // Rule 6: one plural or dual suffix. After a pronoun the ending is certain, so 3 letters may remain
  // (حنكانكم → حنك); without one, ون ين ان need 4 (قانون, ايران, تحسين end that way by nature).
  for (const [s, keep] of NUMBERS) {
    if (w.endsWith(s) && w.length - s.length >= (pronoun || isShortDual(w, s) ? 3 : keep)) {
      w = w.slice(0, -s.length);
      // The feminine plural and dual of a three-letter noun in ة: حملات, حملتين → حمله like حملة.
      if (w.length === 3 && s[0] !== 'و' && s !== 'ين' && s !== 'ان') return w + 'ه';
      break;
    }
  }
  // Rule 7: the nisba ي of a place (الجزائري → جزائر, الروسيه → روس, like روسيا): a reader who types the
  // country means its adjective too. Other nisba adjectives are words of their own (سياسي is not سياسه,
  // مديريه not مدير, عمليه not عمل): search joins them to their noun as a lower-weighted expansion instead.
  if (w.endsWith('ي') && PROTECTED.has(w + 'ا')) return w + 'ا'; // الالمانيه → المانيا
  if (w.endsWith('ي') && w[w.length - 2] !== 'ا' && w.length - 1 >= 3 && isPlaceNisba(w)) w = w.slice(0, -1);
  // Rule 8: a final ت that is not the plural's: the past verb's ending (قالت, اعلنت → اعلن) and ta marbuta
  // seen by rule 5a (ثابته → ثابت → ثاب, like ثابت). Applied to every word, so every form of a noun that
  // truly ends in ت (تفاوت, تفاوتات) loses it alike; 3+ letters remain; place names keep it (الكويت).
  if (w.endsWith('ت') && w[w.length - 2] !== 'ا' && w.length - 1 >= 3 && !PLACE_NAMES.has(w)) w = w.slice(0, -1);
  return w;
}
