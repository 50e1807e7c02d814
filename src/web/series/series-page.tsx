/** @module A series' page (PolicyWatch, Policy Notes, …): what it is, its issues in the page's language, newest first, and a box to follow it by e-mail. */
import type { ArticleSummary } from '../../store/index.ts';
import { Layout, type Alternate, type FeedLink } from '../views/layout.tsx';
import { t } from '../i18n/index.ts';
import { Pager } from '../views/pager.tsx';
import { TeaserList } from '../views/teaser.tsx';
import { SubscribeBox } from '../subscribe/index.ts';
import { serT } from './series-i18n.ts';

export interface SeriesPageProps {
  lang: string;
  /** The series as articles carry it (the follow's key). */
  series: string;
  /** Its name in the page's language. */
  title: string;
  path: string;
  canonical: string;
  alternates: Alternate[];
  page: number;
  pages: number;
  total: number;
  items: ArticleSummary[];
  /** The series' own feeds in the page's language. */
  feeds: FeedLink[];
  /** `/series` or `/ar/series`. */
  indexPath: string;
}

/** @example <SeriesPage lang="ar" series="PolicyWatch" title="المرصد السياسي" items={[…]} page={1} pages={1} total={3} … /> */
export function SeriesPage(props: SeriesPageProps) {
  const { lang, page } = props;
  return (
    <Layout lang={lang} title={props.title} description={serT(lang, 'lede', { name: props.title })} canonical={props.canonical} alternates={props.alternates} feeds={props.feeds}>
      <header class="page-head series-head">
        <p class="kicker">
          <a href={props.indexPath}>{serT(lang, 'kicker')}</a>
        </p>
        <h1>{props.title}</h1>
        <p class="lede">{serT(lang, 'lede', { name: props.title })}</p>
        <p class="feed-links">
          <span>{serT(lang, 'feeds', { name: props.title })}:</span>
          {props.feeds.map((f) => (
            <a href={f.href}>{t(lang, `feed.${f.kind}`)}</a>
          ))}
        </p>
      </header>
      <section aria-labelledby="series-articles-h">
        <h2 id="series-articles-h" class="section-title">
          {serT(lang, 'issues', { name: props.title })}
        </h2>
        {props.items.length ? <TeaserList items={props.items} pageLang={lang} headingLevel={3} /> : <p class="empty">{serT(lang, 'none')}</p>}
        <Pager lang={lang} base={props.path} page={page} pages={props.pages} />
      </section>
      <SubscribeBox lang={lang} kind="series" target={props.series} name={props.title} />
      <p class="more-link">
        <a href={props.indexPath}>{serT(lang, 'allSeries')}</a>
      </p>
    </Layout>
  );
}
