/** @module The sign-in form, and the second step asking for a one-time code. */
import { AdminLayout, CsrfField, type Flash } from './admin-layout.tsx';
import { at } from './admin-i18n.ts';

/** `step: 'password'` asks for email and password; `'code'` for the authenticator's code. */
export function SignInPage(props: { lang: string; csrf: string; step: 'password' | 'code'; email?: string; flash?: Flash }) {
  const { lang } = props;
  const title = at(lang, props.step === 'code' ? 'signin.codeTitle' : 'signin.title');
  return (
    <AdminLayout lang={lang} title={title} csrf={props.csrf} flash={props.flash}>
      <div class="signin">
        <h1>{title}</h1>
        {props.step === 'password' ? (
          <form method="post" action="/admin/sign-in">
            <CsrfField token={props.csrf} />
            <label for="email">{at(lang, 'signin.email')}</label>
            <input id="email" name="email" type="email" dir="ltr" autocomplete="username" required value={props.email ?? ''} />
            <label for="password">{at(lang, 'signin.password')}</label>
            <input id="password" name="password" type="password" dir="ltr" autocomplete="current-password" required />
            <p>
              <button type="submit">{at(lang, 'signin.submit')}</button>
            </p>
          </form>
        ) : (
          <form method="post" action="/admin/sign-in/code">
            <CsrfField token={props.csrf} />
            <label for="code">{at(lang, 'signin.code')}</label>
            <input id="code" name="code" type="text" dir="ltr" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" required />
            <p>
              <button type="submit">{at(lang, 'signin.submit')}</button>
            </p>
          </form>
        )}
      </div>
    </AdminLayout>
  );
}
