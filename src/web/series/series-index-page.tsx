/** @module `/series` and `/ar/series`: every series, named in the page's language, with its issues in that language and its feeds. */
import { seriesName } from '../../model/index.ts';
import { t } from '../i18n/index.ts';
import { Layout, type Alternate } from '../views/layout.tsx';
import type { SeriesEntry } from './series-directory.ts';
import { serT } from './series-i18n.ts';

export function SeriesIndexPage(props: { lang: string; canonical: string; alternates: Alternate[]; entries: SeriesEntry[]; pathOf: (key: string) => string }) {
  const { lang } = props;
  const collator = new Intl.Collator(lang);
  const entries = [...props.entries].sort((a, b) => collator.compare(seriesName(a.key, lang), seriesName(b.key, lang)));
  return (
    <Layout lang={lang} title={serT(lang, 'indexTitle')} description={serT(lang, 'indexLede')} canonical={props.canonical} alternates={props.alternates}>
      <header class="page-head">
        <h1>{serT(lang, 'indexTitle')}</h1>
        <p class="lede">{serT(lang, 'indexLede')}</p>
      </header>
      {entries.length ? (
        <ul class="term-index series-index">
          {entries.map((e) => {
            const path = props.pathOf(e.key);
            const n = e.counts[lang] ?? 0;
            return (
              <li>
                <a href={path}>{seriesName(e.key, lang)}</a>{' '}
                <span class="series-count">{n ? t(lang, 'index.articles', { n }) : serT(lang, 'noneHere')}</span>{' '}
                <span class="feed-links">
                  {(['rss', 'atom', 'json'] as const).map((kind) => (
                    <a href={`${path}/feed.${kind === 'rss' ? 'xml' : kind}`} aria-label={`${seriesName(e.key, lang)} — ${t(lang, `feed.${kind}`)}`}>
                      {t(lang, `feed.${kind}`)}
                    </a>
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="empty">{serT(lang, 'indexEmpty')}</p>
      )}
    </Layout>
  );
}
