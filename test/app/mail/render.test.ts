/**
 * Every e-mail template, in both languages, rendered by Chromium at 360 and 600 px: Arabic lays out
 * right to left (computed direction and alignment, the heading flush right), nothing overflows the
 * width, links are absolute, and screenshots go to test-results/mail/ to be looked at.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { browserSkip, launchBrowser } from '../../support/browser.ts';
import { makeArticle } from '../../support/articles.ts';
import { composeMail, type MailJob } from '../../../src/app/index.ts';

const SHOTS = new URL('../../../test-results/mail/', import.meta.url).pathname;
const settings = { from: 'Alerts <alerts@mizan.test>', domain: 'mizan.test', baseUrl: 'https://mizan.test' };
const to = { email: 'reader@example.org', manageToken: 'manage.x.1.0.sig', unsubscribeToken: 'unsubscribe.x.1.0.sig', confirmToken: 'confirm.x.1.9.sig' };

function articles(lang: 'ar' | 'en') {
  const ar = lang === 'ar';
  return [
    makeArticle({
      lang,
      slug: ar ? 'alamn-almaey' : 'water-security',
      title: ar ? 'الأمن المائي في حوض النيل بعد اكتمال السد: ما الذي تغيّر فعلاً؟' : 'Water security in the Nile basin after the dam: what has really changed?',
      authors: ar ? [{ slug: 'mwlf-awl', name: 'ليلى حداد' }, { slug: 'mwlf-thany', name: 'سامر خوري' }] : [{ slug: 'layla-haddad', name: 'Layla Haddad' }],
    }),
    makeArticle({ lang, slug: ar ? 'tjara-albahr' : 'red-sea-trade', title: ar ? 'تجارة البحر الأحمر تحت الضغط' : 'Red Sea trade under pressure', type: 'policywatch' }),
  ];
}

function jobs(lang: 'ar' | 'en'): [string, MailJob][] {
  const a = articles(lang);
  const base = { lang, to, articles: [] as MailJob['articles'] };
  return [
    ['confirm', { ...base, kind: 'confirm', messageId: 'confirm.1' }],
    ['known', { ...base, kind: 'known', messageId: 'known.1' }],
    ['alert', { ...base, kind: 'alert', messageId: 'alert.1', articles: [a[0]] }],
    // Monday 01:30 in Riyadh is still Sunday in UTC: the mail is dated by the institute's calendar.
    ['digest', { ...base, kind: 'digest', messageId: 'digest.1', articles: a, digest: { at: new Date('2026-03-29T22:30:00Z'), timeZone: 'Asia/Riyadh' } }],
    // The English reviewer gets an Arabic piece: its title sits isolated inside the English sentence.
    ['review', { ...base, kind: 'review', messageId: 'review.1', to: { ...to, email: 'editor@example.org' }, review: { articleId: 'a1b2c3', title: 'الأمن المائي في حوض النيل بعد اكتمال السد: ما الذي تغيّر فعلاً؟', by: 'layla.haddad@example.org', change: false } }],
    ['review-change', { ...base, kind: 'review', messageId: 'review.2', to: { ...to, email: 'editor@example.org' }, review: { articleId: 'a1b2c3', title: a[1].title, by: 'samer@example.org', change: true } }],
    [
      'newsletter',
      {
        ...base,
        kind: 'newsletter',
        messageId: 'newsletter.1',
        articles: a,
        issue: lang === 'ar' ? { subject: 'النشرة الأسبوعية: المياه والتجارة', lead: 'نقدّم هذا الأسبوع قراءتين في ملفين يتقاطعان: المياه والتجارة البحرية.\n\nنتمنى لكم قراءة مفيدة.' } : { subject: 'The weekly: water and trade', lead: 'This week, two readings of files that meet: water and sea trade.\n\nGood reading.' },
      },
    ],
  ];
}

let browser: Browser;
before(async () => {
  if (browserSkip) return;
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => browser?.close());

for (const lang of ['ar', 'en'] as const) {
  test(`e-mails in ${lang} at 360 and 600 px`, { skip: browserSkip }, async () => {
    for (const [name, job] of jobs(lang)) {
      const mail = composeMail(settings, job, new Date('2026-12-02T10:00:00Z'));
      assert.match(mail.html, new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`));
      assert.match(mail.html, new RegExp(`<body lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`));
      assert.doesNotMatch(mail.html, /<img|<script|url\(/i, `${name}: no images to fetch, no scripts`);
      for (const href of mail.html.matchAll(/href="([^"]+)"/g)) assert.match(href[1], /^https:\/\/mizan\.test\//, `${name}: absolute, unrewritten links`);
      assert.ok(mail.text.length > 40 && !/<[a-z]/i.test(mail.text), `${name}: a plain-text part`);
      for (const width of [360, 600]) {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        await page.setContent(mail.html);
        const m = await page.evaluate(() => {
          const h1 = document.querySelector('h1')!;
          const r = h1.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(h1);
          const text = range.getBoundingClientRect();
          return {
            scroll: document.documentElement.scrollWidth,
            dir: getComputedStyle(h1).direction,
            align: getComputedStyle(h1.parentElement!).textAlign,
            left: text.left - r.left,
            right: r.right - text.right,
            tablesDir: [...document.querySelectorAll('table')].map((t) => t.getAttribute('dir')),
          };
        });
        assert.ok(m.scroll <= width, `${name} ${lang} ${width}px: no sideways scrolling (${m.scroll})`);
        assert.equal(m.dir, lang === 'ar' ? 'rtl' : 'ltr', `${name}: heading direction`);
        assert.equal(m.align, lang === 'ar' ? 'right' : 'left');
        assert.ok(m.tablesDir.every((d) => d === (lang === 'ar' ? 'rtl' : 'ltr')), `${name}: every table carries dir`);
        if (lang === 'ar') assert.ok(m.right <= m.left + 1, `${name}: the Arabic heading sits at the right`);
        await page.screenshot({ path: `${SHOTS}${name}-${lang}-${width}.png`, fullPage: true });
        await page.close();
      }
    }
  });
}
