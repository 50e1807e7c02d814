/**
 * @module The words a scraped page uses to mark its parts, per family of pages. A new label, language
 * or family is a row here; the reader's control flow stays as it is.
 */

/** The parts of a page a label line opens. */
export type Section = 'translations' | 'bios' | 'recommended' | 'topics' | 'regions';

/** A family of pages: the site's layout in one language. */
export interface Family {
  lang: string;
  /** Words that open the byline (`بواسطة`, `By`). */
  byline: string[];
  /** Words between names in a byline without links. */
  nameSeparators: RegExp;
}

export const FAMILIES: Family[] = [
  { lang: 'ar', byline: ['بواسطة', 'بقلم', 'كتبه'], nameSeparators: /\s*(?:،|,|\sو(?=\S))\s*/ },
  { lang: 'en', byline: ['By', 'Written by'], nameSeparators: /\s*(?:,|\band\b|&)\s*/i },
];

/** Label lines that open a section, in any family (pages mix them: an Arabic page may say TOPICS). */
export const SECTION_LABELS: Record<Section, string[]> = {
  translations: ['متوفر أيضاً باللغات', 'متوفر أيضا باللغات', 'متاح أيضاً باللغات', 'Also available in', 'Also available in the following languages', 'Available in'],
  bios: ['عن المؤلفين', 'عن المؤلف', 'عن الكاتب', 'حول المؤلفين', 'About the Authors', 'About the Author'],
  recommended: ['موصى به', 'مقترحات', 'قراءات ذات صلة', 'Recommended', 'Related', 'Related Analysis'],
  topics: ['المواضيع', 'الموضوعات', 'القضايا', 'Topics', 'Issues'],
  regions: ['المناطق والبلدان', 'المناطق', 'البلدان', 'Regions & Countries', 'Regions and Countries', 'Regions', 'Countries'],
};

/** Names of languages as pages write them in the translations line. */
export const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  الإنجليزية: 'en',
  الانجليزية: 'en',
  arabic: 'ar',
  العربية: 'ar',
  عربي: 'ar',
  français: 'fr',
  french: 'fr',
  فارسی: 'fa',
  farsi: 'fa',
  persian: 'fa',
  türkçe: 'tr',
  עברית: 'he',
};

/** Series lines (`PolicyWatch 3740`): the series name and the type an article of it has when no other label says. */
export const SERIES_PATTERNS: { re: RegExp; name: string; type: 'policywatch' | 'policy-note' }[] = [
  { re: /^(?:policy\s*watch|المرصد السياسي)\s*(\d+)$/i, name: 'PolicyWatch', type: 'policywatch' },
  { re: /^(?:policy\s*notes?|ملاحظة سياسية)\s*(\d+)$/i, name: 'Policy Note', type: 'policy-note' },
];

/** Marks that open the author note at the end of the body. */
export const NOTE_MARKS = ['❖', '✦', '◆', '*'];

/** Lines that state the page's own address. */
export const ADDRESS_LINE = /^(?:url|source|canonical|permalink|الرابط|المصدر|رابط الصفحة)\s*[:：]\s*(https?:\/\/\S+)$/i;

/** A separator line between a related item's title and its authors. */
export const RELATED_SEPARATOR = /^(?:\/\/|\||—|-|·)$/;

/** Query-string debris a scraper leaves as a line of its own. */
export const JUNK_PATTERNS: RegExp[] = [
  /(?:^|[\s?&*(.])(?:_ga|_gl|_gid|utm_[a-z]+|fbclid|gclid|mc_eid|mc_cid)=/i,
  /^[\s\\()[\].#*_=|-]*$/,
];

/**
 * Words after which a sentence cannot end: a paragraph that ends with one was split by a page break
 * and continues in the next one.
 */
export const CONTINUATION_WORDS: Record<string, string[]> = {
  ar: ['أن', 'أنه', 'أنها', 'أنهم', 'أنّ', 'إن', 'إنه', 'إنها', 'لأن', 'بأن', 'إلا', 'لكن', 'لكنّ', 'ولكن', 'التي', 'الذي', 'الذين', 'اللذين', 'اللتين', 'في', 'من', 'على', 'إلى', 'عن', 'مع', 'بين', 'حتى', 'منذ', 'و', 'أو', 'ثم', 'بل', 'لا', 'لم', 'لن', 'قد', 'كما', 'حيث', 'عندما', 'بعد', 'قبل', 'خلال', 'نحو', 'تجاه', 'ضد', 'عبر', 'لدى', 'تقدر', 'يقدر', 'بلغت', 'بلغ', 'تبلغ'],
  en: ['a', 'an', 'the', 'of', 'to', 'and', 'or', 'but', 'that', 'which', 'who', 'whose', 'with', 'for', 'in', 'on', 'at', 'by', 'from', 'as', 'than', 'into', 'onto', 'its', 'their', 'his', 'her', 'our', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'not', 'estimated', 'worth', 'valued'],
};

/**
 * Verbs that report what someone said or denied: when a paragraph ends on one, its object is missing.
 * Followed by a complementizer, the next paragraph continues the sentence; followed by anything else,
 * a passage was lost between the pages.
 */
export const REPORTING_VERBS: Record<string, string[]> = {
  ar: ['نفوا', 'نفى', 'نفت', 'قالوا', 'قال', 'قالت', 'أكدوا', 'أكد', 'أكدت', 'ذكروا', 'ذكر', 'ذكرت', 'أوضحوا', 'أوضح', 'أشاروا', 'أشار', 'أفادوا', 'أفاد', 'زعموا', 'اعترفوا', 'أعلنوا', 'أعلن', 'أنكروا', 'أنكر'],
  en: ['denied', 'said', 'stated', 'noted', 'claimed', 'reported', 'argued', 'insisted', 'acknowledged', 'announced', 'confirmed'],
};

/** Words that open the object of a reporting verb. */
export const COMPLEMENTIZERS: Record<string, string[]> = {
  ar: ['أن', 'أنه', 'أنها', 'أنهم', 'بأن', 'إن', 'ذلك', 'هذا', 'هذه', 'وجود', 'حدوث', 'قيام'],
  en: ['that', 'this', 'these', 'it', 'any', 'the'],
};

/** Characters that end a sentence. */
export const SENTENCE_END = /[.!?؟…:"”»)\]]$/;
