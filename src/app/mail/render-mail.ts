/**
 * @module One e-mail layout, two parts. The HTML part is nested tables with inline styles (what Outlook's
 * Word engine, Gmail and Apple Mail all lay out alike; docs/mail.md says why not MJML), 600 px wide at
 * most and fluid below it; Arabic mails carry `dir="rtl"` and `lang="ar"` on `<html>`, `<body>` and
 * every table and cell that sets alignment, since clients keep some of these and drop others. Fonts
 * are named, never loaded: a font fetched from our server when a mail is opened would tell us it was
 * opened, which is what a tracking pixel does. The plain-text part says the same with bare links.
 */
import { LANGS } from '../../model/index.ts';
import { mt } from './mail-i18n.ts';

export interface MailItem {
  eyebrow: string;
  title: string;
  url: string;
  byline: string;
  date: string;
  summary: string;
}

export interface MailContent {
  lang: string;
  subject: string;
  /** The line clients show beside the subject. */
  preheader: string;
  heading: string;
  paragraphs: string[];
  items: MailItem[];
  button?: { label: string; url: string };
  /** Small print under the button (link expiry, "ignore this mail"). */
  notes: string[];
  /** The footer: why this mail came, and the links to change or stop it. */
  footer?: { why: string; manageUrl: string; unsubscribeUrl: string };
  siteName: string;
  siteUrl: string;
}

export interface RenderedMail {
  html: string;
  text: string;
}

const FONTS: Record<string, string> = {
  ar: "'Noto Naskh Arabic', 'Geeza Pro', 'Traditional Arabic', 'Segoe UI', Tahoma, Arial, sans-serif",
  en: "'Source Serif 4', Georgia, 'Times New Roman', serif",
};
const UI_FONTS: Record<string, string> = {
  ar: "'Noto Naskh Arabic', 'Geeza Pro', 'Segoe UI', Tahoma, Arial, sans-serif",
  en: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
};
const INK = '#1f2328';
const MUTED = '#5c6166';
const ACCENT = '#1d4e5f';
const PAPER = '#f4f1ea';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Renders a mail's HTML and plain-text parts.
 *
 * @example renderMail({ lang: 'ar', subject: '…', heading: '…', paragraphs: [], items: [], notes: [], siteName: 'ميزان', siteUrl: 'https://…', preheader: '' }).html // → '<!doctype html><html lang="ar" dir="rtl">…'
 */
export function renderMail(m: MailContent): RenderedMail {
  return { html: html(m), text: text(m) };
}

