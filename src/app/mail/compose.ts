/**
 * @module Turns what the outbox holds (a kind, a subscriber, an article or an issue) into the message
 * that goes out: subject, both parts, and the headers a mail client and a receiving server judge a
 * list by — `Date`, a `Message-ID` fixed when the row was queued (so a retry after a crash carries
 * the same one), `List-Id`, and `List-Unsubscribe` with `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
 * (RFC 8058: one POST to that address stops everything, no page to click through).
 */
import type { Article } from '../../model/index.ts';
import { LANGS } from '../../model/index.ts';
import { formatDate } from '../../text/index.ts';
import type { MailKind } from './tables.ts';
import { mt } from './mail-i18n.ts';
import { renderMail, type MailItem } from './render-mail.ts';

export interface MailSettings {
  /** The From header: `Name <address>` or a bare address. */
  from: string;
  /** The domain of the From address: Message-IDs and List-Id are made under it. */
  domain: string;
  /** The public origin links point to. */
  baseUrl: string;
  /** The site's name per language (defaults to Mizan's own). */
  siteNames?: Record<string, string>;
  /** The institute's default language: notices to an account that never chose one are in it (default Arabic). */
  defaultLang?: string;
}

export interface OutgoingMail {
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  date: Date;
  headers: Record<string, string>;
}

export interface Recipient {
  email: string;
  manageToken: string;
  unsubscribeToken: string;
  confirmToken?: string;
}

export interface MailJob {
  kind: MailKind | 'test';
  lang: string;
  messageId: string;
  to: Recipient;
  articles: Article[];
  issue?: { subject: string; lead: string };
  /** A digest's time and the institute's zone: the mail is dated by the reader's calendar there. */
  digest?: { at: Date; timeZone: string };
  /** A review notice: what awaits review, and who sent it. */
  review?: ReviewDetail & { articleId: string };
}

/** What a review notice says (kept as JSON in the outbox row's `detail`). */
export interface ReviewDetail {
  title: string;
  /** The sender's address. */
  by: string;
  /** A change to a published article, rather than a new one. */
  change: boolean;
}

/** Where a reviewer reviews an article (its edit page, which shows a pending change beside it). */
export function reviewPath(articleId: string): string {
  return `/admin/articles/${encodeURIComponent(articleId)}`;
}

/** Isolated (FSI … PDI): a title or an address in the other direction keeps the sentence's punctuation in place. */
function iso(s: string): string {
  return `\u2068${s}\u2069`;
}

function prefix(lang: string): string {
  return LANGS[lang]?.prefix ?? '';
}

export function siteName(settings: MailSettings, lang: string): string {
  return settings.siteNames?.[lang] ?? mt(lang, 'site.name');
}

/** The public addresses of a subscriber's links. */
export function mailLinks(settings: MailSettings, lang: string, r: Recipient) {
  const base = settings.baseUrl.replace(/\/+$/, '');
  const q = (t: string) => `?token=${encodeURIComponent(t)}`;
  return {
    site: `${base}${prefix(lang)}/`,
    confirm: r.confirmToken ? `${base}${prefix(lang)}/subscribe/confirm${q(r.confirmToken)}` : '',
    manage: `${base}${prefix(lang)}/subscribe/manage${q(r.manageToken)}`,
    unsubscribe: `${base}/subscribe/unsubscribe${q(r.unsubscribeToken)}`,
  };
}

function itemOf(a: Article, settings: MailSettings): MailItem {
  const names = a.authors.map((x) => x.name).join(a.lang === 'ar' ? '، ' : ', ');
  return {
    eyebrow: a.series ? `${a.series.name} ${a.series.number ?? ''}`.trim() : a.typeLabel,
    title: a.title,
    url: settings.baseUrl.replace(/\/+$/, '') + a.path,
    byline: names ? mt(a.lang, 'by', { names }) : '',
    date: a.published ? formatDate(a.published, a.lang) : '',
    summary: a.summary,
  };
}

/**
 * The message for one job.
 *
 * @example composeMail(settings, { kind: 'alert', lang: 'ar', messageId: 'alert.s1.a1', to, articles: [article] }).subject // → the article's title
 */
