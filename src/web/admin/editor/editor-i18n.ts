/**
 * @module The editor's interface strings (the rich-text toolbar, its dialogs, autosave, review,
 * translation work), Arabic first, in the same shape as the admin's catalog. The client reads the
 * `editor.*` strings from a data block on the page; nothing is hard-coded in the script.
 */

const en = {
  'editor.body': 'Text',
  'editor.toolbar': 'Formatting',
  'editor.markdown': 'Markdown',
  'editor.markdownHint': 'Write in Markdown instead; switching back reads it into the editor.',
  'editor.paragraph': 'Paragraph',
  'editor.heading': 'Heading {n}',
  'editor.quote': 'Quotation',
  'editor.note': 'Note',
  'editor.bulletList': 'Bulleted list',
  'editor.orderedList': 'Numbered list',
  'editor.link': 'Link or citation (select words to link them; with none selected a citation marker is inserted)',
  'editor.linkUrl': 'Address (empty removes the link)',
  'editor.image': 'Image',
  'editor.imageSrc': 'Image address',
  'editor.imageAlt': 'Alternative text (what the image shows, for readers who cannot see it)',
  'editor.imageCaption': 'Caption',
  'editor.imageCredit': 'Credit',
  'editor.table': 'Table',
  'editor.addRow': 'Add a row',
  'editor.addColumn': 'Add a column',
  'editor.deleteRow': 'Delete the row',
  'editor.deleteColumn': 'Delete the column',
  'editor.gap': 'Mark missing text',
  'editor.undo': 'Undo',
  'editor.redo': 'Redo',
  'editor.ok': 'OK',
  'editor.cancel': 'Cancel',
  'editor.sources': 'Sources cited',
  'editor.sourcesHint': 'Numbered in order of first citation, as the article page lists them.',
  'editor.sourceN': 'source {n}',
  'editor.badUrl': 'That address cannot be used: write an address starting with https://, mailto: or /.',
  'editor.altNeeded': 'An image needs its alternative text.',
  'editor.pasteTooBig': 'The pasted text is too large ({mb} MB; at most {max} MB at once). Nothing was pasted.',
  'editor.convertFailed': 'The text could not be converted.',
  'editor.offline': 'No connection to the server. Your text is kept in this browser.',
  'editor.noscript': 'Without JavaScript the text is edited as Markdown.',
  'editor.autosaved': 'Saved automatically at {time}. (Not yet a revision: press Save.)',
  'editor.unsaved': 'Changes kept in this browser…',
  'editor.recoverLocal': 'This browser kept changes you made at {time} that are not on this page.',
  'editor.recoverServer': 'You have changes to this article saved automatically at {time} that were never saved.',
  'editor.restore': 'Restore them',
  'editor.discard': 'Discard them',
  'editor.conflictDiff': 'What differs between the version saved now (−) and your text (+)',
  'editor.overwrite': 'Save my text as the new version (replaces version {n})',
  'editor.loadTheirs': 'Drop my text and open the saved version',
  'editor.previewSite': 'Preview as on the site',
  'expert.new': 'New expert',
  'expert.newHint': 'Give the name in each language the expert writes in; each gets a public page. Articles can then name them as authors.',
  'expert.create': 'Create the expert',
  'authors.label': 'Authors',
  'authors.search': 'Find an expert (Arabic or Latin letters)',
  'authors.remove': 'Remove {name}',
  'authors.none': 'No expert matches. Creating one is a separate step:',
  'authors.noName': 'no name in this language yet',
  'authors.createLink': 'New expert',
} as const;

export type EditorKey = keyof typeof en;