function html(m: MailContent): string {
  const dir = LANGS[m.lang]?.dir ?? 'ltr';
  const start = dir === 'rtl' ? 'right' : 'left';
  const font = FONTS[m.lang] ?? FONTS.en;
  const ui = UI_FONTS[m.lang] ?? UI_FONTS.en;
  const ld = `lang="${escapeHtml(m.lang)}" dir="${dir}"`;
  const lh = m.lang === 'ar' ? '1.9' : '1.6';
  const cell = (style: string, inner: string, cls = '') => `<td ${ld}${cls ? ` class="${cls}"` : ''} align="${start}" style="text-align:${start};${style}">${inner}</td>`;
  const para = (p: string, style = '') => `<p ${ld} style="margin:0 0 16px;font-family:${font};font-size:17px;line-height:${lh};color:${INK};${style}">${escapeHtml(p)}</p>`;
  const items = m.items
    .map(
      (it) => `<tr>${cell(
        `padding:0 32px 24px;`,
        `<table role="presentation" ${ld} width="100%" cellpadding="0" cellspacing="0" border="0" style="border-top:1px solid #e3ded3;"><tr>${cell(
          'padding-top:20px;',
          `<p ${ld} style="margin:0 0 6px;font-family:${ui};font-size:13px;letter-spacing:${m.lang === 'ar' ? '0' : '0.04em'};color:${ACCENT};">${escapeHtml(it.eyebrow)}</p>` +
            `<h2 ${ld} style="margin:0 0 8px;font-family:${font};font-size:22px;line-height:1.4;font-weight:700;"><a href="${escapeHtml(it.url)}" style="color:${INK};text-decoration:none;">${escapeHtml(it.title)}</a></h2>` +
            `<p ${ld} style="margin:0 0 10px;font-family:${ui};font-size:14px;line-height:1.5;color:${MUTED};">${escapeHtml([it.byline, it.date].filter(Boolean).join(' · '))}</p>` +
            (it.summary ? para(it.summary, 'margin-bottom:10px;') : '') +
            `<p ${ld} style="margin:0;font-family:${ui};font-size:15px;"><a href="${escapeHtml(it.url)}" style="color:${ACCENT};font-weight:600;">${escapeHtml(mt(m.lang, 'alert.read'))}</a></p>`,
        )}</tr></table>`,
        'pad',
      )}</tr>`,
    )
    .join('');
  const button = m.button
    ? `<tr>${cell(
        'padding:8px 32px 24px;',
        `<table role="presentation" ${ld} cellpadding="0" cellspacing="0" border="0"><tr><td ${ld} bgcolor="${ACCENT}" style="border-radius:6px;"><a href="${escapeHtml(m.button.url)}" style="display:inline-block;padding:14px 26px;font-family:${ui};font-size:17px;font-weight:700;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(m.button.label)}</a></td></tr></table>`,
        'pad',
      )}</tr>`
    : '';
  const notes = m.notes.length ? `<tr>${cell('padding:0 32px 16px;', m.notes.map((n) => para(n, `font-family:${ui};font-size:14px;color:${MUTED};`)).join(''), 'pad')}</tr>` : '';
  const small = (s: string) => `<p ${ld} style="margin:0 0 8px;font-family:${ui};font-size:13px;line-height:1.6;color:${MUTED};">${s}</p>`;
  const footer = m.footer
    ? small(escapeHtml(m.footer.why)) +
      small(
        `<a href="${escapeHtml(m.footer.manageUrl)}" style="color:${ACCENT};">${escapeHtml(mt(m.lang, 'foot.manage'))}</a> · <a href="${escapeHtml(m.footer.unsubscribeUrl)}" style="color:${ACCENT};">${escapeHtml(mt(m.lang, 'foot.unsubscribe'))}</a>`,
      ) +
      small(escapeHtml(mt(m.lang, 'foot.privacy')))
    : '';
  return `<!doctype html>
<html ${ld} xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>${escapeHtml(m.subject)}</title>
<style>
  body { margin: 0; padding: 0; -webkit-text-size-adjust: 100%; }
  a { color: ${ACCENT}; }
  @media only screen and (max-width: 620px) {
    .wrap { width: 100% !important; }
    .pad { padding-left: 18px !important; padding-right: 18px !important; }
  }
</style>
</head>
<body ${ld} style="margin:0;padding:0;background:${PAPER};">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(m.preheader)}</div>
<table role="presentation" ${ld} width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${PAPER}" style="background:${PAPER};">
<tr><td ${ld} align="center" style="padding:24px 8px;">
<table role="presentation" ${ld} class="wrap" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:600px;max-width:600px;background:#ffffff;border-radius:8px;">
<tr>${cell(`padding:22px 32px;border-bottom:3px solid ${ACCENT};`, `<a href="${escapeHtml(m.siteUrl)}" style="font-family:${font};font-size:22px;font-weight:700;color:${ACCENT};text-decoration:none;">${escapeHtml(m.siteName)}</a>`, 'pad')}</tr>
<tr>${cell('padding:28px 32px 8px;', `<h1 ${ld} style="margin:0 0 16px;font-family:${font};font-size:26px;line-height:1.4;color:${INK};">${escapeHtml(m.heading)}</h1>` + m.paragraphs.map((p) => para(p)).join(''), 'pad')}</tr>
${items}${button}${notes}
${footer ? `<tr>${cell('padding:20px 32px 24px;border-top:1px solid #e3ded3;', footer, 'pad')}</tr>` : ''}
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function text(m: MailContent): string {
  const out: string[] = [m.siteName, '', m.heading, ''];
  for (const p of m.paragraphs) out.push(p, '');
  for (const it of m.items) {
    out.push(`— ${it.eyebrow}`, it.title, [it.byline, it.date].filter(Boolean).join(' · '));
    if (it.summary) out.push(it.summary);
    out.push(it.url, '');
  }
  if (m.button) out.push(`${m.button.label}:`, m.button.url, '');
  for (const n of m.notes) out.push(n);
  if (m.footer) {
    out.push('', '-- ', m.footer.why, `${mt(m.lang, 'foot.manage')}: ${m.footer.manageUrl}`, `${mt(m.lang, 'foot.unsubscribe')}: ${m.footer.unsubscribeUrl}`);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
