/** @module The audit log, newest first, for admins. */
import type { AuditEntry } from '../../app/index.ts';
import { AdminLayout, type AdminUser } from './admin-layout.tsx';
import { at } from './admin-i18n.ts';

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