const ar: Record<EditorKey, string> = {
  'editor.body': 'النص',
  'editor.toolbar': 'التنسيق',
  'editor.markdown': 'ماركداون',
  'editor.markdownHint': 'اكتب بصيغة ماركداون بدلاً من ذلك؛ العودة تقرؤها في المحرر.',
  'editor.paragraph': 'فقرة',
  'editor.heading': 'عنوان فرعي {n}',
  'editor.quote': 'اقتباس',
  'editor.note': 'ملاحظة',
  'editor.bulletList': 'قائمة نقطية',
  'editor.orderedList': 'قائمة مرقمة',
  'editor.link': 'رابط أو إحالة (حدد كلمات لربطها؛ دون تحديد تُدرج علامة إحالة)',
  'editor.linkUrl': 'العنوان (تركه فارغاً يزيل الرابط)',
  'editor.image': 'صورة',
  'editor.imageSrc': 'عنوان الصورة',
  'editor.imageAlt': 'النص البديل (ما تُظهره الصورة لمن لا يراها)',
  'editor.imageCaption': 'التعليق',
  'editor.imageCredit': 'المصدر',
  'editor.table': 'جدول',
  'editor.addRow': 'إضافة صف',
  'editor.addColumn': 'إضافة عمود',
  'editor.deleteRow': 'حذف الصف',
  'editor.deleteColumn': 'حذف العمود',
  'editor.gap': 'تعليم نص مفقود',
  'editor.undo': 'تراجع',
  'editor.redo': 'إعادة',
  'editor.ok': 'موافق',
  'editor.cancel': 'إلغاء',
  'editor.sources': 'المصادر المذكورة',
  'editor.sourcesHint': 'مرقمة بترتيب أول إحالة إليها، كما تسردها صفحة المقالة.',
  'editor.sourceN': 'المصدر {n}',
  'editor.badUrl': 'لا يمكن استخدام هذا العنوان: اكتب عنواناً يبدأ بـ https:// أو mailto: أو /.',
  'editor.altNeeded': 'تحتاج الصورة إلى نصها البديل.',
  'editor.pasteTooBig': 'النص الملصق كبير جداً ({mb} ميغابايت؛ الحد {max} ميغابايت في المرة). لم يُلصق شيء.',
  'editor.convertFailed': 'تعذر تحويل النص.',
  'editor.offline': 'لا اتصال بالخادم. نصك محفوظ في هذا المتصفح.',
  'editor.noscript': 'دون جافاسكريبت يُحرَّر النص بصيغة ماركداون.',
  'editor.autosaved': 'حُفظ تلقائياً الساعة {time}. (ليس مراجعة بعد: اضغط حفظ.)',
  'editor.unsaved': 'التغييرات محفوظة في هذا المتصفح…',
  'editor.recoverLocal': 'احتفظ هذا المتصفح بتغييرات أجريتها الساعة {time} وليست في هذه الصفحة.',
  'editor.recoverServer': 'لديك تغييرات على هذه المقالة حُفظت تلقائياً الساعة {time} ولم تُحفظ قط.',
  'editor.restore': 'استعادتها',
  'editor.discard': 'تجاهلها',
  'editor.conflictDiff': 'الفرق بين النسخة المحفوظة الآن (−) ونصك (+)',
  'editor.overwrite': 'احفظ نصي نسخةً جديدة (يحل محل النسخة {n})',
  'editor.loadTheirs': 'تخلَّ عن نصي وافتح النسخة المحفوظة',
  'editor.previewSite': 'معاينة كما في الموقع',
  'expert.new': 'خبير جديد',
  'expert.newHint': 'اكتب الاسم بكل لغة يكتب بها الخبير؛ لكل اسم صفحة عامة. بعدها يمكن للمقالات أن تذكره مؤلفاً.',
  'expert.create': 'إنشاء الخبير',
  'authors.label': 'المؤلفون',
  'authors.search': 'ابحث عن خبير (بالحروف العربية أو اللاتينية)',
  'authors.remove': 'إزالة {name}',
  'authors.none': 'لا خبير بهذا الاسم. إنشاء خبير خطوة منفصلة:',
  'authors.noName': 'لا اسم له بهذه اللغة بعد',
  'authors.createLink': 'خبير جديد',
};

const CATALOGS: Record<string, Record<EditorKey, string>> = { ar, en };

/**
 * An editor string.
 *
 * @example et('ar', 'editor.quote') // → 'اقتباس'
 */
export function et(lang: string, key: EditorKey, vars?: Record<string, string | number>): string {
  const message = (CATALOGS[lang] ?? ar)[key];
  return vars ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : message;
}

/** Every editor string in `lang`, for the client's data block. */
export function editorStrings(lang: string): Record<EditorKey, string> {
  return { ...(CATALOGS[lang] ?? ar) };
}
