/** @module The media pages' strings on the editors' side (library, upload, lead image, expert photo), Arabic first. */
import { fillPlaceholders } from '../../../lib/index.ts';

const en = {
  title: 'Images',
  intro: 'Every image is stored once, cleaned (rotated, location and camera data removed) and served in sizes for every screen. Describe each image in every language it is used in: readers who cannot see it hear this text.',
  upload: 'Upload an image',
  file: 'Image file (JPEG, PNG, WebP, AVIF, GIF or SVG; at most {mb} MB)',
  alt: 'Alt text — {lang}',
  altHint: 'Say what the image shows and why it matters here, in one sentence. Not “image of…”.',
  send: 'Upload',
  uploaded: 'Uploaded “{name}”.',
  already: '“{name}” was already in the library: its descriptions were updated.',
  noFile: 'Choose an image file to upload.',
  refused: 'Not uploaded: {message}',
  needAlt: 'Not uploaded: describe the image (alt text) in at least one language.',
  tooLong: 'At most {max} characters.',
  empty: 'No images yet.',
  count: '{n} images',
  missing: 'No alt text in {lang}',
  saveAlt: 'Save descriptions',
  altSaved: 'Descriptions saved.',
  size: '{w} × {h} px',
  lead: 'Lead image',
  leadNone: 'No image',
  leadPick: 'Image from the library',
  leadAlt: 'Alt text of the lead image ({lang})',
  leadAltHint: 'Required with an image. Left empty, the library’s description in this language is used.',
  leadUpload: 'Upload a new image to the library',
  leadNoAlt: 'no alt text in {lang}',
  photo: 'Photo',
  photoNone: 'No photo yet.',
  photoFile: 'New photo (JPEG, PNG or WebP)',
  photoSend: 'Upload photo',
  photoRemove: 'Remove photo',
  photoSaved: 'Photo saved.',
  photoRemoved: 'Photo removed.',
  files: 'Attached files (PDF)',
  filesHint: 'Policy notes and reports readers can download. Their text is searchable: a search for words only in the PDF finds this article.',
  filesNone: 'No files attached.',
  fileUpload: 'PDF file (at most {mb} MB, not password-protected)',
  fileTitle: 'Title shown to readers',
  fileLang: 'Language of the file',
  fileSend: 'Attach',
  fileRemove: 'Remove',
  fileAttached: 'Attached “{name}”.',
  fileRemoved: 'Attachment removed.',
  fileNone: 'Choose a PDF file to attach.',
  fileRefused: 'Not attached: {message}',
  fileTooLarge: 'Not attached: the file is larger than {mb} MB.',
} as const;

export type MediaKey = keyof typeof en;

const ar: Record<MediaKey, string> = {
  title: 'الصور',
  intro: 'تُحفظ كل صورة مرة واحدة، وتُنظَّف (تُعدَّل وجهتها وتُحذف بيانات الموقع والكاميرا)، وتُقدَّم بمقاسات تناسب كل شاشة. صِف كل صورة بكل لغة تُستعمل فيها: من لا يرى الصورة يسمع هذا النص.',
  upload: 'رفع صورة',
  file: 'ملف الصورة (JPEG أو PNG أو WebP أو AVIF أو GIF أو SVG؛ حتى {mb} ميغابايت)',
  alt: 'النص البديل — {lang}',
  altHint: 'قل ما تُظهره الصورة ولماذا تهمّ هنا في جملة واحدة، لا «صورة لـ…».',
  send: 'رفع',
  uploaded: 'رُفعت «{name}».',
  already: 'كانت «{name}» في المكتبة من قبل: حُدّث وصفها.',
  noFile: 'اختر ملف صورة لرفعه.',
  refused: 'لم تُرفع الصورة: {message}',
  needAlt: 'لم تُرفع الصورة: صِفها (النص البديل) بلغة واحدة على الأقل.',
  tooLong: 'لا يزيد على {max} حرفًا.',
  empty: 'لا صور بعد.',
  count: '{n} صورة',
  missing: 'لا نص بديل ب{lang}',
  saveAlt: 'حفظ الأوصاف',
  altSaved: 'حُفظت الأوصاف.',
  size: '{w} × {h} بكسل',
  lead: 'الصورة الرئيسية',
  leadNone: 'بلا صورة',
  leadPick: 'صورة من المكتبة',
  leadAlt: 'النص البديل للصورة الرئيسية ({lang})',
  leadAltHint: 'مطلوب مع الصورة. إن تُرك فارغًا استُعمل وصف المكتبة بهذه اللغة.',
  leadUpload: 'رفع صورة جديدة إلى المكتبة',
  leadNoAlt: 'لا نص بديل ب{lang}',
  photo: 'الصورة الشخصية',
  photoNone: 'لا صورة بعد.',
  photoFile: 'صورة جديدة (JPEG أو PNG أو WebP)',
  photoSend: 'رفع الصورة',
  photoRemove: 'حذف الصورة',
  photoSaved: 'حُفظت الصورة.',
  photoRemoved: 'حُذفت الصورة.',
  files: 'الملفات المرفقة (PDF)',
  filesHint: 'مذكرات وتقارير يستطيع القراء تنزيلها. نصّها قابل للبحث: البحث عن كلمات لا ترد إلا في الملف يجد هذا المقال.',
  filesNone: 'لا ملفات مرفقة.',
  fileUpload: 'ملف PDF (حتى {mb} ميغابايت، غير محمي بكلمة مرور)',
  fileTitle: 'العنوان الظاهر للقراء',
  fileLang: 'لغة الملف',
  fileSend: 'إرفاق',
  fileRemove: 'إزالة',
  fileAttached: 'أُرفق «{name}».',
  fileRemoved: 'أُزيل المرفق.',
  fileNone: 'اختر ملف PDF لإرفاقه.',
  fileRefused: 'لم يُرفق الملف: {message}',
  fileTooLarge: 'لم يُرفق الملف: حجمه أكبر من {mb} ميغابايت.',
};

