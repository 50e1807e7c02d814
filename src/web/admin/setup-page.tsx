/** @module The first-run setup page: creates the first (admin) account, reached only through the address `mizan serve` printed. */
import { AdminLayout, CsrfField, type Flash } from './admin-layout.tsx';
import { at } from './admin-i18n.ts';

/** `token` absent: the page only explains why setup is refused or finished (the flash says which). */
export function SetupPage(props: { lang: string; csrf: string; token?: string; email?: string; flash?: Flash }) {
  const { lang } = props;
  const title = at(lang, 'setup.title');
  return (
    <AdminLayout lang={lang} title={title} csrf={props.csrf} flash={props.flash}>
      <div class="signin">
        <h1>{title}</h1>
        {props.token ? (
          <form method="post" action="/admin/setup">
            <p>{at(lang, 'setup.intro')}</p>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="token" value={props.token} />
            <label for="email">{at(lang, 'signin.email')}</label>
            <input id="email" name="email" type="email" dir="ltr" autocomplete="username" required maxlength={254} value={props.email ?? ''} />
            <label for="password">{at(lang, 'signin.password')}</label>
            <input id="password" name="password" type="password" dir="ltr" autocomplete="new-password" required minlength={12} maxlength={1024} aria-describedby="password-rules" />
            <p id="password-rules" class="hint">
              {at(lang, 'setup.rules')}
            </p>
            <label for="confirm">{at(lang, 'setup.confirm')}</label>
            <input id="confirm" name="confirm" type="password" dir="ltr" autocomplete="new-password" required minlength={12} maxlength={1024} />
            <p>
              <button type="submit">{at(lang, 'setup.submit')}</button>
            </p>
          </form>
        ) : (
          <p>
            <a href="/admin/sign-in">{at(lang, 'signin.title')}</a>
          </p>
        )}
      </div>
    </AdminLayout>
  );
}
