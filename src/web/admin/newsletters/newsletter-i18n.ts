/** @module The newsletter pages' strings on the editors' side, Arabic first, kept beside the feature. */
import { fillPlaceholders } from '../../../lib/index.ts';

const en = {
  title: 'Newsletters',
  new: 'New issue',
  lang: 'Language of the issue',
  subject: 'Subject',
  lead: 'Lead text (blank lines separate paragraphs)',
  articles: 'Articles in this issue',
  save: 'Save',
  preview: 'Preview',
  test: 'Send a test to me ({email})',
  sendNow: 'Send now to every subscriber in this language',
  schedule: 'Schedule',
  at: 'At (UTC)',
  saved: 'Saved.',
  tested: 'Test sent to {email}.',
  sent: 'Queued for {n} subscribers.',
  scheduled: 'Scheduled for {at}.',
  mailOff: 'Mail is off: set MIZAN_SMTP_URL and MIZAN_MAIL_FROM.',
  status: 'Status',
  recipients: 'Recipients',
  none: 'No issues yet.',
  subscribers: 'Subscribers',
  export: 'Export subscribers (CSV)',
  delete: 'Delete a subscriber completely',
  deleteEmail: 'Address',
  deleted: 'Deleted {email}.',
  notFound: 'No subscriber {email}.',
} as const;

export type NewsletterKey = keyof typeof en;

const ar: Record<NewsletterKey, string> = {
  title: 'النشرات',
  new: 'عدد جديد',
  lang: 'لغة العدد',
  subject: 'العنوان',
  lead: 'النص الافتتاحي (يفصل سطر فارغ بين الفقرات)',
  articles: 'المقالات في هذا العدد',
  save: 'حفظ',
  preview: 'معاينة',
  test: 'إرسال نسخة تجريبية إليّ ({email})',
  sendNow: 'إرسال الآن إلى كل المشتركين بهذه اللغة',
  schedule: 'جدولة',
  at: 'في (بالتوقيت العالمي)',
  saved: 'تم الحفظ.',
  tested: 'أُرسلت نسخة تجريبية إلى {email}.',
  sent: 'أُدرج للإرسال إلى {n} من المشتركين.',
  scheduled: 'جُدول في {at}.',
  mailOff: 'البريد متوقف: اضبط MIZAN_SMTP_URL وMIZAN_MAIL_FROM.',
  status: 'الحالة',
  recipients: 'المستلمون',
  none: 'لا أعداد بعد.',
  subscribers: 'المشتركون',
  export: 'تصدير المشتركين (CSV)',
  delete: 'حذف مشترك حذفاً كاملاً',
  deleteEmail: 'العنوان',
  deleted: 'حُذف {email}.',
  notFound: 'لا مشترك بالعنوان {email}.',
};

export function nt(lang: string, key: NewsletterKey, vars: Record<string, string | number> = {}): string {
  return fillPlaceholders((lang === 'ar' ? ar : en)[key], vars);
}
