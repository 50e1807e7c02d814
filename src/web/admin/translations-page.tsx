/** @module What lacks a translation, and which translations are older than their source. */
import type { StaleTranslation, TranslationGap } from '../../app/index.ts';
import { AdminLayout, type AdminUser } from './admin-layout.tsx';
import { StatusBadge } from './article-list-page.tsx';
import { at } from './admin-i18n.ts';

export function TranslationsPage(props: { lang: string; user: AdminUser; missing: TranslationGap[]; stale: StaleTranslation[] }) {
  const { lang } = props;
  const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  return (
    <AdminLayout lang={lang} title={at(lang, 'tr.title')} user={props.user}>
      <h1>{at(lang, 'tr.title')}</h1>
      <h2>{at(lang, 'tr.stale')}</h2>
      {props.stale.length === 0 ? <p>{at(lang, 'tr.none')}</p> : null}
      <ul>
        {props.stale.map((s) => (
          <li>
            <a href={`/admin/articles/${s.translation.id}`} lang={s.translation.lang} dir="auto">
              {s.translation.title}
            </a>{' '}
            ← <a href={`/admin/articles/${s.source.id}`} lang={s.source.lang} dir="auto">{s.source.title}</a>{' '}
            <span class="hint">{at(lang, 'tr.sourceChanged', { when: when(s.source.modifiedAt), then: when(s.translation.modifiedAt) })}</span>
          </li>
        ))}
      </ul>
      <h2>{at(lang, 'tr.missing')}</h2>
      {props.missing.length === 0 ? <p>{at(lang, 'tr.none')}</p> : null}
      <ul>
        {props.missing.map((m) => (
          <li>
            <a href={`/admin/articles/${m.id}`} lang={m.lang} dir="auto">
              {m.title}
            </a>{' '}
            <StatusBadge lang={lang} status={m.status} /> <span class="hint">{at(lang, 'tr.lacks', { langs: m.missing.join(', ') })}</span>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
