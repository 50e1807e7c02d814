/**
 * @module The words of the e-mails themselves, in each language the site speaks. The mails are built
 * in `app` (the worker renders them), so they keep their own small catalog instead of reaching up to
 * the web layer's.
 */
import { fillPlaceholders } from '../../lib/index.ts';
const en = {
  'site.name': 'Mizan',
  'confirm.subject': 'Confirm your subscription to {site}',
  'confirm.heading': 'One step left',
  'confirm.body': 'Someone — we hope you — asked to receive {site}’s analysis at this address. Confirm, and your alerts start with the next piece we publish.',
  'confirm.button': 'Confirm my subscription',
  'confirm.expires': 'This link works for 48 hours.',
  'confirm.ignore': 'If you did not ask for this, ignore this mail: nothing more will be sent to you.',
  'known.subject': 'You are already subscribed to {site}',
  'known.heading': 'You are already subscribed',
  'known.body': 'Someone asked to subscribe this address, which already receives {site}’s alerts. Nothing was changed. To change what you receive, or to stop, use the link below.',
  'known.button': 'My preferences',
  'alert.heading': 'New from {site}',
  'alert.read': 'Read the analysis',
  'digest.subject': 'This week at {site}: {n} new pieces',
  'digest.heading': 'This week at {site}',
  'digest.dateline': 'What we published in the week to {date}.',
  'test.subject': 'Test message from {site}',
  'test.body': 'If you can read this, {site} can send mail through this server.',
  'foot.why': 'You receive this because you subscribed to {site}’s alerts at {email}.',
  'foot.manage': 'Change or stop your alerts',
  'foot.unsubscribe': 'Unsubscribe',
  'foot.privacy': 'This mail has no tracking pixel and its links are not rewritten.',
  'by': 'By {names}',
  'review.subject': 'Awaiting your review: {title}',
  'review.subjectChange': 'Change awaiting your review: {title}',
  'review.heading': 'An article awaits your review',
  'review.headingChange': 'A change to a published article awaits your review',
  'review.body': '{by} sent “{title}” for review.',
  'review.bodyChange': '{by} sent a change to “{title}” for review. Readers see the published version until you approve the change.',
  'review.button': 'Open it for review',
  'review.queue': 'Everything awaiting review: {url}',
  'review.why': 'You receive this because your account on {site} can publish articles.',
} as const;

export type MailKey = keyof typeof en;

const ar: Record<MailKey, string> = {
  'site.name': 'ميزان',
  'confirm.subject': 'أكّد اشتراكك في {site}',
  'confirm.heading': 'بقيت خطوة واحدة',
  'confirm.body': 'طلب أحدهم — ونرجو أن تكون أنت — تلقّي تحليلات {site} على هذا العنوان. أكّد الاشتراك لتبدأ التنبيهات مع أول تحليل ننشره.',
  'confirm.button': 'تأكيد الاشتراك',
  'confirm.expires': 'يعمل هذا الرابط مدة 48 ساعة.',
  'confirm.ignore': 'إن لم تطلب ذلك فتجاهل هذه الرسالة، ولن يصلك منا شيء بعدها.',
  'known.subject': 'أنت مشترك بالفعل في {site}',
  'known.heading': 'أنت مشترك بالفعل',
  'known.body': 'طلب أحدهم اشتراك هذا العنوان، وهو يتلقى تنبيهات {site} بالفعل. لم يتغير شيء. لتغيير ما يصلك أو لإيقافه استخدم الرابط أدناه.',
  'known.button': 'تفضيلاتي',
  'alert.heading': 'جديد {site}',
  'alert.read': 'اقرأ التحليل',
  'digest.subject': 'هذا الأسبوع في {site}: {n} من الإصدارات الجديدة',
  'digest.heading': 'هذا الأسبوع في {site}',
  'digest.dateline': 'ما نشرناه في الأسبوع المنتهي يوم {date}.',
  'test.subject': 'رسالة تجريبية من {site}',
  'test.body': 'إن كنت تقرأ هذه الرسالة فإن {site} يستطيع الإرسال عبر هذا الخادم.',
  'foot.why': 'تصلك هذه الرسالة لأنك اشتركت في تنبيهات {site} على العنوان {email}.',
  'foot.manage': 'تغيير التنبيهات أو إيقافها',
  'foot.unsubscribe': 'إلغاء الاشتراك',
  'foot.privacy': 'لا تحتوي هذه الرسالة على بكسل تتبّع، ولا تُعاد كتابة روابطها.',
  'by': 'بقلم {names}',
  'review.subject': 'بانتظار مراجعتك: {title}',
  'review.subjectChange': 'تعديل بانتظار مراجعتك: {title}',
  'review.heading': 'مقالة بانتظار مراجعتك',
  'review.headingChange': 'تعديل على مقالة منشورة بانتظار مراجعتك',
  'review.body': 'أرسل {by} مقالة «{title}» للمراجعة.',
  'review.bodyChange': 'أرسل {by} تعديلاً على مقالة «{title}» للمراجعة. يرى القرّاء النسخة المنشورة إلى أن توافق على التعديل.',
  'review.button': 'افتحها للمراجعة',
  'review.queue': 'كل ما ينتظر المراجعة: {url}',
  'review.why': 'تصلك هذه الرسالة لأن حسابك في {site} يملك صلاحية النشر.',
};

const CATALOGS: Record<string, Record<MailKey, string>> = { en, ar };

/** A mail string in `lang` (English when the language has no catalog), `{name}` filled from `vars`. */
export function mt(lang: string, key: MailKey, vars: Record<string, string | number> = {}): string {
  const msg = (CATALOGS[lang] ?? en)[key];
  return fillPlaceholders(msg, vars);
}