export function composeMail(settings: MailSettings, job: MailJob, now = new Date()): OutgoingMail {
  const lang = job.lang;
  const site = siteName(settings, lang);
  const links = mailLinks(settings, lang, job.to);
  const base = { lang, siteName: site, siteUrl: links.site, notes: [] as string[], items: [] as MailItem[], paragraphs: [] as string[] };
  // The address isolated (FSI … PDI), so an Arabic sentence's full stop stays after it, not before.
  const footer = { why: mt(lang, 'foot.why', { site, email: `\u2068${job.to.email}\u2069` }), manageUrl: links.manage, unsubscribeUrl: links.unsubscribe };
  let content;
  let list = true;
  switch (job.kind) {
    case 'confirm':
      list = false;
      content = {
        ...base,
        subject: mt(lang, 'confirm.subject', { site }),
        preheader: mt(lang, 'confirm.expires'),
        heading: mt(lang, 'confirm.heading'),
        paragraphs: [mt(lang, 'confirm.body', { site })],
        button: { label: mt(lang, 'confirm.button'), url: links.confirm },
        notes: [mt(lang, 'confirm.expires'), mt(lang, 'confirm.ignore')],
      };
      break;
    case 'known':
      list = false;
      content = { ...base, subject: mt(lang, 'known.subject', { site }), preheader: mt(lang, 'known.heading'), heading: mt(lang, 'known.heading'), paragraphs: [mt(lang, 'known.body', { site })], button: { label: mt(lang, 'known.button'), url: links.manage } };
      break;
    case 'review': {
      list = false;
      const r = job.review!;
      const base_ = settings.baseUrl.replace(/\/+$/, '');
      const vars = { title: iso(r.title), by: iso(r.by) };
      content = {
        ...base,
        subject: mt(lang, r.change ? 'review.subjectChange' : 'review.subject', { title: r.title }),
        preheader: mt(lang, r.change ? 'review.bodyChange' : 'review.body', vars),
        heading: mt(lang, r.change ? 'review.headingChange' : 'review.heading'),
        paragraphs: [mt(lang, r.change ? 'review.bodyChange' : 'review.body', vars)],
        button: { label: mt(lang, 'review.button'), url: base_ + reviewPath(r.articleId) },
        notes: [mt(lang, 'review.queue', { url: `${base_}/admin/review` }), mt(lang, 'review.why', { site })],
      };
      break;
    }
    case 'test':
      list = false;
      content = { ...base, subject: mt(lang, 'test.subject', { site }), preheader: mt(lang, 'test.body', { site }), heading: mt(lang, 'test.subject', { site }), paragraphs: [mt(lang, 'test.body', { site })] };
      break;
    case 'alert': {
      const a = job.articles[0];
      content = { ...base, subject: a.title, preheader: a.summary, heading: mt(lang, 'alert.heading', { site }), items: [itemOf(a, settings)], footer };
      break;
    }
    case 'digest':
      content = {
        ...base,
        subject: mt(lang, 'digest.subject', { site, n: job.articles.length }),
        preheader: job.articles.map((a) => a.title).join(' · '),
        heading: mt(lang, 'digest.heading', { site }),
        paragraphs: job.digest ? [mt(lang, 'digest.dateline', { date: zonedDate(job.digest.at, job.digest.timeZone, lang) })] : [],
        items: job.articles.map((a) => itemOf(a, settings)),
        footer,
      };
      break;
    case 'newsletter':
      content = {
        ...base,
        subject: job.issue!.subject,
        preheader: job.issue!.lead.slice(0, 140),
        heading: job.issue!.subject,
        paragraphs: job.issue!.lead.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
        items: job.articles.map((a) => itemOf(a, settings)),
        footer,
      };
      break;
  }
  const rendered = renderMail(content);
  const headers: Record<string, string> = {};
  if (list) {
    headers['List-Id'] = `${encodedPhrase(site)} <alerts.${settings.domain}>`;
    headers['List-Unsubscribe'] = `<${links.unsubscribe}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return {
    to: job.to.email,
    from: settings.from,
    subject: content.subject,
    html: rendered.html,
    text: rendered.text,
    messageId: `<${job.messageId}@${settings.domain}>`,
    date: now,
    headers,
  };
}

/**
 * The day `at` falls on in `timeZone`, as the site writes dates in `lang`, with its weekday.
 *
 * @example zonedDate(new Date('2026-03-29T22:30Z'), 'Asia/Riyadh', 'ar') // → 'الاثنين 30 آذار/مارس 2026'
 */
export function zonedDate(at: Date, timeZone: string, lang: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const weekday = new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', { timeZone, weekday: 'long' }).format(at);
  // A word joiner after the slash keeps آذار/مارس on one line.
  return lang === 'ar' ? `${weekday} ${formatDate(day, lang).replace('/', '/\u2060')}` : `${weekday}, ${formatDate(day, lang)}`;
}

/** A header phrase as RFC 2047 needs it: as is when plain ASCII, else one base64 encoded-word. */
function encodedPhrase(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? `"${s.replace(/["\\]/g, '')}"` : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
}
