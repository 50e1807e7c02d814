/**
 * @module The frame of every page of the editors' side: `<html lang dir>` in the interface language
 * (Arabic by default), the navigation the account's role may use, sign-out forms, and a flash message.
 */
import type { Child } from '../jsx/html-string.ts';
import { dirOf } from '../../model/index.ts';
import { can, type Capability } from '../../app/index.ts';
import { ADMIN_CSS_PATH } from './admin-css.ts';
import { at, type AdminKey } from './admin-i18n.ts';

export interface AdminUser {
  email: string;
  role: string;
  csrf: string;
  /** An editor or admin without a second factor: every page asks them to turn it on. */
  nudgeTotp?: boolean;
}

export interface Flash {
  kind: 'ok' | 'error';
  text: string;
}

export interface AdminLayoutProps {
  lang: string;
  title: string;
  user?: AdminUser;
  /** The CSRF token of the page's forms when nobody is signed in yet (the sign-in form's own). */
  csrf?: string;
  flash?: Flash;
  children?: Child;
}

const NAV: [string, AdminKey, Capability][] = [
  ['/admin', 'admin.nav.articles', 'article.view'],
  ['/admin/articles/new', 'admin.nav.new', 'article.write'],
  ['/admin/review', 'admin.nav.review', 'article.view'],
  ['/admin/translations', 'admin.nav.translations', 'article.view'],
  ['/admin/experts', 'admin.nav.experts', 'taxonomy.edit'],
  ['/admin/terms', 'admin.nav.terms', 'taxonomy.edit'],
  ['/admin/import', 'admin.nav.import', 'import'],
  ['/admin/audit', 'admin.nav.audit', 'audit.view'],
  ['/admin/users', 'admin.nav.users', 'users.manage'],
  ['/admin/newsletters', 'admin.nav.newsletters', 'article.publish'],
  ['/admin/outbox', 'admin.nav.outbox', 'article.publish'],
  ['/admin/media', 'admin.nav.media', 'media.upload'],
  ['/admin/settings', 'admin.nav.settings', 'settings.edit'],
];

/** The hidden CSRF field every form that changes something carries. */
/**
 * A notice's `commands` as code, isolated left to right: in an Arabic sentence, bare backticks around
 * `mizan user add EMAIL --role admin` are reordered by the bidirectional algorithm and land on the wrong
 * words; a `<code dir="ltr">` keeps the command whole and in order.
 */
function withCommands(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code dir="ltr">{part}</code> : part));
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/**
 * A page of the editors' side.
 *
 * @example <AdminLayout lang="ar" title="المقالات" user={user}>…</AdminLayout>
 */
export function AdminLayout(props: AdminLayoutProps) {
  const { lang, user } = props;
  const other = lang === 'ar' ? 'en' : 'ar';
  return (
    <html lang={lang} dir={dirOf(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} | ${at(lang, 'admin.title')}`}</title>
        <link rel="stylesheet" href={ADMIN_CSS_PATH} />
      </head>
      <body>
        <header class="admin-head">
          <a class="brand" href="/admin">
            ⚖ {at(lang, 'admin.title')}
          </a>
          {user ? (
            <nav aria-label={at(lang, 'admin.title')}>
              {NAV.filter(([, , cap]) => can(user.role, cap)).map(([href, key]) => (
                <a href={href}>{at(lang, key)}</a>
              ))}
              <a href="/admin/account">{at(lang, 'admin.nav.account')}</a>
              <a href={lang === 'ar' ? '/ar/' : '/'}>{at(lang, 'admin.nav.site')}</a>
            </nav>
          ) : (
            <nav />
          )}
          <form method="post" action="/admin/lang">
            <CsrfField token={user?.csrf ?? props.csrf ?? ''} />
            <input type="hidden" name="lang" value={other} />
            <button class="secondary" type="submit" lang={other}>
              {at(other, 'admin.switchLang')}
            </button>
          </form>
          {user ? (
            <form method="post" action="/admin/sign-out">
              <CsrfField token={user.csrf} />
              <bdi class="hint">{user.email}</bdi> <button class="secondary" type="submit">{at(lang, 'admin.signOut')}</button>
            </form>
          ) : null}
        </header>
        <main id="main">
          {user?.nudgeTotp ? (
            <p class="flash">
              <a href="/admin/account">{at(lang, 'account.totpOff')}</a>
            </p>
          ) : null}
          {props.flash ? (
            <p class={`flash ${props.flash.kind}`} role={props.flash.kind === 'error' ? 'alert' : 'status'}>
              {withCommands(props.flash.text)}
            </p>
          ) : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}
