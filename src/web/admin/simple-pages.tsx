/** @module The smaller pages of the editors' side: import, audit log, accounts, my account. */
import { ROLES, type AuditEntry, type UploadResult, type User } from '../../app/index.ts';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from './admin-layout.tsx';
import { at } from './admin-i18n.ts';

export function ImportPage(props: { lang: string; user: AdminUser; result?: UploadResult; flash?: Flash }) {
  const { lang, user, result } = props;
  return (
    <AdminLayout lang={lang} title={at(lang, 'import.title')} user={user} flash={props.flash}>
      <h1>{at(lang, 'import.title')}</h1>
      <form method="post" action="/admin/import" enctype="multipart/form-data">
        <CsrfField token={user.csrf} />
        <label for="file">{at(lang, 'import.file')}</label>
        <input id="file" type="file" name="file" required accept=".txt,.html,.htm,.md,.json,text/plain,text/html,text/markdown,application/json" />
        <p>
          <button type="submit">{at(lang, 'import.submit')}</button>
        </p>
      </form>
      {result ? (
        <section>
          <h2>{at(lang, 'import.done', { file: result.file })}</h2>
          <ul>
            {result.articles.map((a) => (
              <li>
                <a href={`/admin/articles/${a.id}`} dir="auto">
                  {a.title}
                </a>{' '}
                <span class="hint">{a.status}</span>
              </li>
            ))}
          </ul>
          <ul class="hint">
            {result.warnings.map((w) => (
              <li dir="auto">
                {w.line ? `${w.line}: ` : ''}
                {w.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </AdminLayout>
  );
}

export function AuditPage(props: { lang: string; user: AdminUser; entries: AuditEntry[]; page: number }) {
  const { lang } = props;
  return (
    <AdminLayout lang={lang} title={at(lang, 'audit.title')} user={props.user}>
      <h1>{at(lang, 'audit.title')}</h1>
      <table>
        <thead>
          <tr>
            <th>{at(lang, 'audit.when')}</th>
            <th>{at(lang, 'audit.who')}</th>
            <th>{at(lang, 'audit.what')}</th>
            <th>{at(lang, 'audit.target')}</th>
            <th>{at(lang, 'audit.where')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td dir="ltr">{e.at.slice(0, 19).replace('T', ' ')}</td>
              <td>
                <bdi>{e.user_email ?? '—'}</bdi>
              </td>
              <td dir="ltr">{e.action}</td>
              <td>
                <bdi>{e.target ?? ''}</bdi>
                {Object.keys(e.detail).length ? <div class="hint" dir="ltr">{JSON.stringify(e.detail)}</div> : null}
              </td>
              <td dir="ltr">{e.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {props.page > 1 ? <a href={`/admin/audit?page=${props.page - 1}`}>←</a> : null} {props.entries.length ? <a href={`/admin/audit?page=${props.page + 1}`}>→</a> : null}
      </p>
    </AdminLayout>
  );
}

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
