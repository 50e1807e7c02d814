/**
 * @module The translators' queue, one per language: what has no translation into it yet (with the
 * article page's "Create the … translation" action where the account may change the article), and its
 * translations outdated by a change to their source (each opening the side-by-side view).
 */
import type { StaleTranslation, TranslationGap } from '../../app/index.ts';
import { LANGS } from '../../model/index.ts';
import { AdminLayout, CsrfField, type AdminUser } from './admin-layout.tsx';
import { StatusBadge } from './article-list-page.tsx';
import { at, atIfKnown, type AdminKey } from './admin-i18n.ts';
import { OutdatedBadge } from './translate-view.tsx';

export function TranslationsPage(props: { lang: string; user: AdminUser; missing: TranslationGap[]; stale: StaleTranslation[]; creatable: ReadonlySet<string>; only?: string }) {
  const { lang } = props;
  const langs = Object.values(LANGS);
  const queue = (code: string) => ({
    missing: props.missing.filter((m) => m.missing.includes(code)),
    stale: props.stale.filter((s) => s.translation.lang === code),
  });
  const shown = langs.filter((l) => !props.only || l.code === props.only);
  const name = (code: string) => atIfKnown(lang, `tr.lang.${code}`) ?? code;
  return (
    <AdminLayout lang={lang} title={at(lang, 'tr.title')} user={props.user}>
      <h1>{at(lang, 'tr.title')}</h1>
      <nav class="row tabs" aria-label={at(lang, 'tr.title')}>
        {langs.map((l) => {
          const q = queue(l.code);
          return (
            <a href={`/admin/translations?lang=${l.code}`} aria-current={props.only === l.code ? 'page' : undefined}>
              {at(lang, 'tr.queueTitle', { lang: name(l.code) })} <span class="hint">({at(lang, 'tr.count', { n: q.missing.length + q.stale.length })})</span>
            </a>
          );
        })}
      </nav>
      {shown.map((l) => {
        const q = queue(l.code);
        return (
          <section class="queue" data-lang={l.code}>
            <h2>{at(lang, 'tr.queueTitle', { lang: name(l.code) })}</h2>
            <h3>{at(lang, 'tr.outdatedList')}</h3>
            {q.stale.length === 0 ? <p>{at(lang, 'tr.none')}</p> : null}
            <ul>
              {q.stale.map((s) => (
                <li>
                  <OutdatedBadge lang={lang} />{' '}
                  <a href={s.recorded ? `/admin/articles/${s.translation.id}/translate` : `/admin/articles/${s.translation.id}`} lang={s.translation.lang} dir="auto">
                    {s.translation.title}
                  </a>{' '}
                  <span class="hint">{at(lang, 'tr.from')}</span> <a href={`/admin/articles/${s.source.id}`} lang={s.source.lang} dir="auto">{s.source.title}</a>
                  {s.recorded ? null : <span class="hint"> ({at(lang, 'tr.byDates')})</span>}
                </li>
              ))}
            </ul>
            <h3>{at(lang, 'tr.toTranslate')}</h3>
            {q.missing.length === 0 ? <p>{at(lang, 'tr.none')}</p> : null}
            <ul>
              {q.missing.map((m) => (
                <li>
                  <a href={`/admin/articles/${m.id}`} lang={m.lang} dir="auto">
                    {m.title}
                  </a>{' '}
                  <StatusBadge lang={lang} status={m.status} />
                  {props.creatable.has(m.id) ? (
                    // The article page's own action and route (create-translation), which checks ownership again.
                    <form method="post" action={`/admin/articles/${m.id}/create-translation`} class="create-translation inline">
                      <CsrfField token={props.user.csrf} />
                      <input type="hidden" name="lang" value={l.code} />
                      <button type="submit" aria-label={`${at(lang, `tr.create.${l.code}` as AdminKey)}: ${m.title}`}>
                        {at(lang, `tr.create.${l.code}` as AdminKey)}
                      </button>
                    </form>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </AdminLayout>
  );
}
