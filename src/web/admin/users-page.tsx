/** @module Accounts for admins: roles, disabling, removing a lost second factor, adding. */
import { ROLES, type User } from '../../app/index.ts';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from './admin-layout.tsx';
import { at } from './admin-i18n.ts';

export function UsersPage(props: { lang: string; user: AdminUser; users: User[]; flash?: Flash }) {
  const { lang, user } = props;
  return (
    <AdminLayout lang={lang} title={at(lang, 'users.title')} user={user} flash={props.flash}>
      <h1>{at(lang, 'users.title')}</h1>
      <table>
        <tbody>
          {props.users.map((u) => (
            <tr>
              <td>
                <bdi>{u.email}</bdi>
                {u.disabled ? <span class="hint"> · {at(lang, 'users.disabled')}</span> : null}
                {u.totpEnabled ? <span class="hint"> · {at(lang, 'users.totp')}</span> : null}
              </td>
              <td>
                <form method="post" action={`/admin/users/${u.id}`} class="row">
                  <CsrfField token={user.csrf} />
                  <input type="hidden" name="do" value="role" />
                  <select name="role" aria-label={at(lang, 'users.role')}>
                    {ROLES.map((r) => (
                      <option value={r} selected={u.role === r}>
                        {r}
                      </option>
                    ))}
                  </select>
                  <button type="submit" class="secondary">
                    {at(lang, 'users.setRole')}
                  </button>
                </form>
              </td>
              <td>
                <form method="post" action={`/admin/users/${u.id}`} class="inline">
                  <CsrfField token={user.csrf} />
                  <input type="hidden" name="do" value={u.disabled ? 'enable' : 'disable'} />
                  <button type="submit" class="secondary">
                    {at(lang, u.disabled ? 'users.enable' : 'users.disable')}
                  </button>
                </form>{' '}
                {u.totpEnabled ? (
                  <form method="post" action={`/admin/users/${u.id}`} class="inline">
                    <CsrfField token={user.csrf} />
                    <input type="hidden" name="do" value="reset-totp" />
                    <button type="submit" class="secondary">
                      {at(lang, 'users.resetTotp')}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{at(lang, 'users.add')}</h2>
      <form method="post" action="/admin/users" class="panel">
        <CsrfField token={user.csrf} />
        <div class="row">
          <div>
            <label for="nu-email">{at(lang, 'signin.email')}</label>
            <input id="nu-email" type="email" name="email" dir="ltr" required />
          </div>
          <div>
            <label for="nu-role">{at(lang, 'users.role')}</label>
            <select id="nu-role" name="role">
              {ROLES.map((r) => (
                <option value={r}>{r}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="nu-password">{at(lang, 'account.new')}</label>
            <input id="nu-password" type="password" name="password" dir="ltr" autocomplete="new-password" required minlength={12} />
          </div>
        </div>
        <p>
          <button type="submit">{at(lang, 'users.add')}</button>
        </p>
      </form>
    </AdminLayout>
  );
}