/**
 * A media string in `lang` (Arabic when the language has no catalog), placeholders filled.
 *
 * @example mt('ar', 'missing', { lang: 'الإنجليزية' }) // → 'لا نص بديل بالإنجليزية'
 */
export function mt(lang: string, key: MediaKey, vars: Record<string, string | number> = {}): string {
  return fillPlaceholders((lang === 'en' ? en : ar)[key], vars);
}

/** A language's name in the interface language: `langName('ar', 'en')` → 'الإنجليزية'. */
export function langName(ui: string, code: string): string {
  try {
    return new Intl.DisplayNames([ui], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const REFUSALS: [RegExp, string][] = [
  [/the file is empty/, 'الملف فارغ'],
  [/larger than (\d+) MB/, 'الملف أكبر من $1 ميغابايت'],
  [/more than (\d+) megapixels/, 'تعلن الصورة أكثر من $1 ميغابكسل؛ رُفضت (قنبلة ضغط، أو أكبر بكثير مما تحتاجه صفحة)'],
  [/SVG with scripts/, 'ملف SVG فيه نصوص برمجية أو معالجات أحداث أو مراجع خارجية: مرفوض'],
  [/not an image Mizan can read|files are not accepted/, 'ليس صورة يقرؤها ميزان (JPEG أو PNG أو WebP أو AVIF أو GIF أو SVG)'],
  [/cut short/, 'الصورة مبتورة (ناقصة أو تالفة)'],
  [/cannot be decoded/, 'تعذّرت قراءة الصورة'],
  [/not a PDF/, 'ليس ملف PDF (محتواه شيء آخر أيًّا كان اسمه)'],
  [/PDF is encrypted/, 'ملف PDF مشفّر (بكلمة مرور أو بحماية من النسخ)؛ ارفع نسخة غير محمية'],
  [/damaged or malformed PDF/, 'ملف PDF تالف أو معيب لا يمكن قراءته'],
  [/took too long to read/, 'استغرقت قراءة ملف PDF وقتًا أطول من المسموح؛ رُفض'],
  [/stored as an image/, 'هذا الملف محفوظ صورةً لا ملف PDF'],
  [/need poppler/, 'المرفقات تتطلب أداتي pdfinfo وpdftotext من poppler على الخادم'],
];

/**
 * Why an image was refused, in the interface language (the media layer words it in English).
 *
 * @example refusal('ar', 'a.jpg: the image is cut short (truncated or damaged)') // → 'a.jpg: الصورة مبتورة (ناقصة أو تالفة)'
 */
export function refusal(lang: string, message: string): string {
  if (lang === 'en') return message;
  const at = message.indexOf(': ');
  const file = at > 0 ? message.slice(0, at) : '';
  const rest = at > 0 ? message.slice(at + 2) : message;
  for (const [re, ar] of REFUSALS) {
    const m = re.exec(rest);
    if (m) return `${file ? `${file}: ` : ''}${ar.replace('$1', m[1] ?? '')}`;
  }
  return message;
}
