/** @module Uploading a page file to import it through the importer, and what came of it. */
import type { UploadResult } from '../../app/index.ts';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from './admin-layout.tsx';
import { at, type AdminKey } from './admin-i18n.ts';

export function ImportPage(props: { lang: string; user: AdminUser; result?: UploadResult; flash?: Flash; conflict?: { id: string; title: string } }) {
  const { lang, user, result } = props;
  return (
    <AdminLayout lang={lang} title={at(lang, 'import.title')} user={user} flash={props.flash}>
      <h1>{at(lang, 'import.title')}</h1>
      <form method="post" action="/admin/import" enctype="multipart/form-data">
        <CsrfField token={user.csrf} />
        <label for="file">{at(lang, 'import.file')}</label>
        <input id="file" type="file" name="file" required accept=".txt,.html,.htm,.md,.json,text/plain,text/html,text/markdown,application/json" />
        <p>
          <label>
            <input type="checkbox" name="force" value="1" /> {at(lang, 'import.force')}
          </label>
        </p>
        <p>
          <button type="submit">{at(lang, 'import.submit')}</button>
        </p>
      </form>
      {props.conflict ? (
        <p>
          <a href={`/admin/articles/${props.conflict.id}/revisions`} dir="auto">
            {props.conflict.title}
          </a>{' '}
          <span class="status status-outdated">{at(lang, 'import.status.conflict')}</span>
        </p>
      ) : null}
      {result ? (
        <section>
          <h2>{at(lang, 'import.done', { file: result.file })}</h2>
          <ul>
            {result.articles.map((a) => (
              <li>
                <a href={`/admin/articles/${a.id}`} dir="auto">
                  {a.title}
                </a>{' '}
                <span class="hint">{at(lang, `import.status.${a.status}` as AdminKey)}</span>
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
