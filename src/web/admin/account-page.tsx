/** @module My account: the second factor, the password, signing out everywhere. */
import { AdminLayout, CsrfField, type AdminUser, type Flash } from './admin-layout.tsx';
import { at } from './admin-i18n.ts';

export function AccountPage(props: { lang: string; user: AdminUser; totpEnabled: boolean; pendingSecret?: string; flash?: Flash }) {
  const { lang, user } = props;
  return (
    <AdminLayout lang={lang} title={at(lang, 'account.title')} user={user} flash={props.flash}>
      <h1>{at(lang, 'account.title')}</h1>
      <section class="panel">
        <h2>{at(lang, 'account.totp')}</h2>
        <p>{at(lang, props.totpEnabled ? 'account.totpOn' : 'account.totpOff')}</p>
        {props.pendingSecret ? (
          <form method="post" action="/admin/account/totp/confirm">
            <CsrfField token={user.csrf} />
            <p>{at(lang, 'account.totpSecret')}</p>
            <p>
              <code class="secret" id="totp-secret">
                {props.pendingSecret}
              </code>
            </p>
            <label for="totp-code">{at(lang, 'signin.code')}</label>
            <input id="totp-code" name="code" type="text" dir="ltr" inputmode="numeric" autocomplete="one-time-code" required />
            <p>
              <button type="submit">{at(lang, 'account.totpConfirm')}</button>
            </p>
          </form>
        ) : (
          <form method="post" action="/admin/account/totp">
            <CsrfField token={user.csrf} />
            <button type="submit" class="secondary">
              {at(lang, 'account.totpStart')}
            </button>
          </form>
        )}
      </section>
      <section class="panel">
        <h2>{at(lang, 'account.password')}</h2>
        <form method="post" action="/admin/account/password">
          <CsrfField token={user.csrf} />
          <label for="pw-current">{at(lang, 'account.current')}</label>
          <input id="pw-current" type="password" name="current" dir="ltr" autocomplete="current-password" required />
          <label for="pw-new">{at(lang, 'account.new')}</label>
          <input id="pw-new" type="password" name="password" dir="ltr" autocomplete="new-password" required minlength={12} />
          <p>
            <button type="submit">{at(lang, 'account.password')}</button>
          </p>
        </form>
      </section>
      <section class="panel">
        <form method="post" action="/admin/sign-out-everywhere">
          <CsrfField token={user.csrf} />
          <button type="submit" class="danger">
            {at(lang, 'admin.signOutEverywhere')}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
